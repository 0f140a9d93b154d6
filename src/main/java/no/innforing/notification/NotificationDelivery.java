package no.innforing.notification;

import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import no.innforing.municipality.Municipality;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued notifications: works the external task of every {@code notification-delivery} instance
 * (topic {@value NotificationService#DELIVERY_TOPIC}) on threads of its own, so a slow or hung mail server never
 * takes Camunda's job executor: timers and other jobs keep running whatever SMTP does.
 *
 * <p>One attempt is three short transactions and no connection in between: take the task (fetch and lock), read the
 * notification and resolve its recipients afresh (a corrected contact counts), then send with no database
 * connection held; each recipient the SMTP server accepts is recorded at once, and the last transaction marks the
 * notification SENT and completes the task. Nothing ever needs a second connection while it holds one.
 *
 * <p>A failed attempt (server unreachable or hung past its timeouts, a recipient refused) is handed back to the
 * engine with the retries left and the pause of {@code innforing.notifications.retry-cycle}; when none is left the
 * notification is FAILED with the error and Cockpit shows an incident, whose Retry (or RAG's button on
 * {@code /notifications/{id}}) sends it to those still waiting for it. A node that dies holding a task leaves it
 * locked until {@code innforing.notifications.delivery.lock-duration} has passed; then another node sends it: if
 * the dead node had sent it already, the copy has the same Message-ID.
 */
@Component
public class NotificationDelivery implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);
    private static final int RECORD_TRIES = 3;

    private final ExternalTaskService externalTasks;
    private final NotificationRepository notifications;
    private final NotificationService service;
    private final ProjectService projects;
    private final MailDelivery mail;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final String workerId;

    private volatile boolean running;
    private ExecutorService senders;
    private Thread poller;
    private Semaphore idleSenders;

    NotificationDelivery(ExternalTaskService externalTasks, NotificationRepository notifications,
            NotificationService service, ProjectService projects, MailDelivery mail,
            NotificationProperties properties, PlatformTransactionManager transactions) {
        this.externalTasks = externalTasks;
        this.notifications = notifications;
        this.service = service;
        this.projects = projects;
        this.mail = mail;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.workerId = hostName() + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString()
                .substring(0, 8);
    }

    /**
     * Sends, in the calling thread, the deliveries that are due now (at most {@code max}); returns how many it took.
     * The worker threads do this all the time; tests that drive the engine by hand call it instead.
     */
    public int deliverDue(int max) {
        List<LockedExternalTask> tasks = fetch(max);
        tasks.forEach(this::deliver);
        return tasks.size();
    }

    private List<LockedExternalTask> fetch(int max) {
        return externalTasks.fetchAndLock(max, workerId, true)
                .topic(NotificationService.DELIVERY_TOPIC, properties.delivery().lockDuration().toMillis())
                .variables(NotificationService.VAR_NOTIFICATION_ID)
                .execute();
    }

    /** One attempt at one notification. */
    void deliver(LockedExternalTask task) {
        long id = ((Number) task.getVariables().get(NotificationService.VAR_NOTIFICATION_ID)).longValue();
        Attempt attempt;
        try {
            attempt = transaction.execute(status -> prepare(task, id));
        } catch (RuntimeException e) {
            failed(task, id, "Varselet kunne ikke gjøres klart til sending: " + e.getMessage(), e);
            return;
        }
        if (attempt == null) {
            return;
        }
        MailDelivery.Outcome outcome;
        try {
            outcome = mail.send(attempt.mail(), attempt.recipients(),
                    recipient -> recordAccepted(id, recipient, attempt.mail().messageId()));
        } catch (RuntimeException e) {
            failed(task, id, describe(e), e);
            return;
        }
        if (!outcome.smtpConfigured()) {
            finish(task, id, notification -> notification.notDelivered(ProjectSchedule.now()));
        } else if (!outcome.refused().isEmpty()) {
            failed(task, id, refusal(outcome.refused()), null);
        } else {
            finish(task, id, notification -> notification.sent(attempt.mail().messageId(), ProjectSchedule.now()));
        }
    }

    /** What to send to whom in this attempt. */
    private record Attempt(MailDelivery.Outgoing mail, List<String> recipients) {
    }

    /** Reads the notification, resolves its recipients; null when there is nothing (more) to send. */
    private Attempt prepare(LockedExternalTask task, long id) {
        Notification notification = notifications.findById(id).orElse(null);
        if (notification == null || (notification.getStatus() != NotificationStatus.PENDING
                && notification.getStatus() != NotificationStatus.FAILED)) {
            LOG.info("Notification {} is {}; not sending it", id, notification == null ? "gone" : notification.getStatus());
            externalTasks.complete(task.getId(), workerId);
            return null;
        }
        notification.attempted();
        String messageId = mail.messageIdFor(notification.getIdempotencyKey());
        List<String> recipients = recipientsNow(notification);
        if (recipients.isEmpty()) {
            notification.mark(NotificationStatus.UNDELIVERABLE, "Ingen e-postadresse å sende til lenger.");
            externalTasks.complete(task.getId(), workerId);
            return null;
        }
        notification.addressTo(recipients);
        List<String> waiting = notification.pendingRecipients();
        if (waiting.isEmpty()) {
            notification.sent(messageId, notification.getSentAt() == null ? ProjectSchedule.now()
                    : notification.getSentAt());
            externalTasks.complete(task.getId(), workerId);
            return null;
        }
        List<MailDelivery.Attachment> attachments = notification.getCalendar() == null ? List.of()
                : List.of(new MailDelivery.Attachment("frist.ics", DeadlineCalendar.CONTENT_TYPE,
                        notification.getCalendar().getBytes(StandardCharsets.UTF_8)));
        return new Attempt(new MailDelivery.Outgoing(messageId, recipients, new RenderedMail(
                notification.getSubject(), notification.getBodyHtml(), notification.getBodyText()), attachments,
                notification.getCreatedAt()), waiting);
    }

    /** The recipients as they are now; the ones recorded at queueing when the municipality cannot be read. */
    private List<String> recipientsNow(Notification notification) {
        Municipality municipality = null;
        if (notification.getType().audience() != NotificationType.Audience.RAG
                && notification.getMunicipalityNumber() != null) {
            try {
                municipality = projects.currentProject(notification.getMunicipalityNumber()).getMunicipality();
            } catch (RuntimeException e) {
                LOG.warn("Could not read municipality {} for notification {}; sending to the recipients it was "
                        + "queued for", notification.getMunicipalityNumber(), notification.getId(), e);
                return notification.recipientList();
            }
        }
        return service.recipients(notification.getType(), municipality);
    }

    /**
     * Records right away that the SMTP server accepted the mail for one recipient, in a transaction of its own (the
     * sender holds no other connection). Tried again a few times: only when the database stays away, or the node
     * dies, does the mail go to this recipient once more, with the same Message-ID.
     */
    private void recordAccepted(long id, String recipient, String messageId) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> notifications.findById(id).orElseThrow()
                        .acceptedFor(recipient, messageId, ProjectSchedule.now()));
                return;
            } catch (RuntimeException e) {
                if (attempt == RECORD_TRIES) {
                    throw e;
                }
                LOG.warn("Could not record that notification {} went to {}; trying again", id, recipient, e);
                pause(attempt * 500L);
            }
        }
    }

    private void finish(LockedExternalTask task, long id, java.util.function.Consumer<Notification> outcome) {
        try {
            transaction.executeWithoutResult(status -> {
                outcome.accept(notifications.findById(id).orElseThrow());
                externalTasks.complete(task.getId(), workerId);
            });
        } catch (RuntimeException e) {
            // Every accepted recipient is already recorded: whoever takes the task next finds nobody left to send to.
            LOG.warn("Could not complete the delivery of notification {}; it is completed on its next turn", id, e);
        }
    }

    private void failed(LockedExternalTask task, long id, String error, Exception cause) {
        int retries = task.getRetries() == null ? properties.attempts() : task.getRetries();
        int left = Math.max(0, retries - 1);
        LOG.warn("Delivery of notification {} failed ({} attempts left): {}", id, left, error, cause);
        try {
            transaction.executeWithoutResult(status -> {
                notifications.findById(id).ifPresent(notification -> notification.attemptFailed(error, left == 0));
                externalTasks.handleFailure(task.getId(), workerId, truncate(error, 600),
                        cause == null ? error : stackTrace(cause), left, properties.retryPause().toMillis());
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not record the failed delivery of notification {}; it is tried again when its lock "
                    + "expires", id, e);
        }
    }

    private static String refusal(Map<String, String> refused) {
        return refused.entrySet().stream().map(e -> "Ikke levert til " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String describe(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return "E-postserveren svarte ikke innen tidsfristen (" + cause.getMessage() + ").";
            }
        }
        return "Sendingen feilet: " + e.getMessage();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String stackTrace(Throwable e) {
        var out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }

    // ------------------------------------------------------------------------------------------ worker threads

    @Override
    public boolean isAutoStartup() {
        return properties.delivery().enabled();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        int threads = properties.delivery().threads();
        AtomicInteger number = new AtomicInteger();
        senders = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "notification-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        idleSenders = new Semaphore(threads);
        running = true;
        poller = new Thread(this::poll, "notification-delivery");
        poller.setDaemon(true);
        poller.start();
        LOG.info("Delivering notifications with {} threads as worker {}", threads, workerId);
    }

    /** Takes as many deliveries as there are idle senders, and waits a poll interval when there were fewer. */
    private void poll() {
        while (running) {
            try {
                idleSenders.acquire();
                int wanted = 1 + idleSenders.drainPermits();
                List<LockedExternalTask> tasks;
                try {
                    tasks = fetch(wanted);
                } catch (RuntimeException e) {
                    LOG.warn("Could not look for notifications to send", e);
                    tasks = List.of();
                }
                idleSenders.release(wanted - tasks.size());
                for (LockedExternalTask task : tasks) {
                    senders.execute(() -> {
                        try {
                            deliver(task);
                        } catch (RuntimeException e) {
                            LOG.error("Delivery of external task {} failed unexpectedly", task.getId(), e);
                        } finally {
                            idleSenders.release();
                        }
                    });
                }
                if (tasks.size() < wanted) {
                    Thread.sleep(properties.delivery().pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.interrupt();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
