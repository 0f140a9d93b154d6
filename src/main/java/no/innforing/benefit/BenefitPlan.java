package no.innforing.benefit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A project's benefit plan (gevinstplan): the municipality's answers to the five questions. */
@Entity
@Table(name = "benefit_plan")
public class BenefitPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "expected_benefits")
    private String expectedBenefits;

    @Column(name = "service_categories")
    private String serviceCategories;

    private String ambition;

    @Column(name = "follow_up_responsibility")
    private String followUpResponsibility;

    private String replanning;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected BenefitPlan() {
    }

    BenefitPlan(Long projectId) {
        this.projectId = projectId;
    }

    void answer(String expectedBenefits, String serviceCategories, String ambition, String followUpResponsibility,
            String replanning, Instant at, String by) {
        this.expectedBenefits = expectedBenefits;
        this.serviceCategories = serviceCategories;
        this.ambition = ambition;
        this.followUpResponsibility = followUpResponsibility;
        this.replanning = replanning;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public String getExpectedBenefits() { return expectedBenefits; }
    public String getServiceCategories() { return serviceCategories; }
    public String getAmbition() { return ambition; }
    public String getFollowUpResponsibility() { return followUpResponsibility; }
    public String getReplanning() { return replanning; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
}
