package no.innforing.notification;

import static no.innforing.shared.Norwegian.date;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.Norwegian;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The overdue notices, from one periodic sweep instead of two timers per user task: the {@code overdue-sweep} process
 * starts every quarter hour (a cycle timer, so one job in the whole cluster that survives restarts) and its service
 * task ({@code ${overdueNotices.sweep()}}, asynchronous with retries) calls {@link #sweep}.
 *
 * <p>The sweep reads the open user tasks of {@code municipal-implementation} whose due date has passed and queues, for
 * each, the notices whose moment has come: to the project leader at 08:00 Oslo on the first working day after the due
 * day ({@link NotificationType#TASK_OVERDUE}), to RAG a week after it ({@link NotificationType#TASK_OVERDUE_RAG}); a
 * task RAG works itself gets only the first, addressed to RAG. The moment follows the task's due date as it is now,
 * so a moved schedule (which moves the due dates) or a due date changed in Tasklist moves it too, and a completed
 * task is never read. A notice is queued once per task, kind and due day (the notification's idempotency key), so a
 * sweep that runs again, twice at once or after a retry queues nothing twice. A task that was already this far overdue
 * when it was created (a project registered mid-programme) gets its notice recorded as skipped, not sent.
 */
@Component("overdueNotices")
public class OverdueNotices {

    /** The process whose cycle timer runs the sweep. */
    public static final String SWEEP_PROCESS_KEY = "overdue-sweep";

    private static final Logger LOG = LoggerFactory.getLogger(OverdueNotices.class);
    private static final int KEYS_PER_QUERY = 500;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ProjectService projects;
    private final NotificationService notifications;
    private final NotificationRepository log;
    private final NotificationProperties properties;
    private final WorkingDays workingDays;

    OverdueNotices(TaskService taskService, RuntimeService runtimeService, ProjectService projects,
            NotificationService notifications, NotificationRepository log, NotificationProperties properties,
            WorkingDays workingDays) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.projects = projects;
        this.notifications = notifications;
        this.log = log;
        this.properties = properties;
        this.workingDays = workingDays;
    }

    /** When the project leader hears of a task due on {@code dueDay}: 08:00 on the first working day after it. */
    public Instant leaderNoticeAt(LocalDate dueDay) {
        return workingDays.sendMomentOnOrAfter(dueDay.plusDays(1)).toInstant();
    }

    /** When RAG hears of a task due on {@code dueDay} that is still open: a week later, on a working day at 08:00. */
    public Instant ragNoticeAt(LocalDate dueDay) {
        return workingDays.sendMomentOnOrAfter(dueDay.plusDays(7)).toInstant();
    }

    /** One notice the sweep owes: the task, the kind of notice, the task's due day and when the notice is due. */
    private record Owed(Task task, NotificationType type, LocalDate dueDay, Instant at) {

        String idempotencyKey() {
            return type.name() + ":" + key(task, dueDay);
        }
    }

    /** Queues every overdue notice whose moment has passed and that is not queued yet; returns how many it recorded. */
    public int sweep() {
        Instant now = ProjectSchedule.now();
        List<Task> overdue = taskService.createTaskQuery().processDefinitionKey(ProjectProcess.PROCESS_KEY).active()
                .dueBefore(Date.from(now)).list();
        if (overdue.isEmpty()) {
            return 0;
        }
        Set<String> ragTasks = taskService.createTaskQuery().processDefinitionKey(ProjectProcess.PROCESS_KEY).active()
                .dueBefore(Date.from(now)).taskCandidateGroup(MunicipalityAccess.RAG_GROUP).includeAssignedTasks()
                .list().stream().map(Task::getId).collect(Collectors.toSet());
        List<Owed> owed = new ArrayList<>();
        for (Task task : overdue) {
            LocalDate dueDay = LocalDate.ofInstant(task.getDueDate().toInstant(), ProjectSchedule.ZONE);
            boolean ragTask = ragTasks.contains(task.getId());
            Instant toLeader = leaderNoticeAt(dueDay);
            if (!toLeader.isAfter(now)) {
                owed.add(new Owed(task, ragTask ? NotificationType.TASK_OVERDUE_RAG : NotificationType.TASK_OVERDUE,
                        dueDay, toLeader));
            }
            Instant toRag = ragNoticeAt(dueDay);
            if (!ragTask && !toRag.isAfter(now)) {
                owed.add(new Owed(task, NotificationType.TASK_OVERDUE_RAG, dueDay, toRag));
            }
        }
        if (owed.isEmpty()) {
            return 0;
        }
        Set<String> queued = new HashSet<>();
        List<String> keys = owed.stream().map(Owed::idempotencyKey).toList();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            queued.addAll(log.findIdempotencyKeysIn(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY))));
        }
        owed.removeIf(notice -> queued.contains(notice.idempotencyKey()));
        if (owed.isEmpty()) {
            return 0;
        }
        Map<String, String> businessKeys = new HashMap<>();
        runtimeService.createProcessInstanceQuery()
                .processInstanceIds(owed.stream().map(n -> n.task().getProcessInstanceId()).collect(Collectors.toSet()))
                .list().forEach(instance -> businessKeys.put(instance.getId(), instance.getBusinessKey()));
        int recorded = 0;
        for (Owed notice : owed) {
            Optional<ImplementationProject> project = Optional.ofNullable(businessKeys.get(notice.task()
                    .getProcessInstanceId())).flatMap(projects::openProject);
            if (project.isEmpty()) {
                LOG.warn("Task {} is overdue but its municipality has no open project; no notice", notice.task().getId());
                continue;
            }
            NotificationService.Request request = request(notice, project.get());
            if (notice.task().getCreateTime().toInstant().isAfter(notice.at())) {
                notifications.skip(request, "Oppgaven var allerede forfalt da den ble opprettet.");
            } else {
                notifications.enqueue(request);
            }
            recorded++;
        }
        return recorded;
    }

    private NotificationService.Request request(Owed notice, ImplementationProject project) {
        Task task = notice.task();
        int daysOverdue = (int) ChronoUnit.DAYS.between(notice.dueDay(), ProjectSchedule.today());
        Map<String, Object> model = ProcessNotifications.base(project);
        if (notice.type() == NotificationType.TASK_OVERDUE_RAG) {
            model.put("headline", "«" + task.getName() + "» for " + project.getMunicipality().getName()
                    + " er forfalt");
            model.put("details", "Oppgaven hadde frist " + date(notice.dueDay()) + " og har vært forfalt i "
                    + Norwegian.count(daysOverdue, "dag", "dager") + ".");
            model.put("link", properties.taskLink(task.getId()));
            return new NotificationService.Request(NotificationType.TASK_OVERDUE_RAG, key(task, notice.dueDay()),
                    project.getId(), project.getMunicipality(), ProjectSchedule.now(), "rag-alert", model, null);
        }
        model.put("taskName", task.getName());
        model.put("due", notice.dueDay());
        model.put("daysOverdue", daysOverdue);
        model.put("taskUrl", properties.taskLink(task.getId()));
        return new NotificationService.Request(NotificationType.TASK_OVERDUE, key(task, notice.dueDay()),
                project.getId(), project.getMunicipality(), ProjectSchedule.now(), "task-overdue", model, null);
    }

    /** The notice's key besides its type: one per task and due day (a moved due date is a new deadline). */
    private static String key(Task task, LocalDate dueDay) {
        return "task:" + task.getId() + ":" + dueDay;
    }
}
