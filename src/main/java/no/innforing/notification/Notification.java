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
import java.util.Arrays;
import java.util.List;

/** One entry of the notification log. Its idempotency key makes sure it is sent at most once. */
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

    void sent(String messageId, Instant at) {
        this.status = NotificationStatus.SENT;
        this.messageId = messageId;
        this.sentAt = at;
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
}
