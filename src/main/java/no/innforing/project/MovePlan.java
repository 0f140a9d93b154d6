package no.innforing.project;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What moving a wave's go-live date or one municipality to another wave does, member by member: the milestones with
 * their old and new dates (reached ones stay), the open tasks' due dates, the timers and reminders that move, the
 * members that block the move and why, and the effect on capacity and cost share. The preview returns it; the move
 * returns the same thing after it has happened ({@link MovePlanner}).
 */
public record MovePlan(String waveCode, String targetWaveCode, LocalDate oldGoLive, LocalDate newGoLive,
        String reason, boolean allowed, List<Member> members, List<Blocker> blockers, Capacity capacity,
        List<CostShare> costShares) {

    /** One member and what the move does to it. */
    public record Member(String municipalityNumber, String municipalityName, String phase,
            List<MilestoneMove> milestones, List<DateMove> tasks, List<DateMove> timers, List<DateMove> reminders) {
    }

    /** A milestone's date before and after; a reached one (a fact) keeps its date. */
    public record MilestoneMove(String id, String label, LocalDate from, LocalDate to, boolean reached) {
        public boolean moves() {
            return !from.equals(to);
        }
    }

    /** A task's due date, a timer's or a reminder's time before and after (null: none before or after). */
    public record DateMove(String what, OffsetDateTime from, OffsetDateTime to) {
    }

    /** A member the move would rewrite history for, or leave with its next milestone in the past. */
    public record Blocker(String municipalityNumber, String municipalityName, String milestone, String why) {
    }

    /** The target wave's use against its capacity (null values: no capacity set). */
    public record Capacity(String waveCode, Integer maxMunicipalities, Integer maxInhabitants, int municipalitiesBefore,
            int municipalitiesAfter, long inhabitantsBefore, long inhabitantsAfter, boolean exceeded,
            boolean overridden) {
    }

    /**
     * A wave's participants and inhabitants before and after, from which its cost shares follow by population (a
     * wave move changes no membership, so it has none).
     */
    public record CostShare(String waveCode, int participantsBefore, int participantsAfter, long inhabitantsBefore,
            long inhabitantsAfter, double memberSharePercentAfter) {
    }
}
