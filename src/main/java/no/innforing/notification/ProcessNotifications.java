package no.innforing.notification;

import static no.innforing.shared.Norwegian.date;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.innforing.project.ImplementationProject;
import no.innforing.project.Milestone;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectScheduleChanged;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectWithdrawn;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The notifications the process triggers from its named service tasks
 * ({@code ${notifications.phaseStarted(execution, 'MAIN_PROJECT')}} and friends): each becomes a queued notification
 * with an idempotency key, sent by {@link NotificationDelivery}.
 */
@Component("notifications")
public class ProcessNotifications {

    /** Phase notices, with what the project leader reads. */
    public enum PhaseNotice {
        PRE_PROJECT("Forprosjekt", "Forprosjektet er i gang og varer i 7 måneder. Første oppgave er å etablere "
                + "prosjektorganisasjonen og utnevne innføringsleder."),
        MAIN_PROJECT("Hovedprosjekt", "Hovedprosjektet er i gang og varer i 12 måneder, fram til produksjonssetting."
                + " Første oppgave er opplæringsplanen."),
        TRAINING("Opplæring", "Opplæringen starter: superbrukerne først, deretter alle sluttbrukere før "
                + "produksjonssetting."),
        GO_LIVE_IN_FOUR_WEEKS("Produksjonssetting om fire uker", "Kommunen skal etter planen i produksjon om fire "
                + "uker. Vurder klarheten (go/no-go) i oppgaven «Vurder klarhet for produksjonssetting».");

        final String title;
        final String message;

        PhaseNotice(String title, String message) {
            this.title = title;
            this.message = message;
        }
    }

    private final ProjectService projects;
    private final NotificationService notifications;
    private final NotificationProperties properties;

    ProcessNotifications(ProjectService projects, NotificationService notifications,
            NotificationProperties properties) {
        this.projects = projects;
        this.notifications = notifications;
        this.properties = properties;
    }

    /**
     * The retry cycle of the process's notice service tasks ({@code camunda:failedJobRetryTimeCycle}
     * {@code ${notifications.retryCycle()}} in {@code municipal-implementation.bpmn}).
     */
    public String retryCycle() {
        return properties.retryCycle();
    }

    /**
     * The phase notice service tasks ({@code ServiceTask_NotifyPhaseStarted...}, asynchronous, right after the start
     * of their phase): queues the notice. A phase the project was registered in is recorded as skipped, not sent,
     * and so is a four-week notice that comes too late.
     */
    public void phaseStarted(DelegateExecution execution, String noticeName) {
        PhaseNotice notice = PhaseNotice.valueOf(noticeName);
        ImplementationProject project = projects.openProjectOf(execution.getProcessBusinessKey());
        ProjectSchedule schedule = project.schedule();
        LocalDate startDate = notice == PhaseNotice.GO_LIVE_IN_FOUR_WEEKS ? schedule.goLive()
                : ProjectSchedule.today();
        Map<String, Object> model = base(project);
        model.put("phaseName", notice.title);
        model.put("startDate", startDate);
        model.put("message", notice.message + (notice == PhaseNotice.GO_LIVE_IN_FOUR_WEEKS
                ? " Produksjonssetting: " + date(schedule.goLive()) + "." : ""));
        model.put("taskUrl", properties.tasklistLink());
        var request = new NotificationService.Request(NotificationType.PHASE_STARTED,
                "project:" + project.getId() + ":" + notice + ":" + startDate, project.getId(),
                project.getMunicipality(), ProjectSchedule.now(), "phase-started", model, null);
        if (registeredInto(project, notice) || announcedTooLate(schedule, notice)) {
            notifications.skip(request, "Prosjektet ble registrert etter at fasen hadde startet.");
        } else {
            notifications.enqueue(request);
        }
    }

    /** RAG decides when the service-agreement deadline has passed unsigned. */
    public void deadlineMissed(DelegateExecution execution) {
        ImplementationProject project = projects.openProjectOf(execution.getProcessBusinessKey());
        LocalDate due = project.schedule().serviceAgreementDue();
        ragAlert(project, NotificationType.RAG_DEADLINE_MISSED, String.valueOf(due),
                project.getMunicipality().getName() + " har ikke signert tjenesteavtalen innen fristen",
                "Fristen var " + date(due) + ". RAG avgjør i Tasklist: kort utsettelse av fristen, flytting til en "
                        + "senere bølge eller avslutning av prosjektet.", properties.tasklistLink());
    }

