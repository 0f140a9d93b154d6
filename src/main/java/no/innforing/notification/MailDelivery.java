package no.innforing.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one rendered notification: text and HTML as alternatives, files such as the deadline's calendar file
 * attached. The Message-ID is derived from the notification's idempotency key, so a copy sent again (after a crash
 * between the SMTP server's acceptance and the log's record of it) is the same message and recognisable as such.
 *
 * <p>The mail is one message addressed to all recipients, handed to the SMTP server once per recipient (one
 * envelope recipient each, over one connection), the way a mail server fans a message out: each recipient the
 * server accepts is reported at once, so one bad address fails alone and a retry goes only to those still waiting.
 * An address that cannot be delivered as written (a non-ASCII local part such as {@code Ærø@kommune.no}) is refused
 * here, for that recipient alone. The SMTP connect, read and write timeouts ({@code spring.mail.properties.mail.smtp.*})
 * bound every attempt, so a hung server is a failed attempt.
 *
 * <p>Without an SMTP server ({@code spring.mail.host} unset, so Spring Boot creates no {@link JavaMailSender})
 * nothing is sent and the outcome says so. A failure of the server itself is thrown, never swallowed.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    /** A file to attach; for a calendar file the content type is {@link DeadlineCalendar#CONTENT_TYPE}. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /**
     * One mail: its Message-ID ({@link #messageIdFor}), everyone it is addressed to (the To header), content and
     * files, and its date (when it was written, so that a copy sent again is dated the same).
     */
    public record Outgoing(String messageId, List<String> to, RenderedMail mail, List<Attachment> attachments,
            Instant date) {
    }

    /**
     * What became of an attempt: whether an SMTP server is configured at all, who it accepted the mail for, and who
     * it refused (with why, in Norwegian).
     */
    public record Outcome(boolean smtpConfigured, List<String> accepted, Map<String, String> refused) {

        static Outcome noSmtpServer() {
            return new Outcome(false, List.of(), Map.of());
        }
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

    /** The Message-ID of the notification with this idempotency key: the same every time it is asked. */
    public String messageIdFor(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 20) + ".varsel@" + messageIdDomain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Hands {@code mail} to the SMTP server for each of {@code recipients} (a subset of its To list), calling
     * {@code accepted} right after the server accepted it for one of them. A refused recipient does not stop the
     * others. A failure of the server (unreachable, hung, dropped connection) is thrown as {@link MailSendException}
     * after the recipients accepted so far were reported.
     */
    public Outcome send(Outgoing mail, Collection<String> recipients, Consumer<String> accepted) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("No recipient for the mail \"" + mail.mail().subject() + "\"");
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("No SMTP server configured (spring.mail.host), so not sending \"{}\" to {}",
                    mail.mail().subject(), recipients);
            return Outcome.noSmtpServer();
        }
        if (!(sender instanceof JavaMailSenderImpl smtp)) {
            throw new IllegalStateException("Notifications need Spring Boot's JavaMailSenderImpl, not " + sender);
        }
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, InternetAddress> addresses = new LinkedHashMap<>();
        for (String recipient : mail.to()) {
            try {
                addresses.put(recipient, address(recipient));
            } catch (AddressException e) {
                if (recipients.contains(recipient)) {
                    refused.put(recipient, "Ugyldig e-postadresse: " + e.getMessage());
                }
            }
        }
        List<String> accepting = recipients.stream().filter(addresses::containsKey).toList();
        List<String> acceptedNow = new ArrayList<>();
        if (!accepting.isEmpty()) {
            MimeMessage message = message(smtp.getSession(), mail, addresses.values());
            try (Transport transport = connect(smtp)) {
                for (String recipient : accepting) {
                    try {
                        transport.sendMessage(message, new Address[] {addresses.get(recipient)});
                    } catch (SendFailedException e) {
                        refused.put(recipient, "E-postserveren avviste mottakeren: " + e.getMessage());
                        continue;
                    }
                    acceptedNow.add(recipient);
                    accepted.accept(recipient);
                    log.info("Sent \"{}\" to {} as {}", mail.mail().subject(), recipient, mail.messageId());
                }
            } catch (MessagingException e) {
                throw new MailSendException("Mail server connection failed while sending \"" + mail.mail().subject()
                        + "\": " + e.getMessage(), e);
            }
        }
        return new Outcome(true, acceptedNow, refused);
    }

    /**
     * An address as the SMTP server gets it: the domain in ASCII (IDNA, {@code tromsø.no} becomes
     * {@code xn--troms-zua.no}); a local part outside ASCII is refused, since it needs SMTPUTF8 end to end.
     */
    static InternetAddress address(String recipient) throws AddressException {
        int at = recipient.lastIndexOf('@');
        if (at <= 0 || at == recipient.length() - 1) {
            throw new AddressException("«" + recipient + "» mangler del før eller etter @");
        }
        String local = recipient.substring(0, at);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(local)) {
            throw new AddressException("«" + recipient + "» har tegn utenfor ASCII (som æ, ø, å) før @");
        }
        String domain;
        try {
            domain = IDN.toASCII(recipient.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new AddressException("«" + recipient + "» har et ugyldig domene");
        }
        InternetAddress address = new InternetAddress(local + "@" + domain, true);
        address.validate();
        return address;
    }

    private MimeMessage message(Session session, Outgoing mail, Collection<InternetAddress> to) {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to.toArray(InternetAddress[]::new));
            helper.setSubject(mail.mail().subject());
            helper.setSentDate(Date.from(mail.date()));
            helper.setText(mail.mail().text(), mail.mail().html());
            for (Attachment attachment : mail.attachments()) {
                helper.addAttachment(attachment.fileName(),
                        new ByteArrayDataSource(attachment.content(), attachment.contentType()));
            }
            message.saveChanges();
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not build the mail \"" + mail.mail().subject() + "\"", e);
        }
        return message;
    }

    /** Connects as {@link JavaMailSenderImpl} would: its session (with the timeouts), host, port and login. */
    private static Transport connect(JavaMailSenderImpl smtp) throws MessagingException {
        Transport transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
        String username = smtp.getUsername();
        String password = smtp.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        transport.connect(smtp.getHost(), smtp.getPort(), username, password);
        return transport;
    }

    /** A message that keeps the Message-ID it was given when JavaMail saves its headers. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
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
