package no.innforing.notification;

/** Where a notification stands in the pipeline, with the Norwegian name the pages show. */
public enum NotificationStatus {
    /** Rendered and waiting for delivery (or for its next attempt). */
    PENDING("Venter"),
    /** Accepted by the SMTP server for every recipient; the message id is recorded. */
    SENT("Sendt"),
    /** Every attempt failed (the error is in the note); an incident shows in Cockpit and RAG can send it again. */
    FAILED("Feilet"),
    /** No SMTP server is configured: rendered and viewable in the app, but not delivered. */
    NOT_DELIVERED("Ikke sendt (ingen e-postserver)"),
    /** Nobody to send it to (no contact address); RAG has been told. */
    UNDELIVERABLE("Ingen mottaker"),
    /** Its time had already passed when it was planned (registration or rescheduling mid-programme). */
    SKIPPED("Hoppet over");

    private final String displayName;

    NotificationStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether RAG may send it (again) from the log: it failed, or had nobody to go to when it was queued. */
    public boolean resendable() {
        return this == FAILED || this == UNDELIVERABLE;
    }
}
