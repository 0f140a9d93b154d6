package no.innforing.notification;

/** Where a notification stands in the pipeline. */
public enum NotificationStatus {
    /** Rendered and waiting for its delivery job. */
    PENDING,
    /** Accepted by the SMTP server; the message id is recorded. */
    SENT,
    /** No SMTP server is configured: rendered and viewable in the app, but not delivered. */
    NOT_DELIVERED,
    /** Nobody to send it to (no contact address); RAG has been told. */
    UNDELIVERABLE,
    /** Its time had already passed when it was planned (registration or rescheduling mid-programme). */
    SKIPPED
}
