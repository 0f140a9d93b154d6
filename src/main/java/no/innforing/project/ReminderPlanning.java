package no.innforing.project;

import java.util.List;

/**
 * Whether planning a project's service-agreement reminders afresh would plan exactly the ones already waiting and
 * skip none: then a move only recalculates their timers ({@link ProjectRescheduler}) instead of cancelling and
 * restarting the reminders subprocess. Answered by the module that plans the reminders.
 */
public interface ReminderPlanning {

    /**
     * True when, on the project's current schedule, every configured reminder is still ahead and the waiting ones
     * ({@code waitingDays}: days before the deadline, one per reminder waiting at its timer) are exactly those.
     */
    boolean plansExactly(ImplementationProject project, List<Integer> waitingDays);
}
