package no.innforing.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One entry of the notification log. Its idempotency key makes sure it is queued once and gives its Message-ID;
 * the recipients the SMTP server has accepted ({@code deliveredTo}) are never sent it again.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "municipality_number")
    private String municipalityNumber;

    @Enumerated(EnumType.STRING)
    private NotificationType type;

    @Enumerated(EnumType.STRING)
    private NotificationStatus status;

    private String recipients;

    private String subject;

    @Column(name = "body_html")
    private String bodyHtml;

    @Column(name = "body_text")
    private String bodyText;

    private String calendar;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "message_id")
    private String messageId;

    private String note;

    @Column(name = "delivered_to")
    private String deliveredTo;

    private int attempts;

    protected Notification() {
    }

    Notification(String idempotencyKey, Long projectId, String municipalityNumber, NotificationType type,
            Instant dueAt, Instant createdAt) {
        this.idempotencyKey = idempotencyKey;
        this.projectId = projectId;
        this.municipalityNumber = municipalityNumber;
        this.type = type;
        this.dueAt = dueAt;
        this.createdAt = createdAt;
        this.status = NotificationStatus.PENDING;
    }

    void render(List<String> recipients, RenderedMail mail, String calendar) {
        this.recipients = String.join(", ", recipients);
        this.subject = mail.subject();
        this.bodyHtml = mail.html();
        this.bodyText = mail.text();
        this.calendar = calendar;
    }

    void mark(NotificationStatus status, String note) {
        this.status = status;
        this.note = note;
    }

    /** The recipients as resolved for this attempt (a corrected contact counts from the next attempt on). */
    void addressTo(List<String> recipients) {
        this.recipients = String.join(", ", recipients);
    }

    /** The SMTP server accepted the mail for {@code recipient}: it is never sent to them again. */
    void acceptedFor(String recipient, String messageId, Instant at) {
        List<String> delivered = new ArrayList<>(deliveredList());
        if (!delivered.contains(recipient)) {
            delivered.add(recipient);
        }
        this.deliveredTo = String.join(", ", delivered);
        this.messageId = messageId;
        this.sentAt = at;
    }

    void sent(String messageId, Instant at) {
        this.status = NotificationStatus.SENT;
        this.messageId = messageId;
        this.sentAt = at;
        this.note = null;
    }

    /** An attempt failed; when it was the last one the notification is {@link NotificationStatus#FAILED}. */
    void attemptFailed(String error, boolean last) {
        this.status = last ? NotificationStatus.FAILED : NotificationStatus.PENDING;
        this.note = (last ? "Alle forsøk feilet. " : "Forsøk " + attempts + " feilet; prøves igjen. ") + error;
    }

    void attempted() {
        this.attempts++;
    }

    /** RAG sends it again: back in the queue, with who asked. */
    void requeued(String by) {
        this.status = NotificationStatus.PENDING;
        this.note = "Sendes på nytt etter ønske fra " + by + ".";
    }

    /** The recipients still waiting for the mail. */
    List<String> pendingRecipients() {
        List<String> delivered = deliveredList();
        return recipientList().stream().filter(recipient -> !delivered.contains(recipient)).toList();
    }

    public List<String> deliveredList() {
        return deliveredTo == null || deliveredTo.isBlank() ? List.of()
                : Arrays.asList(deliveredTo.split(",\\s*"));
    }

    void notDelivered(Instant at) {
        this.status = NotificationStatus.NOT_DELIVERED;
        this.sentAt = at;
        this.note = "Ingen SMTP-server er satt opp: varselet er laget og kan leses her, men er ikke sendt.";
    }

    public List<String> recipientList() {
        return recipients == null || recipients.isBlank() ? List.of() : Arrays.asList(recipients.split(",\\s*"));
    }

    public Long getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Long getProjectId() {
        return projectId;
    }

    public String getMunicipalityNumber() {
        return municipalityNumber;
    }

    public NotificationType getType() {
        return type;
    }

    public NotificationStatus getStatus() {
        return status;
    }

    public String getRecipients() {
        return recipients;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    public String getCalendar() {
        return calendar;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getNote() {
        return note;
    }

    public String getDeliveredTo() {
        return deliveredTo;
    }

    public int getAttempts() {
        return attempts;
    }
}
