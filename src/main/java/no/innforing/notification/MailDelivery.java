package no.innforing.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one rendered notification: text and HTML as alternatives, files such as the deadline's calendar file
 * attached, and a Message-ID chosen here so that the notification log can name the exact mail. Without an SMTP
 * server ({@code spring.mail.host} unset, so Spring Boot creates no {@link JavaMailSender}) nothing is sent and the
 * result says so. A failure to send is thrown, never swallowed: the Camunda job that sends retries, and then
 * raises an incident in Cockpit instead of losing the mail.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    /** A file to attach; for a calendar file the content type is {@link DeadlineCalendar#CONTENT_TYPE}. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** Whether the mail went to the SMTP server, and then the Message-ID it went with ({@code <...@domain>}). */
    public record DeliveryResult(boolean delivered, String messageId) {
    }

    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private final String messageIdDomain;

    MailDelivery(ObjectProvider<JavaMailSender> mailSender,
            @Value("${innforing.mail.from:Innføring <innforing@localhost>}") String from) {
        this.mailSender = mailSender;
        this.from = from;
        this.messageIdDomain = domainOf(from);
    }

    public DeliveryResult send(List<String> recipients, RenderedMail mail, List<Attachment> attachments) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("No recipient for the mail \"" + mail.subject() + "\"");
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("No SMTP server configured (spring.mail.host), so not sending \"{}\" to {}",
                    mail.subject(), recipients);
            return new DeliveryResult(false, null);
        }
        String messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            for (Attachment attachment : attachments) {
                helper.addAttachment(attachment.fileName(),
                        new ByteArrayDataSource(attachment.content(), attachment.contentType()));
            }
            // JavaMailSenderImpl keeps a Message-ID set before sending instead of generating its own.
            message.setHeader("Message-ID", messageId);
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not build the mail \"" + mail.subject() + "\"", e);
        }
        sender.send(message);
        log.info("Sent \"{}\" to {} as {}", mail.subject(), recipients, messageId);
        return new DeliveryResult(true, messageId);
    }

    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from, true).getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (AddressException e) {
            throw new IllegalStateException("innforing.mail.from is not a valid e-mail address: " + from, e);
        }
    }
}
