package no.innforing.notification;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code innforing.notifications.*}: when reminders go out, who RAG is, the address links point to, and how mail
 * is delivered.
 *
 * @param reminderDays days before the service-agreement deadline a reminder is due (then moved to the last working
 *     day before, 08:00 Oslo)
 * @param ragRecipients RAG's address list (members of the rag group with an e-mail are added)
 * @param baseUrl the platform's address as users reach it, for links in e-mails
 * @param retryCycle how many attempts a delivery gets and the pause between them (ISO 8601 repeat, {@code R5/PT10M}:
 *     five attempts ten minutes apart); then it is FAILED with an incident in Cockpit
 * @param delivery the delivery workers
 */
@ConfigurationProperties("innforing.notifications")
public record NotificationProperties(List<Integer> reminderDays, List<String> ragRecipients, String baseUrl,
        String retryCycle, Delivery delivery) {

    private static final Pattern REPEAT = Pattern.compile("R(\\d+)/(P.+)");

    public NotificationProperties {
        reminderDays = reminderDays == null ? List.of(60, 30, 14, 7) : List.copyOf(reminderDays);
        ragRecipients = ragRecipients == null ? List.of() : List.copyOf(ragRecipients);
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        retryCycle = retryCycle == null ? "R5/PT10M" : retryCycle;
        delivery = delivery == null ? new Delivery(null, null, null, null) : delivery;
        if (!REPEAT.matcher(retryCycle).matches()) {
            throw new IllegalArgumentException("innforing.notifications.retry-cycle must look like R5/PT10M, not "
                    + retryCycle);
        }
    }

    /**
     * {@code innforing.notifications.delivery.*}: the threads that send mail, apart from Camunda's job executor, so
     * a slow or hung mail server never holds up timers and other jobs.
     *
     * @param enabled whether this node sends (tests that drive delivery by hand turn it off)
     * @param threads how many mails this node sends at the same time
     * @param lockDuration how long a node holds a delivery it has taken; after a crash another node takes it over
     *     when this has passed. Keep it well above the SMTP timeouts.
     * @param pollInterval how often an idle node looks for mail to send
     */
    public record Delivery(Boolean enabled, Integer threads, Duration lockDuration, Duration pollInterval) {

        public Delivery {
            enabled = enabled == null || enabled;
            threads = threads == null ? 4 : threads;
            lockDuration = lockDuration == null ? Duration.ofMinutes(5) : lockDuration;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        }
    }

    /** How many times a delivery is tried before it is FAILED ({@code R5/PT10M}: 5). */
    public int attempts() {
        Matcher repeat = REPEAT.matcher(retryCycle);
        repeat.matches();
        return Math.max(1, Integer.parseInt(repeat.group(1)));
    }

    /** The pause before the next attempt ({@code R5/PT10M}: 10 minutes). */
    public Duration retryPause() {
        Matcher repeat = REPEAT.matcher(retryCycle);
        repeat.matches();
        return Duration.parse(repeat.group(2));
    }

    /** A link that opens the task in Tasklist. */
    public String taskLink(String taskId) {
        return taskId == null ? tasklistLink() : baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    public String tasklistLink() {
        return baseUrl + "/camunda/app/tasklist/default/";
    }
}
