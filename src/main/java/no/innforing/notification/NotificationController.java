package no.innforing.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectDetails;
import no.innforing.project.ProjectHistory;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.CurrentUser;
import no.innforing.shared.DomainException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notification log: RAG reads all of it, a project leader their own municipality's. Each entry keeps its
 * rendered content, so a notification that could not be delivered can still be read here.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationService notifications;
    private final MunicipalityAccess access;
    private final CurrentUser currentUser;

    NotificationController(NotificationService notifications, MunicipalityAccess access, CurrentUser currentUser) {
        this.notifications = notifications;
        this.access = access;
        this.currentUser = currentUser;
    }

    /**
     * A log line: who, what, when due, when sent, status (with its Norwegian name), message id, who the mail
     * server has accepted it for, how many attempts, and the last error or remark.
     */
    record LogEntry(Long id, String municipalityNumber, NotificationType type, String typeName,
            NotificationStatus status, String statusName, List<String> recipients, List<String> deliveredTo,
            String subject, Instant dueAt, Instant sentAt, String messageId, int attempts, String note) {
        static LogEntry of(Notification n) {
            return new LogEntry(n.getId(), n.getMunicipalityNumber(), n.getType(), n.getType().label(), n.getStatus(),
                    n.getStatus().displayName(), n.recipientList(), n.deliveredList(), n.getSubject(), n.getDueAt(),
                    n.getSentAt(), n.getMessageId(), n.getAttempts(), n.getNote());
        }
    }

    record Content(LogEntry entry, String html, String text, String calendar) {
    }

    @GetMapping
    List<LogEntry> list(@RequestParam(required = false) String municipality) {
        if (municipality == null) {
            access.requireRegional("lese hele varslingsloggen; oppgi ?municipality=<kommunenummer>");
            return notifications.all().stream().map(LogEntry::of).toList();
        }
        access.requireSee(municipality);
        return notifications.forMunicipality(municipality).stream().map(LogEntry::of).toList();
    }

    /** How many notifications stand in each status: the whole log (RAG) or one municipality's. */
    @GetMapping("/totals")
    Map<NotificationStatus, Long> totals(@RequestParam(required = false) String municipality) {
        if (municipality == null) {
            access.requireRegional("lese hele varslingsloggen; oppgi ?municipality=<kommunenummer>");
        } else {
            access.requireSee(municipality);
        }
        return notifications.totals(municipality);
    }

    /** RAG sends a failed (or undeliverable) notification again; 409 for any other status. */
    @PostMapping("/{id}/resend")
    LogEntry resend(@PathVariable long id) {
        access.requireRegional("sende varsler på nytt");
        return LogEntry.of(notifications.resend(id, currentUser.id()));
    }

    @GetMapping("/{id}")
    Content get(@PathVariable long id) {
        Notification n = notifications.readable(id);
        return new Content(LogEntry.of(n), n.getBodyHtml(), n.getBodyText(), n.getCalendar());
    }

    @Configuration
    static class ProjectNotificationDetails {

        /** {@code plannedReminders} in GET /api/projects/{number}: type and due time with offset. */
        @Bean
        ProjectDetails plannedReminders(Reminders reminders) {
            return new ProjectDetails() {
                @Override
                public String name() {
                    return "plannedReminders";
                }

                @Override
                public Object detailsOf(ImplementationProject project) {
                    return project.getState().isOpen() ? reminders.planned(project.getProcessInstanceId()) : List.of();
                }
            };
        }

        /** The notifications sent (or recorded as not sent) in the project's history: what, to whom, when. */
        @Bean
        ProjectHistory.Contributor notificationHistory(NotificationService notifications) {
            return project -> notifications.forProject(project.getId()).stream()
                    .filter(n -> n.getStatus() != NotificationStatus.PENDING && n.getStatus() != NotificationStatus.SKIPPED)
                    .map(n -> new ProjectHistory.Entry(n.getSentAt() != null ? n.getSentAt() : n.getCreatedAt(),
                            "Varsel", n.getSubject() != null ? n.getSubject() : n.getType().label(), "Innføring",
                            java.util.Map.of("Status", n.getStatus().displayName(), "Til",
                                    n.getDeliveredTo() != null && !n.getDeliveredTo().isBlank() ? n.getDeliveredTo()
                                            : String.valueOf(n.getRecipients()))))
                    .toList();
        }

        /** {@code notifications} in GET /api/projects/{number}: the project's log. */
        @Bean
        ProjectDetails notificationLog(NotificationService notifications) {
            return new ProjectDetails() {
                @Override
                public String name() {
                    return "notifications";
                }

                @Override
                public Object detailsOf(ImplementationProject project) {
                    return notifications.forProject(project.getId()).stream().map(LogEntry::of).toList();
                }
            };
        }
    }
}
