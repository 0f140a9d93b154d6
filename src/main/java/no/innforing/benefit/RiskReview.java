package no.innforing.benefit;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.Map;
import no.innforing.project.OpenSchedules;
import no.innforing.project.ProjectSchedule;
import no.innforing.shared.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register is reviewed at each phase start: the review tasks of the implementation process
 * ({@code Gjennomgå risikoregisteret}) call {@code ${riskReview.completed(task)}} when completed, which stamps every
 * risk that is not closed as reviewed by that user today. Changed risks are saved on the benefits page as usual.
 * <p>
 * It runs inside the project leader's completion, so it is kept lean: the open project's id comes from the statement
 * that also gives the process its due dates ({@link OpenSchedules}), and the risks are stamped with one plain SQL
 * update after pending changes are written (the version goes up as with any change, so a form holding the old version
 * is refused, and a risk already loaded in the same transaction would be refused by its version if saved afterwards,
 * never written over silently).
 */
@Component("riskReview")
public class RiskReview {

    private static final String STAMP = "update project_risk set reviewed_at = :at, reviewed_by = :by, "
            + "version = version + 1 where project_id = :project and status <> :closed";

    private final OpenSchedules openProjects;
    private final NamedParameterJdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final CurrentUser currentUser;

    RiskReview(OpenSchedules openProjects, NamedParameterJdbcTemplate jdbc, EntityManager entityManager,
            CurrentUser currentUser) {
        this.openProjects = openProjects;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.currentUser = currentUser;
    }

    /** Stamps the open project's risks that are not closed; how many were stamped. */
    @Transactional
    public int completed(DelegateTask task) {
        long project = openProjects.projectIdOf(task.getExecution().getProcessBusinessKey());
        String by = task.getAssignee() != null ? task.getAssignee() : currentUser.id();
        entityManager.flush();
        return jdbc.update(STAMP, Map.of("at", Timestamp.from(ProjectSchedule.now()), "by", by, "project", project,
                "closed", RiskStatus.CLOSED.name()));
    }
}
