package no.innforing.project;

/**
 * Published when a project's dates changed (its wave moved, it moved to another wave): members are told what
 * changed. {@code changeKey} tells one change from another (the new go-live date and when).
 */
public record ProjectScheduleChanged(Long projectId, String municipalityNumber, String headline, String reason,
        ProjectSchedule before, ProjectSchedule after, String changeKey) {
}
