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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One concrete, measurable benefit goal (gevinstmål) of a project: an indicator from baseline to target. */
@Entity
@Table(name = "benefit_goal")
public class BenefitGoal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private Long projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "focus_area")
    private FocusArea focusArea;

    @Column(name = "service_category")
    private String serviceCategory;

    private String indicator;
    private String unit;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    private BigDecimal baseline;
    private BigDecimal target;

    @Column(name = "target_date")
    private LocalDate targetDate;

    private String responsible;

    @Column(name = "catalogue_code")
    private String catalogueCode;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected BenefitGoal() {
    }

    BenefitGoal(Long projectId, Instant createdAt) {
        this.projectId = projectId;
        this.createdAt = createdAt;
    }

    void define(GoalDefinition definition, Instant at) {
        this.focusArea = definition.focusArea();
        this.serviceCategory = definition.serviceCategory();
        this.indicator = definition.indicator();
        this.unit = definition.unit();
        this.direction = definition.direction();
        this.baseline = definition.baseline();
        this.target = definition.target();
        this.targetDate = definition.targetDate();
        this.responsible = definition.responsible();
        this.catalogueCode = definition.catalogueCode();
        this.updatedAt = at;
    }

    /** Share of the way from baseline to target that a value has come, 0 at the baseline and 1 at the target. */
    public double progress(BigDecimal value) {
        BigDecimal span = target.subtract(baseline);
        if (span.signum() == 0) {
            return 0;
        }
        return value.subtract(baseline).doubleValue() / span.doubleValue();
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public FocusArea getFocusArea() { return focusArea; }
    public String getServiceCategory() { return serviceCategory; }
    public String getIndicator() { return indicator; }
    public String getUnit() { return unit; }
    public Direction getDirection() { return direction; }
    public BigDecimal getBaseline() { return baseline; }
    public BigDecimal getTarget() { return target; }
    public LocalDate getTargetDate() { return targetDate; }
    public String getResponsible() { return responsible; }
    public String getCatalogueCode() { return catalogueCode; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