    /** RAG decides when a municipality is not ready for go-live. */
    public void noGo(DelegateExecution execution) {
        ImplementationProject project = projects.openProjectOf(execution.getProcessBusinessKey());
        Object reason = execution.getVariable("goLiveReason");
        LocalDate goLive = project.schedule().goLive();
        ragAlert(project, NotificationType.RAG_NO_GO, String.valueOf(goLive),
                "No-go for " + project.getMunicipality().getName() + " før produksjonssetting " + date(goLive),
                "Klarhetsvurderingen ga no-go: " + reason + ". RAG velger en senere bølge i Tasklist.",
                properties.tasklistLink());
    }

    @EventListener
    void onWithdrawn(ProjectWithdrawn withdrawn) {
        ImplementationProject project = projects.currentProject(withdrawn.municipalityNumber());
        ragAlert(project, NotificationType.RAG_WITHDRAWN, "withdrawn",
                project.getMunicipality().getName() + " har fratrådt",
                "Kommunen har brukt retten til å fratre før fristen for tjenesteavtalen"
                        + (withdrawn.reason() == null ? "." : ": " + withdrawn.reason() + "."),
                properties.baseUrl() + "/api/projects/" + withdrawn.municipalityNumber());
    }

    /**
     * A project's members are told what changed when their project moves to another wave or gets an extension; when
     * a whole wave moves, {@link ScheduleChangeNotices}' job calls this for each member after the move.
     */
    @EventListener
    void onScheduleChanged(ProjectScheduleChanged changed) {
        ImplementationProject project = projects.currentProject(changed.municipalityNumber());
        ProjectSchedule before = changed.before();
        ProjectSchedule after = changed.after();
        List<Map<String, Object>> milestones = Arrays.stream(Milestone.values())
                .map(m -> milestone(m.label(), m.dateIn(before), m.dateIn(after))).toList();
        Map<String, Object> model = base(project);
        model.put("headline", changed.headline());
        model.put("reason", changed.reason());
        model.put("milestones", milestones);
        model.put("link", properties.tasklistLink());
        notifications.enqueue(new NotificationService.Request(NotificationType.SCHEDULE_CHANGED,
                "project:" + project.getId() + ":" + changed.changeKey(), project.getId(), project.getMunicipality(),
                ProjectSchedule.now(), "schedule-changed", model, null));
    }

    private static Map<String, Object> milestone(String label, LocalDate before, LocalDate after) {
        return Map.of("label", label, "before", before, "after", after);
    }

    private void ragAlert(ImplementationProject project, NotificationType type, String key, String headline,
            String details, String link) {
        Map<String, Object> model = base(project);
        model.put("headline", headline);
        model.put("details", details);
        model.put("link", link);
        notifications.enqueue(new NotificationService.Request(type, "project:" + project.getId() + ":" + key,
                project.getId(), project.getMunicipality(), ProjectSchedule.now(), "rag-alert", model, null));
    }


    static Map<String, Object> base(ImplementationProject project) {
        Map<String, Object> model = new HashMap<>();
        model.put("municipalityName", project.getMunicipality().getName());
        model.put("municipalityNumber", project.getMunicipality().getNumber());
        model.put("waveCode", project.getWave().getCode());
        return model;
    }

    private static boolean registeredInto(ImplementationProject project, PhaseNotice notice) {
        return switch (notice) {
            case PRE_PROJECT -> project.getStartPhase() == ProjectPhase.PRE_PROJECT;
            case MAIN_PROJECT -> project.getStartPhase() == ProjectPhase.MAIN_PROJECT;
            case TRAINING -> false;
            case GO_LIVE_IN_FOUR_WEEKS -> false;
        };
    }

    /** The four-week notice is only worth sending while go-live is still about four weeks away. */
    private static boolean announcedTooLate(ProjectSchedule schedule, PhaseNotice notice) {
        return notice == PhaseNotice.GO_LIVE_IN_FOUR_WEEKS
                && ProjectSchedule.now().isAfter(ProjectSchedule.startOfDay(schedule.goLive().minusDays(26)));
    }

    @Configuration
    static class Delegates {

        @Bean
        JavaDelegate sendServiceAgreementReminder(Reminders reminders) {
            return reminders::send;
        }
    }
}
