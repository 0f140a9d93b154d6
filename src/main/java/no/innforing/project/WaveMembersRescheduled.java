package no.innforing.project;

import java.util.List;

/**
 * A wave moved: what changed for each of its open members, in one event (the members are told by e-mail, queued by
 * a job of its own after the move, not inside the move's transaction).
 */
public record WaveMembersRescheduled(String waveCode, List<ProjectScheduleChanged> changes) {
}
