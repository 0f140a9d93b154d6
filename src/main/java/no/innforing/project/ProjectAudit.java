package no.innforing.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to a project: who did what, when, and why. Never updated, never deleted. */
@Entity
@Table(name = "project_audit")
public class ProjectAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    private String action;

    private String detail;

    protected ProjectAudit() {
    }

    ProjectAudit(Long projectId, Instant occurredAt, String actor, String action, String detail) {
        this.projectId = projectId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.detail = detail;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getDetail() {
        return detail;
    }
}
