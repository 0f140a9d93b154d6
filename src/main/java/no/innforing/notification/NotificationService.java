package no.innforing.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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
import no.innforing.shared.DomainException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification pipeline. {@link #enqueue} renders a notification, records it in the log (once per idempotency
 * key) and starts a {@code notification-delivery} process instance in the same transaction: nothing is sent from a
 * transaction that rolls back. {@link NotificationDelivery} sends it from that instance's external task (retries,
 * then FAILED and a Cockpit incident), outside Camunda's job executor.
 */
@Service
public class NotificationService {

    public static final String DELIVERY_PROCESS_KEY = "notification-delivery";
    public static final String VAR_NOTIFICATION_ID = "notificationId";
    /** The external-task topic of {@code notification-delivery}'s send task, worked by {@link NotificationDelivery}. */
    public static final String DELIVERY_TOPIC = "notification-delivery";
    private static final String REGION = "region";

    private final NotificationRepository notifications;
    private final NotificationTemplates templates;
    private final NotificationProperties properties;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final ExternalTaskService externalTaskService;

    NotificationService(NotificationRepository notifications, NotificationTemplates templates,
            NotificationProperties properties, IdentityService identityService, RuntimeService runtimeService,
            ExternalTaskService externalTaskService) {
        this.notifications = notifications;
        this.templates = templates;
        this.properties = properties;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.externalTaskService = externalTaskService;
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
        startDelivery(notification.getId(), request.municipalityNumber());
        return Optional.of(notification);
    }

    private void startDelivery(long notificationId, String municipalityNumber) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_NOTIFICATION_ID, notificationId);
        if (municipalityNumber != null) {
            variables.put(ProjectProcess.VAR_MUNICIPALITY_NUMBER, municipalityNumber);
        }
        runtimeService.startProcessInstanceByKey(DELIVERY_PROCESS_KEY,
                municipalityNumber == null ? REGION : municipalityNumber, variables);
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
     * RAG sends a failed (or undeliverable) notification again: it goes back in the queue with its recipients
     * resolved afresh, and goes only to those who have not had it. An incident of its delivery is resolved by
     * giving the delivery another attempt; a notification that never had a delivery gets one.
     */
    @Transactional
    public Notification resend(long id, String by) {
        Notification notification = notifications.findById(id)
                .orElseThrow(() -> DomainException.notFound("Fant ikke varsel " + id + "."));
        if (!notification.getStatus().resendable()) {
            throw DomainException.conflict("Varselet har status «" + notification.getStatus().displayName()
                    + "» og sendes ikke på nytt. Bare varsler som har feilet eller manglet mottaker kan sendes igjen.");
        }
        notification.requeued(by);
        notifications.save(notification);
        List<String> deliveries = runtimeService.createProcessInstanceQuery().processDefinitionKey(DELIVERY_PROCESS_KEY)
                .variableValueEquals(VAR_NOTIFICATION_ID, id).list().stream().map(instance -> instance.getId())
                .toList();
        List<ExternalTask> waiting = deliveries.isEmpty() ? List.of() : externalTaskService.createExternalTaskQuery()
                .topicName(DELIVERY_TOPIC).processInstanceIdIn(deliveries.toArray(String[]::new)).list();
        if (waiting.isEmpty()) {
            startDelivery(notification.getId(), notification.getMunicipalityNumber());
        } else {
            waiting.forEach(task -> {
                externalTaskService.setRetries(task.getId(), 1);
                externalTaskService.unlock(task.getId());   // now, not after the retry pause
            });
        }
        return notification;
    }

    /** How many of {@code entries} stand in each status (every status present, zero or more). */
    public static Map<NotificationStatus, Long> count(List<Notification> entries) {
        Map<NotificationStatus, Long> totals = new EnumMap<>(NotificationStatus.class);
        for (NotificationStatus status : NotificationStatus.values()) {
            totals.put(status, 0L);
        }
        entries.forEach(n -> totals.merge(n.getStatus(), 1L, Long::sum));
        return totals;
    }

    /** How many notifications stand in each status, for the log's totals. */
    @Transactional(readOnly = true)
    public Map<NotificationStatus, Long> totals(String municipalityNumber) {
        Map<NotificationStatus, Long> totals = new EnumMap<>(NotificationStatus.class);
        for (NotificationStatus status : NotificationStatus.values()) {
            totals.put(status, 0L);
        }
        (municipalityNumber == null ? notifications.countByStatus() : notifications.countByStatus(municipalityNumber))
                .forEach(row -> totals.put((NotificationStatus) row[0], ((Number) row[1]).longValue()));
        return totals;
    }

    private Notification rendered(Request request) {
        Notification notification = new Notification(request.idempotencyKey(), request.projectId(),
                request.municipalityNumber(), request.type(), request.dueAt(), ProjectSchedule.now());
        notification.render(recipients(request.type(), request.municipality()),
                templates.render(request.template(), request.model()),
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

    /**
     * Who a notification of this type goes to now: the municipality's contacts and the members of its project-leader
     * group, or RAG. Read again at every delivery attempt, so a corrected contact gets the next attempt.
     */
    List<String> recipients(NotificationType type, Municipality municipality) {
        Set<String> recipients = new LinkedHashSet<>();
        switch (type.audience()) {
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

    /**
     * The notification if the caller may read it: RAG everything, a project leader their municipality's. Another
     * municipality's notification is "not found", exactly like a missing one, so the answer tells nothing about it.
     */
    public Notification readable(long id) {
        Set<String> groups = MunicipalityAccess.currentGroups();
        return notifications.findById(id)
                .filter(n -> n.getMunicipalityNumber() == null ? MunicipalityAccess.isRegional(groups)
                        : MunicipalityAccess.maySee(groups, n.getMunicipalityNumber()))
                .orElseThrow(() -> DomainException.notFound("Fant ikke varsel " + id + "."));
    }

    public Optional<Notification> find(long id) {
        return notifications.findById(id);
    }
}
