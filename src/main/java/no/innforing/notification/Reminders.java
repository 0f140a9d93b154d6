package no.innforing.notification;

import static no.innforing.shared.Norwegian.date;
import static no.innforing.shared.Norwegian.dateTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.innforing.project.ImplementationProject;
import no.innforing.project.Milestone;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.project.TaskDeadlines;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The service-agreement reminders as the BPMN reads them ({@code ${reminders.…}}): which to plan, when each is due
 * (from the schedule, moved to the last working day before at 08:00 Oslo), and the reminder itself. Also when an
 * legacy overdue timer is due. Everything is computed from the schedule when read, so a moved date moves them.
 */
@Component("reminders")
public class Reminders {

    static final String DEADLINE_LABEL = Milestone.SERVICE_AGREEMENT_DUE.label();

    private final ProjectService projects;
    private final NotificationService notifications;
    private final NotificationProperties properties;
    private final WorkingDays workingDays;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final OverdueNotices overdueNotices;

    Reminders(ProjectService projects, NotificationService notifications, NotificationProperties properties,
            WorkingDays workingDays, ManagementService managementService, TaskService taskService,
            OverdueNotices overdueNotices) {
        this.projects = projects;
        this.notifications = notifications;
        this.properties = properties;
        this.workingDays = workingDays;
        this.managementService = managementService;
        this.taskService = taskService;
        this.overdueNotices = overdueNotices;
    }

    /**
     * Start listener of the reminders subprocess: the reminders still ahead become its multi-instance collection;
     * those whose time has already passed are recorded as skipped, not sent late in a burst.
     */
    public void plan(DelegateExecution execution) {
        ImplementationProject project = projects.openProjectOf(execution.getProcessBusinessKey());
        List<Integer> ahead = new ArrayList<>();
        if (!project.isServiceAgreementSigned()) {
            Instant now = ProjectSchedule.now();
            for (int days : properties.reminderDays()) {
                Instant due = dueAt(project, days);
                if (due.isAfter(now)) {
                    ahead.add(days);
                } else {
                    notifications.skip(request(project, days, null),
                            "Tidspunktet (" + dateTime(due) + ") var passert da påminnelsen ble planlagt.");
                }
            }
        }
        execution.setVariableLocal(ProjectProcess.VAR_PLANNED_REMINDERS, ahead);
    }

    /** Timer date of one reminder: {@code reminderDays} before the deadline, on a working day at 08:00. */
    public Date dueAt(DelegateExecution execution) {
        ImplementationProject project = projects.openProjectOf(execution.getProcessBusinessKey());
        return Date.from(dueAt(project, ((Number) execution.getVariable(ProjectProcess.VAR_REMINDER_DAYS)).intValue()));
    }

    /** The reminder itself: queued for delivery (the delivery job sends it). */
    public void send(DelegateExecution execution) {
        ImplementationProject project = projects.openProjectOf(execution.getProcessBusinessKey());
        int days = ((Number) execution.getVariable(ProjectProcess.VAR_REMINDER_DAYS)).intValue();
        notifications.enqueue(request(project, days, signingTask(execution.getProcessInstanceId())));
    }

    /**
     * Timer dates of the per-task overdue timers that only process versions deployed before the overdue sweep still
     * have ({@code project.LegacyOverdueTimers}); their listeners do nothing, {@link OverdueNotices} sends the notices.
     */
    public Date taskOverdue(DelegateExecution execution) {
        return Date.from(overdueNotices.leaderNoticeAt(dueDay(execution)));
    }

    /** See {@link #taskOverdue}. */
    public Date taskOverdueForRag(DelegateExecution execution) {
        return Date.from(overdueNotices.ragNoticeAt(dueDay(execution)));
    }

    /** A reminder that is planned: its type and when it is due. */
    public record Planned(String type, OffsetDateTime dueAt) {
    }

    public List<Planned> planned(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(ProjectProcess.TIMER_REMINDER)
                .orderByJobDuedate().asc().list().stream()
                .map(Job::getDuedate).map(d -> new Planned(NotificationType.SERVICE_AGREEMENT_REMINDER.name(),
                        OffsetDateTime.ofInstant(d.toInstant(), ProjectSchedule.ZONE)))
                .toList();
    }

    private LocalDate dueDay(DelegateExecution execution) {
        ImplementationProject project = projects.openProjectOf(execution.getProcessBusinessKey());
        return TaskDeadlines.dueDay(execution, project.schedule());
    }

    Instant dueAt(ImplementationProject project, int daysBefore) {
        return workingDays.sendMoment(project.schedule().serviceAgreementDue().minusDays(daysBefore)).toInstant();
    }

    private NotificationService.Request request(ImplementationProject project, int days, String taskId) {
        LocalDate deadline = project.schedule().serviceAgreementDue();
        Instant due = dueAt(project, days);
        String name = project.getMunicipality().getName();
        Map<String, Object> model = new HashMap<>();
        model.put("municipalityName", name);
        model.put("municipalityNumber", project.getMunicipality().getNumber());
        model.put("waveCode", project.getWave().getCode());
        model.put("deadlineLabel", DEADLINE_LABEL);
        model.put("deadline", deadline);
        model.put("daysLeft", (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(due, ProjectSchedule.ZONE), deadline));
        model.put("whatToDo", "Kommunedirektøren signerer den bindende tjenesteavtalen, og prosjektlederen registrerer "
                + "det i oppgaven «Signer tjenesteavtale eller fratre». Vil kommunen fratre, meldes det i samme "
                + "oppgave. Retten til å fratre gjelder bare fram til fristen " + date(deadline) + ".");
        model.put("taskUrl", properties.taskLink(taskId));
        String calendar = DeadlineCalendar.deadlineEvent(
                "tjenesteavtale-" + project.getMunicipality().getNumber() + "-" + project.getId() + "@innforing",
                DEADLINE_LABEL + " (" + name + ")",
                "Tjenesteavtalen må være signert innen utgangen av " + date(deadline) + ".", deadline,
                properties.taskLink(taskId));
        return new NotificationService.Request(NotificationType.SERVICE_AGREEMENT_REMINDER,
                "project:" + project.getId() + ":" + deadline + ":" + days, project.getId(), project.getMunicipality(),
                due, "deadline-reminder", model, calendar);
    }

    private String signingTask(String processInstanceId) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(ProjectProcess.TASK_SIGN_SERVICE_AGREEMENT).singleResult();
        return task == null ? null : task.getId();
    }
}
