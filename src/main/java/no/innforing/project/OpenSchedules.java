package no.innforing.project;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.innforing.shared.TransactionMemory;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The schedule of a municipality's open project, as the process's due dates and timers read it (nearly every engine
 * command asks: each user task created and each timer). While the transaction has loaded no entity, the five columns
 * the schedule is made of are read with plain SQL and remembered for the rest of the transaction; that is the case
 * in the engine's own commands (a task completed in Tasklist, a timer fired by the job executor), and it spares
 * Hibernate's hydration of the project, its municipality and waves and the dirty check of all four at commit
 * (PlatformOverheadBenchmark). As soon as the transaction manages any entity, the project entity is read instead
 * ({@link ProjectService#openProjectOf}: Hibernate flushes pending changes before the query, and a project changed
 * in this transaction is the one remembered), so a schedule changed earlier in the same transaction is never missed:
 * every change of a project goes through its entity (there is no bulk update of projects and no clearing of the
 * persistence context).
 */
@Component
class OpenSchedules {

    private static final Object KEY = OpenSchedules.class;

    private static final String SQL = "select w.go_live_date, p.service_agreement_extended_to, "
            + "p.pre_project_started_on, p.main_project_started_on, p.went_live_on "
            + "from implementation_project p join wave w on w.code = p.wave_code "
            + "where p.municipality_number = :number and p.state in (:open)";

    private final ProjectService projects;
    private final NamedParameterJdbcTemplate jdbc;

    @PersistenceContext
    private EntityManager entityManager;

    OpenSchedules(ProjectService projects, NamedParameterJdbcTemplate jdbc) {
        this.projects = projects;
        this.jdbc = jdbc;
    }

    /** The open project's schedule; an exception when the municipality has no open project. */
    ProjectSchedule of(String municipalityNumber) {
        Map<String, ProjectSchedule> read = TransactionMemory.current(KEY, HashMap::new);
        if (read == null || managesEntities()) {
            return projects.openProjectOf(municipalityNumber).schedule();
        }
        ProjectSchedule schedule = read.get(municipalityNumber);
        if (schedule == null) {
            schedule = query(municipalityNumber);
            read.put(municipalityNumber, schedule);
        }
        return schedule;
    }

    private boolean managesEntities() {
        return entityManager.unwrap(SessionImplementor.class).getPersistenceContextInternal()
                .getNumberOfManagedEntities() > 0;
    }

    private ProjectSchedule query(String municipalityNumber) {
        List<ProjectSchedule> found = jdbc.query(SQL,
                Map.of("number", municipalityNumber, "open", ProjectState.OPEN_NAMES),
                (row, i) -> ImplementationProject.schedule(row.getObject(1, LocalDate.class),
                        row.getObject(2, LocalDate.class), row.getObject(3, LocalDate.class),
                        row.getObject(4, LocalDate.class), row.getObject(5, LocalDate.class)));
        if (found.isEmpty()) {
            throw ProjectService.noOpenProject(municipalityNumber);
        }
        return found.get(0);
    }
}
