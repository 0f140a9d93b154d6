package no.innforing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectService.Registration;
import no.innforing.project.ProjectService;
import no.innforing.project.WaveMove;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The overview page, its CSV export and the calendar feeds, over HTTP. */
class OverviewPageTests extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProjectService projects;
    @Autowired
    WaveMove waveService;

    @BeforeEach
    void threeProjects() {
        municipality("1554", "Averøy", 5900);
        projects.register(new Registration("1505", "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null, null));
        projects.register(new Registration("1576", "KI3", false, ProjectPhase.PRE_PROJECT, null, null));
        projects.register(new Registration("5001", "PD1", false, ProjectPhase.STABILIZATION, null, null));
        projects.register(Registration.of("1554", "KI4"));
        projects.requestWithdrawal("1554", null);
        user("pl-1505-side", "pl-1505-side-passord", "municipality-1505");
    }

    @Test
    void ragSeesEveryMunicipalityPerWaveWithPhaseDeadlineAndLight() {
        ResponseEntity<String> page = http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity("/overview", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Regional oversikt").contains("Tidslinje").contains("Prosessversjoner")
                .contains("Bølge KI3 – Kommunal innføring 3 (produksjonssetting 31.03.2028)")
                .contains("Kristiansund").contains("Aure").contains("Trondheim").contains("Averøy")
                .contains("Tjenesteavtale").contains("Forprosjekt").contains("Feilretting og justering")
                .contains("Frist for tjenesteavtale").contains("Fratrådt")
                .contains("/camunda/app/cockpit/default/#/process-instance/")
                .contains("Flytt produksjonssettingen for bølge KI3");
        // one timeline row per municipality, the service-agreement deadline marked for the two unsigned ones
        // counts in Norwegian with the right form: one wave of two, two waves of one
        assertThat(page.getBody()).contains("Tidslinje for 4 kommuner:").contains(">2 kommuner</caption>")
                .contains(">1 kommune</caption>").doesNotContain("1 kommuner");
        assertThat(page.getBody().split("class=\"bar-main").length - 1).isEqualTo(4);
        assertThat(page.getBody().split("class=\"deadline\"").length - 1).isEqualTo(2);

        String filtered = http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/overview?wave=KI3", String.class);
        assertThat(filtered).contains("Kristiansund").contains("Aure").doesNotContain("Trondheim · PD1");
    }

    @Test
    void aProjectLeaderSeesOnlyTheirOwnMunicipalityAndItsCalendarFeed() {
        String page = http.withBasicAuth("pl-1505-side", "pl-1505-side-passord").getForObject("/overview", String.class);
        assertThat(page).contains("Kristiansund – innføringsprosjekt").contains("Kommende frister")
                .contains("Signer tjenesteavtale eller fratre").contains("kalenderfeed")
                .contains("Tidslinje for 1 kommune:")
                .doesNotContain("Aure").doesNotContain("Trondheim").doesNotContain("Flytt produksjonssettingen")
                .doesNotContain("Prosessversjoner");   // a menu item only RAG may open
        String csv = new String(http.withBasicAuth("pl-1505-side", "pl-1505-side-passord")
                .getForObject("/overview.csv", byte[].class), StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(2);

        // A page that is not theirs answers with a page, in Norwegian, not with JSON.
        ResponseEntity<String> refused = http.withBasicAuth("pl-1505-side", "pl-1505-side-passord")
                .getForEntity("/notifications?municipality=1576", String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(refused.getBody()).contains("<h1>Ingen tilgang</h1>")
                .contains("Du har ikke tilgang til kommune 1576.");
    }

    /**
     * Where no page of the app answers (an address that does not exist, a form's address opened directly, a form sent
     * without its CSRF token), a browser gets Spring Boot's error page in Bokmål, not the English "Whitelabel Error
     * Page".
     */
    @Test
    void addressesWithoutAPageAnswerWithANorwegianErrorPage() {
        TestRestTemplate browser = http.withBasicAuth("pl-1505-side", "pl-1505-side-passord");
        HttpHeaders html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML));

        ResponseEntity<String> missing = browser.exchange("/finnesikke", HttpMethod.GET, new HttpEntity<>(html),
                String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).contains("<h1>Siden finnes ikke</h1>",
                "Det finnes ingen side på adressen /finnesikke.", "Til oversikten").doesNotContain("Whitelabel");

        ResponseEntity<String> formAddress = browser.exchange("/benefits/1505/plan", HttpMethod.GET,
                new HttpEntity<>(html), String.class);
        assertThat(formAddress.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(formAddress.getBody()).contains("<h1>Adressen kan ikke åpnes slik</h1>",
                "kan ikke åpnes direkte").doesNotContain("Whitelabel");

        HttpHeaders form = new HttpHeaders(html);
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> noToken = browser.exchange("/municipalities/1505/contacts", HttpMethod.POST,
                new HttpEntity<>("projectLeaderEmail=pl%40k1505.example&chiefExecutiveEmail=", form), String.class);
        assertThat(noToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(noToken.getBody()).contains("<h1>Ingen tilgang</h1>", "skjemaet du sendte var utløpt")
                .doesNotContain("Whitelabel");
    }

    @Test
    void theCsvExportHasOneRowPerMunicipalityWithTheSameFilters() {
        byte[] body = http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/overview.csv", byte[].class);
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFkommunenummer;kommune;fylke;bølge;status;fase;neste frist");
        assertThat(csv.lines().count()).isEqualTo(5);
        assertThat(csv).contains("1505;Kristiansund;Møre og Romsdal;KI3;Aktiv;Tjenesteavtale;")
                .contains(";2027-02-28;2027-03-31;2028-03-31;2028-09-30");
        String ki3 = new String(http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/overview.csv?wave=KI3",
                byte[].class), StandardCharsets.UTF_8);
        assertThat(ki3.lines().count()).isEqualTo(3);
    }

    @Test
    void aCalendarFeedFollowsEveryMove() {
        Map<?, ?> address = http.withBasicAuth("pl-1505-side", "pl-1505-side-passord")
                .getForObject("/api/projects/1505/calendar", Map.class);
        String url = (String) address.get("url");
        assertThat(url).startsWith("http://localhost:8080/calendar/").endsWith(".ics");
        String path = url.substring("http://localhost:8080".length());

        ResponseEntity<String> feed = http.getForEntity(path, String.class);   // no login: the token is the key
        assertThat(feed.getHeaders().getContentType().toString()).startsWith("text/calendar");
        assertThat(feed.getBody()).contains("X-WR-CALNAME:Innføring – Kristiansund")
                .contains("SUMMARY:Frist for å signere tjenesteavtale (Kristiansund\\, bølge KI3)");
        assertThat(event(feed.getBody(), "1505-service-agreement")).contains("DTSTART;VALUE=DATE:20270228");
        assertThat(event(feed.getBody(), "1505-go-live")).contains("DTSTART;VALUE=DATE:20280331");

        waveService.moveGoLive("KI3", LocalDate.of(2028, 9, 29), "Forsinkelse");
        String moved = http.getForObject(path, String.class);
        assertThat(event(moved, "1505-service-agreement")).contains("DTSTART;VALUE=DATE:20270829");
        assertThat(event(moved, "1505-go-live")).contains("DTSTART;VALUE=DATE:20280929");

        assertThat(http.getForEntity("/calendar/not-a-token.ics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("pl-1505-side", "pl-1505-side-passord")
                .getForEntity("/api/projects/1576/calendar", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** The VEVENT with the given UID (without the domain part). */
    private static String event(String calendar, String uid) {
        for (String event : calendar.split("BEGIN:VEVENT")) {
            if (event.contains("UID:" + uid + "@innforing")) {
                return event.substring(0, event.indexOf("END:VEVENT"));
            }
        }
        throw new AssertionError("No event " + uid + " in " + calendar);
    }

    @Test
    void pagesNeedALoginAndOfferANorwegianLoginPage() {
        ResponseEntity<String> anonymous = http.getForEntity("/overview", String.class);
        assertThat(anonymous.getBody()).contains("<title>Logg inn – Innføring</title>",
                "Én innlogging gjelder både oversikten og Camunda (Oppgaver, Cockpit og Administrasjon).",
                "<label for=\"username\">Brukernavn</label>");
    }
}
