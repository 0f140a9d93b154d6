package no.innforing.project;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The schedule as the BPMN reads it: {@code ${schedule.serviceAgreementDeadline(execution)}} in timers,
 * {@code ${schedule.taskDue(execution)}} as every user task's due date. All dates come from the project's wave
 * (and a granted extension) at the moment they are read, so after a date change recalculating a timer job or a
 * task's due date gives the new date. The engine calls it inside its command's transaction; the schedule is read by
 * {@link OpenSchedules} (the project itself once the transaction has loaded it).
 */
@Component("schedule")
public class ProcessSchedule {

    /** A readiness check opens this many days before go-live. */
    public static final int GO_LIVE_READINESS_DAYS_BEFORE = 28;

    private final OpenSchedules schedules;

    ProcessSchedule(OpenSchedules schedules) {
        this.schedules = schedules;
    }

    public ProjectSchedule of(DelegateExecution execution) {
        return schedules.of(execution.getProcessBusinessKey());
    }

    public Date preProjectStart(DelegateExecution execution) {
        return startOf(of(execution).preProjectStart());
    }

    /** The end of the service-agreement due day: the timer fires when the deadline has passed. */
    public Date serviceAgreementDeadline(DelegateExecution execution) {
        return Date.from(of(execution).serviceAgreementDeadline());
    }

    public Date mainProjectStart(DelegateExecution execution) {
        return startOf(of(execution).mainProjectStart());
    }

    public Date goLiveReadiness(DelegateExecution execution) {
        return startOf(of(execution).goLive().minusDays(GO_LIVE_READINESS_DAYS_BEFORE));
    }

    public Date goLive(DelegateExecution execution) {
        return startOf(of(execution).goLive());
    }

    public Date stabilizationEnd(DelegateExecution execution) {
        return startOf(of(execution).stabilizationEnd());
    }

    /** The due date of the user task being created, by the rule in {@link TaskDeadlines}. */
    public Date taskDue(DelegateExecution execution) {
        return ProjectSchedule.endOfDay(TaskDeadlines.dueDay(execution, of(execution)));
    }

    private static Date startOf(java.time.LocalDate day) {
        return Date.from(ProjectSchedule.startOfDay(day));
    }
}
