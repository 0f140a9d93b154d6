package no.innforing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import biweekly.Biweekly;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailDeliveryTests {

    private static final String FROM = "Innføring <innforing@innforing.example>";
    private static final String RECIPIENT = "pl-1505@kristiansund.example";
    private static final String TASK_URL = NotificationTemplatesTests.TASK_URL;

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final RenderedMail reminder =
            new NotificationTemplates().render("deadline-reminder", NotificationTemplatesTests.reminderModel(14));

    private final MailDelivery.Attachment calendarFile = new MailDelivery.Attachment("frist-tjenesteavtale.ics",
            DeadlineCalendar.CONTENT_TYPE,
            DeadlineCalendar.deadlineEvent("service-agreement-1505@innforing", "Frist for å signere tjenesteavtale",
                    "Signer i Tasklist.", LocalDate.of(2027, 2, 28), TASK_URL).getBytes(StandardCharsets.UTF_8));

    @Test
    void theMailReachesTheRecipientWithBothPartsAndTheCalendarFile() throws Exception {
        MailDelivery delivery = delivery(senderToGreenMail());
        String messageId = delivery.messageIdFor("SERVICE_AGREEMENT_REMINDER:project:1:2027-02-28:14");
        List<String> accepted = new ArrayList<>();
        MailDelivery.Outcome outcome = delivery.send(outgoing(messageId, RECIPIENT), List.of(RECIPIENT),
                accepted::add);

        assertThat(outcome.accepted()).containsExactly(RECIPIENT);
        assertThat(accepted).containsExactly(RECIPIENT);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getHeader("Message-ID")).containsExactly(messageId);
        assertThat(messageId).matches("<[^@]+@innforing\\.example>");
        assertThat(mail.getRecipients(Message.RecipientType.TO))
                .extracting(address -> ((InternetAddress) address).getAddress()).containsExactly(RECIPIENT);
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Innføring");
        assertThat(mail.getSubject())
                .isEqualTo("Påminnelse: Frist for å signere tjenesteavtale 28. februar 2027 (Kristiansund)");

        List<Part> parts = leaves(mail);
        Part text = find(parts, "text/plain");
        Part html = find(parts, "text/html");
        Part ics = find(parts, "text/calendar");
        assertThat((String) text.getContent()).contains("Det er 14 dager igjen til fristen.", TASK_URL);
        assertThat((String) html.getContent()).contains("<strong>14 dager</strong>", "href=\"" + TASK_URL + "\"");
        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        assertThat(((Multipart) mail.getContent()).getBodyPart(0).getContentType())
                .startsWith("multipart/alternative");

        assertThat(ics.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(ics.getFileName()).isEqualTo("frist-tjenesteavtale.ics");
        assertThat(ics.getContentType()).contains("charset=UTF-8", "method=PUBLISH");
        String calendar = new String(ics.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(Biweekly.parse(calendar).first().getEvents().get(0).getSummary().getValue())
                .isEqualTo("Frist for å signere tjenesteavtale");
    }

    @Test
    void theMessageIdFollowsFromTheIdempotencyKeySoACopyIsRecognisable() throws Exception {
        MailDelivery delivery = delivery(senderToGreenMail());
        String key = "RAG_WITHDRAWN:project:7:withdrawn";
        delivery.send(outgoing(delivery.messageIdFor(key), RECIPIENT), List.of(RECIPIENT), r -> { });
        delivery.send(outgoing(delivery.messageIdFor(key), RECIPIENT), List.of(RECIPIENT), r -> { });

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID())
                .isEqualTo(delivery.messageIdFor(key));
        assertThat(received[1].getSentDate()).isEqualTo(received[0].getSentDate());
        assertThat(delivery.messageIdFor("RAG_WITHDRAWN:project:8:withdrawn")).isNotEqualTo(delivery.messageIdFor(key));
    }

    @Test
    void aBadAddressFailsAloneAndTheOtherRecipientGetsTheMail() throws Exception {
        MailDelivery delivery = delivery(senderToGreenMail());
        List<String> recipients = List.of("Ærø@kommune.example", RECIPIENT);
        MailDelivery.Outcome outcome = delivery.send(outgoing(delivery.messageIdFor("k"), recipients.toArray(
                String[]::new)), recipients, r -> { });

        assertThat(outcome.accepted()).containsExactly(RECIPIENT);
        assertThat(outcome.refused()).containsOnlyKeys("Ærø@kommune.example");
        assertThat(outcome.refused().get("Ærø@kommune.example")).contains("tegn utenfor ASCII");
        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(mail -> assertThat(
                ((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(RECIPIENT));
    }

    @Test
    void aNorwegianDomainIsSentInItsAsciiForm() throws Exception {
        assertThat(MailDelivery.address("post@tromsø.kommune.no").getAddress())
                .isEqualTo("post@xn--troms-zua.kommune.no");
    }

    @Test
    void aFailureToSendIsThrownSoTheDeliveryIsTriedAgain() {
        MailDelivery delivery = delivery(senderToGreenMail());
        smtp.stop();

        assertThatThrownBy(() -> delivery.send(outgoing("<x@innforing.example>", RECIPIENT), List.of(RECIPIENT),
                r -> { })).isInstanceOf(MailSendException.class).hasMessageContaining("Mail server connection failed");
    }

    @Test
    void withoutAnSmtpServerNothingIsSent() {
        MailDelivery delivery = new MailDelivery(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                FROM);

        MailDelivery.Outcome outcome = delivery.send(outgoing("<x@innforing.example>", RECIPIENT), List.of(RECIPIENT),
                r -> { });

        assertThat(outcome.smtpConfigured()).isFalse();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private MailDelivery.Outgoing outgoing(String messageId, String... to) {
        return new MailDelivery.Outgoing(messageId, List.of(to), reminder, List.of(calendarFile),
                Instant.parse("2027-02-12T07:00:00Z"));
    }

    private static MailDelivery delivery(JavaMailSender sender) {
        return new MailDelivery(new StaticListableBeanFactory(Map.of("mailSender", sender))
                .getBeanProvider(JavaMailSender.class), FROM);
    }

    private static JavaMailSenderImpl senderToGreenMail() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.getSmtp().getBindTo());
        sender.setPort(smtp.getSmtp().getPort());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return sender;
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    private static Part find(List<Part> parts, String mimeType) throws Exception {
        for (Part part : parts) {
            if (part.isMimeType(mimeType)) {
                return part;
            }
        }
        throw new AssertionError("No " + mimeType + " part in the mail");
    }
}
