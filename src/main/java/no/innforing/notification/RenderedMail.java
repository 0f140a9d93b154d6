package no.innforing.notification;

/** One notification ready to send: the subject and the same message as HTML and as plain text. */
public record RenderedMail(String subject, String html, String text) {
}
