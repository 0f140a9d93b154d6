package no.innforing.notification;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code innforing.notifications.*}: when reminders go out, who RAG is, and the address links point to.
 *
 * @param reminderDays days before the service-agreement deadline a reminder is due (then moved to the last working
 *     day before, 08:00 Oslo)
 * @param ragRecipients RAG's address list (members of the rag group with an e-mail are added)
 * @param baseUrl the platform's address as users reach it, for links in e-mails
 * @param retryCycle how a failed delivery is retried before it becomes an incident (ISO 8601 repeat)
 */
@ConfigurationProperties("innforing.notifications")
public record NotificationProperties(List<Integer> reminderDays, List<String> ragRecipients, String baseUrl,
        String retryCycle) {

    public NotificationProperties {
        reminderDays = reminderDays == null ? List.of(60, 30, 14, 7) : List.copyOf(reminderDays);
        ragRecipients = ragRecipients == null ? List.of() : List.copyOf(ragRecipients);
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        retryCycle = retryCycle == null ? "R5/PT10M" : retryCycle;
    }

    /** A link that opens the task in Tasklist. */
    public String taskLink(String taskId) {
        return taskId == null ? tasklistLink() : baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    public String tasklistLink() {
        return baseUrl + "/camunda/app/tasklist/default/";
    }
}
