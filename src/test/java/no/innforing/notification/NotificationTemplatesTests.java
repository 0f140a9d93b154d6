package no.innforing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTemplatesTests {

    static final String TASK_URL = "http://localhost:8080/camunda/app/tasklist/default/#/?task=7d1c2a4e";

    private final NotificationTemplates templates = new NotificationTemplates();

    @Test
    void deadlineReminderSaysWhatIsDueWhenAndWhereToDoIt() {
        RenderedMail mail = templates.render("deadline-reminder", reminderModel(14));

        assertThat(mail.subject())
                .isEqualTo("Påminnelse: Frist for å signere tjenesteavtale 28. februar 2027 (Kristiansund)");
        assertThat(mail.text())
                .doesNotContain("Emne:")
                .startsWith("Hei! Dette er en påminnelse til Kristiansund kommune (kommunenummer 1505).")
                .contains("Frist for å signere tjenesteavtale: 28. februar 2027.")
                .contains("Det er 14 dager igjen til fristen.")
                .contains("Signer tjenesteavtalen, eller fratre før fristen går ut.")
                .contains(TASK_URL)
                .contains("kalenderfil (.ics) i vedlegget");
        assertThat(mail.html())
                .contains("<title>" + mail.subject() + "</title>")
                .contains("<html lang=\"nb\"")
                .contains("<h1", "Frist for å signere tjenesteavtale: 28. februar 2027</h1>")
                .contains("Kristiansund", "1505", "<strong>14 dager</strong>")
                .contains("Signer tjenesteavtalen, eller fratre før fristen går ut.")
                .contains("href=\"" + TASK_URL + "\"", ">Åpne oppgaven i Tasklist</a>")
                .contains("kalenderfil (.ics) i vedlegget")
                .doesNotContain("<img", "th:text", "th:block");
    }

    @Test
    void deadlineReminderCountsDaysInNorwegian() {
        assertThat(templates.render("deadline-reminder", reminderModel(1)).text())
                .contains("Det er 1 dag igjen til fristen.");
        RenderedMail lastDay = templates.render("deadline-reminder", reminderModel(0));
        assertThat(lastDay.text()).contains("Fristen går ut i dag.").doesNotContain("0 dager");
        assertThat(lastDay.html()).contains("Fristen går ut i dag.").doesNotContain("0 dager");
    }

    @Test
    void phaseStartedNamesThePhaseAndItsStart() {
        RenderedMail mail = templates.render("phase-started", Map.of(
                "municipalityName", "Aure",
                "phaseName", "Forprosjekt",
                "startDate", LocalDate.of(2027, 2, 5),
                "message", "Første oppgave er å etablere prosjektorganisasjonen og utnevne innføringsleder.",
                "taskUrl", TASK_URL));

        assertThat(mail.subject()).isEqualTo("Ny fase: Forprosjekt fra 5. februar 2027 (Aure)");
        assertThat(mail.text())
                .contains("Fasen «Forprosjekt» for Aure starter 5. februar 2027.")
                .contains("Første oppgave er å etablere prosjektorganisasjonen og utnevne innføringsleder.")
                .contains(TASK_URL);
        assertThat(mail.html())
                .contains("Ny fase: Forprosjekt</h1>", "<strong>5. februar 2027</strong>")
                .contains("Første oppgave er å etablere prosjektorganisasjonen og utnevne innføringsleder.")
                .contains("href=\"" + TASK_URL + "\"", ">Se oppgavene i Tasklist</a>");
    }

    @Test
    void taskOverdueSaysHowLateTheTaskIs() {
        RenderedMail mail = templates.render("task-overdue", Map.of(
                "municipalityName", "Smøla",
                "taskName", "Gjennomfør ROS-analyse",
                "due", LocalDate.of(2026, 12, 31),
                "daysOverdue", 3,
                "taskUrl", TASK_URL));

        assertThat(mail.subject()).isEqualTo("Forfalt oppgave: Gjennomfør ROS-analyse (Smøla)");
        assertThat(mail.text())
                .contains("Oppgaven «Gjennomfør ROS-analyse» for Smøla hadde frist 31. desember 2026, "
                        + "og er nå 3 dager over fristen.")
                .contains(TASK_URL);
        assertThat(mail.html())
                .contains("Gjennomfør ROS-analyse", "Smøla", "<strong>31. desember 2026</strong>")
                .contains("<strong>3 dager</strong>")
                .contains("href=\"" + TASK_URL + "\"", ">Åpne oppgaven i Tasklist</a>");
    }

    @Test
    void ragAlertLeadsWithTheHeadline() {
        String link = "http://localhost:8080/camunda/app/cockpit/default/#/process-instance/0b5e1f2c";
        RenderedMail mail = templates.render("rag-alert", Map.of(
                "municipalityName", "Kristiansund",
                "municipalityNumber", "1505",
                "waveCode", "KI3",
                "headline", "Kristiansund har fratrådt",
                "details", "Kommunestyret har vedtatt å vente til neste år.",
                "link", link));

        assertThat(mail.subject()).isEqualTo("RAG: Kristiansund har fratrådt");
        assertThat(mail.text())
                .contains("Kommunestyret har vedtatt å vente til neste år.")
                .contains("Kommune: Kristiansund (1505)", "Bølge: KI3")
                .contains(link);
        assertThat(mail.html())
                .contains("Kristiansund har fratrådt</h1>", "Kristiansund (1505)", "KI3")
                .contains("Kommunestyret har vedtatt å vente til neste år.")
                .contains("href=\"" + link + "\"");
    }

    @Test
    void markupInModelValuesIsEscapedInTheHtml() {
        RenderedMail mail = templates.render("rag-alert", Map.of(
                "municipalityName", "Kristiansund",
                "municipalityNumber", "1505",
                "waveCode", "KI3",
                "headline", "Kristiansund har fratrådt",
                "details", "<script>alert('x')</script> & mer",
                "link", TASK_URL));

        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;", "&amp; mer");
        assertThat(mail.text()).contains("<script>alert('x')</script> & mer");
    }

    @Test
    void datesComeInNorwegianLongAndShortForm() {
        NotificationTemplates.MailDates dates = new NotificationTemplates.MailDates();
        assertThat(dates.longDate(LocalDate.of(2027, 2, 28))).isEqualTo("28. februar 2027");
        assertThat(dates.longDate(LocalDate.of(2027, 8, 1))).isEqualTo("1. august 2027");
        assertThat(dates.shortDate(LocalDate.of(2027, 2, 28))).isEqualTo("28.02.2027");
    }

    /** The service-agreement reminder to Kristiansund, due 28 February 2027; {@link MailDeliveryTests} sends it. */
    static Map<String, Object> reminderModel(int daysLeft) {
        return Map.of(
                "municipalityName", "Kristiansund",
                "municipalityNumber", "1505",
                "deadlineLabel", "Frist for å signere tjenesteavtale",
                "deadline", LocalDate.of(2027, 2, 28),
                "daysLeft", daysLeft,
                "whatToDo", "Signer tjenesteavtalen, eller fratre før fristen går ut.",
                "taskUrl", TASK_URL);
    }
}
