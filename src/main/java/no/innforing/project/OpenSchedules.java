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
 * persistence context). The same statement gives the open project's id, which the process's own steps use to change
 * what belongs to the project without loading it (the risk review stamps its risks, the benefit plan is saved).
 */
@Component
public class OpenSchedules {

    private static final Object KEY = OpenSchedules.class;

    private static final String SQL = "select p.id, w.go_live_date, p.service_agreement_extended_to, "
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
        OpenRow row = remembered(municipalityNumber);
        return row == null ? projects.openProjectOf(municipalityNumber).schedule() : row.schedule();
    }

    /** The open project's id, by the same rule; an exception when the municipality has no open project. */
    public long projectIdOf(String municipalityNumber) {
        OpenRow row = remembered(municipalityNumber);
        return row == null ? projects.openProjectOf(municipalityNumber).getId() : row.id();
    }

    /** The row read with plain SQL in this transaction, or {@code null} when the entity is to be read instead. */
    private OpenRow remembered(String municipalityNumber) {
        Map<String, OpenRow> read = TransactionMemory.current(KEY, HashMap::new);
        if (read == null || managesEntities()) {
            return null;
        }
        return read.computeIfAbsent(municipalityNumber, this::query);
    }

    private boolean managesEntities() {
        return entityManager.unwrap(SessionImplementor.class).getPersistenceContextInternal()
                .getNumberOfManagedEntities() > 0;
    }

    private OpenRow query(String municipalityNumber) {
        List<OpenRow> found = jdbc.query(SQL,
                Map.of("number", municipalityNumber, "open", ProjectState.OPEN_NAMES),
                (row, i) -> new OpenRow(row.getLong(1), ImplementationProject.schedule(
                        row.getObject(2, LocalDate.class), row.getObject(3, LocalDate.class),
                        row.getObject(4, LocalDate.class), row.getObject(5, LocalDate.class),
                        row.getObject(6, LocalDate.class))));
        if (found.isEmpty()) {
            throw ProjectService.noOpenProject(municipalityNumber);
        }
        return found.get(0);
    }

    private record OpenRow(long id, ProjectSchedule schedule) {
    }
}
