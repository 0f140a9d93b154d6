package no.innforing.benefit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One entry of a project's risk register (ROS-analyse). */
@Entity
@Table(name = "project_risk")
public class Risk {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private Long projectId;

    private String description;

    @Enumerated(EnumType.STRING)
    private RiskFocus focus;

    private int likelihood;
    private int consequence;
    private String mitigation;
    private String owner;

    @Enumerated(EnumType.STRING)
    private RiskStatus status;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Version
    private long version;

    protected Risk() {
    }

    Risk(Long projectId) {
        this.projectId = projectId;
    }

    void assess(RiskDefinition definition, Instant at, String by) {
        this.description = definition.description();
        this.focus = definition.focus();
        this.likelihood = definition.likelihood();
        this.consequence = definition.consequence();
        this.mitigation = definition.mitigation();
        this.owner = definition.owner();
        this.status = definition.status() == null ? RiskStatus.OPEN : definition.status();
        this.reviewedAt = at;
        this.reviewedBy = by;
    }

    /** Reviewed without changes (the phase-start review in Tasklist). */
    void reviewed(Instant at, String by) {
        this.reviewedAt = at;
        this.reviewedBy = by;
    }

    /** Likelihood × consequence, 1 to 25. */
    public int score() {
        return likelihood * consequence;
    }

    /** green (1–4), yellow (5–12) or red (15–25), as in the matrix. */
    public String level() {
        return RiskMatrix.level(likelihood, consequence);
    }

    /** The day of the latest review, in Oslo. */
    public java.time.LocalDate reviewedOn() {
        return java.time.LocalDate.ofInstant(reviewedAt, no.innforing.project.ProjectSchedule.ZONE);
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public String getDescription() { return description; }
    public RiskFocus getFocus() { return focus; }
    public int getLikelihood() { return likelihood; }
    public int getConsequence() { return consequence; }
    public String getMitigation() { return mitigation; }
    public String getOwner() { return owner; }
    public RiskStatus getStatus() { return status; }
    public Instant getReviewedAt() { return reviewedAt; }
    public String getReviewedBy() { return reviewedBy; }
}
