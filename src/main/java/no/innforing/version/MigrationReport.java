package no.innforing.version;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a migration to {@code targetVersion} does, or would do, to every project it touches. The same report answers
 * the dry run and the migration; after a migration {@code status} says what happened to each project.
 */
public record MigrationReport(String processKey, String processName, int targetVersion, List<Integer> fromVersions,
        boolean dryRun, List<TaskChange> versionChanges, List<ProjectMigration> projects, int migratable,
        int notMigratable, int migrated, int failed, String message) {

    /** A user task the target version adds, removes or renames compared with a source version. */
    public record TaskChange(int fromVersion, String change, String taskId, String name, String oldName) {
    }

    /** One project (process instance): whether it can move, why not, and what changes for it. */
    public record ProjectMigration(String municipalityNumber, String municipalityName, String processInstanceId,
            int fromVersion, Status status, String statusName, List<String> reasons, List<String> changes,
            List<OpenTask> openTasks, List<Timer> timers) {
    }

    /** An open task as the project leader sees it after the migration (its name in the target version). */
    public record OpenTask(String taskId, String name, String previousName, OffsetDateTime due, String assignee) {
    }

    /** A timer of the project and its due date, which the migration keeps. */
    public record Timer(String name, OffsetDateTime dueAt, boolean kept) {
    }

    /** Per project: can it move (dry run), and did it (migration). */
    public enum Status {
        CAN_MIGRATE("Kan flyttes"), CANNOT_MIGRATE("Kan ikke flyttes"), MIGRATED("Flyttet"),
        NOT_MIGRATED("Ikke flyttet"), FAILED("Feilet");

        private final String displayName;

        Status(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }
}
