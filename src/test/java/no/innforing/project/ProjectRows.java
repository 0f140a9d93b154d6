package no.innforing.project;

import org.springframework.jdbc.core.JdbcTemplate;

/** Project rows written with plain SQL, past the platform's code: for tests of what the database itself refuses. */
public final class ProjectRows {

    private ProjectRows() {
    }

    /** Inserts a copy of the project's row (same municipality and waves) in the given state. */
    public static void copy(JdbcTemplate jdbc, long projectId, ProjectState state) {
        jdbc.update("""
                insert into implementation_project (municipality_number, wave_code, original_wave_code, state,
                    start_phase, early_start, created_at, version)
                select municipality_number, wave_code, original_wave_code, ?, start_phase, early_start, created_at, 0
                from implementation_project where id = ?""", state.name(), projectId);
    }
}
