package no.innforing.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.innforing.municipality.Municipality;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectSchedule;
import no.innforing.security.MunicipalityAccess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification pipeline. {@link #enqueue} renders a notification, records it in the log (once per idempotency
 * key) and starts a {@code notification-delivery} process instance in the same transaction: nothing is sent from a
 * transaction that rolls back. {@link #deliver} runs in that instance's async job (retries, then a Cockpit
 * incident) and sends it at most once.
 */
@Service
public class NotificationService {

    public static final String DELIVERY_PROCESS_KEY = "notification-delivery";
    public static final String VAR_NOTIFICATION_ID = "notificationId";
    private static final String REGION = "region";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final NotificationTemplates templates;
    private final MailDelivery mail;
    private final NotificationProperties properties;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TransactionTemplate separately;

    NotificationService(NotificationRepository notifications, NotificationTemplates templates, MailDelivery mail,
            NotificationProperties properties, IdentityService identityService, RuntimeService runtimeService,
            PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.templates = templates;
        this.mail = mail;
        this.properties = properties;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * One notification to render and send.
     *
     * @param key what makes it unique besides its type (project, due time, task …): the idempotency key
     * @param calendar an iCalendar document to attach, or null
     */
    public record Request(NotificationType type, String key, Long projectId, Municipality municipality, Instant dueAt,
            String template, Map<String, Object> model, String calendar) {

        String idempotencyKey() {
            return type.name() + ":" + key;
        }

        String municipalityNumber() {
            return municipality == null ? null : municipality.getNumber();
        }
    }

    /** Records and queues the notification unless the log already has it. */
    @Transactional
    public Optional<Notification> enqueue(Request request) {
        if (notifications.findByIdempotencyKey(request.idempotencyKey()).isPresent()) {
            return Optional.empty();
        }
        Notification notification = rendered(request);
        if (notification.recipientList().isEmpty()) {
            String missing = switch (request.type().audience()) {
                case MUNICIPALITY_LEADERSHIP -> "prosjektleder og kommunedirektør";
                case PROJECT_LEADERS -> "prosjektleder";
                case RAG -> "RAG";
            };
            notification.mark(NotificationStatus.UNDELIVERABLE, "Ingen e-postadresse for " + missing + ".");
            notifications.save(notification);
            if (request.type().audience() != NotificationType.Audience.RAG) {
                tellRagUndeliverable(request, notification, missing);
            }
            return Optional.of(notification);
        }
        notifications.save(notification);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_NOTIFICATION_ID, notification.getId());
        if (request.municipalityNumber() != null) {
            variables.put(ProjectProcess.VAR_MUNICIPALITY_NUMBER, request.municipalityNumber());
        }
        runtimeService.startProcessInstanceByKey(DELIVERY_PROCESS_KEY,
                request.municipalityNumber() == null ? REGION : request.municipalityNumber(), variables);
        return Optional.of(notification);
    }

    /** Records a notification whose time had passed when it was planned: rendered, viewable, never sent. */
    @Transactional
    public void skip(Request request, String why) {
        if (notifications.findByIdempotencyKey(request.idempotencyKey()).isEmpty()) {
            Notification notification = rendered(request);
            notification.mark(NotificationStatus.SKIPPED, why);
            notifications.save(notification);
        }
    }

    /**
     * Sends a queued notification. Called from its delivery job: an SMTP failure propagates (retry, then
     * incident); a notification the log already records as sent or handled is never sent again.
     */
    public void deliver(long notificationId) {
        Notification notification = notifications.findById(notificationId).orElseThrow(() -> new IllegalStateException(
                "Notification " + notificationId + " is not in the log"));
        if (notification.getStatus() != NotificationStatus.PENDING) {
            LOG.info("Notification {} is already {}; not sending it again", notificationId, notification.getStatus());
            return;
        }
        List<MailDelivery.Attachment> attachments = notification.getCalendar() == null ? List.of()
                : List.of(new MailDelivery.Attachment("frist.ics", DeadlineCalendar.CONTENT_TYPE,
                        notification.getCalendar().getBytes(StandardCharsets.UTF_8)));
        MailDelivery.DeliveryResult result = mail.send(notification.recipientList(), new RenderedMail(
                notification.getSubject(), notification.getBodyHtml(), notification.getBodyText()), attachments);
        // Recorded in a transaction of its own, so that a later rollback of the job cannot make it send again.
        separately.executeWithoutResult(status -> {
            Notification fresh = notifications.findById(notificationId).orElseThrow();
            if (result.delivered()) {
                fresh.sent(result.messageId(), ProjectSchedule.now());
            } else {
                fresh.notDelivered(ProjectSchedule.now());
            }
            notifications.save(fresh);
        });
    }

    private Notification rendered(Request request) {
        Notification notification = new Notification(request.idempotencyKey(), request.projectId(),
                request.municipalityNumber(), request.type(), request.dueAt(), ProjectSchedule.now());
        notification.render(recipients(request), templates.render(request.template(), request.model()),
                request.calendar());
        return notification;
    }

    private void tellRagUndeliverable(Request original, Notification undeliverable, String missing) {
        Municipality municipality = original.municipality();
        String name = municipality == null ? "Regionen" : municipality.getName();
        enqueue(new Request(NotificationType.RAG_UNDELIVERABLE, "notification:" + undeliverable.getId(),
                original.projectId(), municipality, ProjectSchedule.now(), "rag-alert", Map.of(
                        "municipalityName", name,
                        "municipalityNumber", municipality == null ? "" : municipality.getNumber(),
                        "waveCode", String.valueOf(original.model().getOrDefault("waveCode", "")),
                        "headline", "Varsel til " + name + " kunne ikke leveres",
                        "details", "«" + undeliverable.getSubject() + "» ble ikke sendt: kommunen mangler e-postadresse"
                                + " for " + missing + ". Legg inn kontaktadressen, så kommer neste varsel fram.",
                        "link", properties.baseUrl() + "/api/notifications/" + undeliverable.getId()),
                null));
    }

    private List<String> recipients(Request request) {
        Set<String> recipients = new LinkedHashSet<>();
        Municipality municipality = request.municipality();
        switch (request.type().audience()) {
            case MUNICIPALITY_LEADERSHIP -> {
                add(recipients, municipality.getProjectLeaderEmail());
                add(recipients, municipality.getChiefExecutiveEmail());
            }
            case PROJECT_LEADERS -> {
                add(recipients, municipality.getProjectLeaderEmail());
                membersOf(MunicipalityAccess.projectLeaderGroup(municipality.getNumber())).forEach(email -> add(recipients, email));
            }
            case RAG -> {
                properties.ragRecipients().forEach(email -> add(recipients, email));
                membersOf(MunicipalityAccess.RAG_GROUP).forEach(email -> add(recipients, email));
            }
        }
        return new ArrayList<>(recipients);
    }

    private List<String> membersOf(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getEmail)
                .toList();
    }

    private static void add(Set<String> recipients, String email) {
        if (email != null && !email.isBlank()) {
            recipients.add(email.trim());
        }
    }

    public List<Notification> forProject(Long projectId) {
        return notifications.findByProjectIdOrderByDueAtAscIdAsc(projectId);
    }

    public List<Notification> forMunicipality(String municipalityNumber) {
        return notifications.findByMunicipalityNumberOrderByDueAtDescIdDesc(municipalityNumber);
    }

    public List<Notification> all() {
        return notifications.findAllByOrderByDueAtDescIdDesc();
    }

    public Optional<Notification> find(long id) {
        return notifications.findById(id);
    }
}
