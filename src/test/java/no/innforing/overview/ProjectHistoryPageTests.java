package no.innforing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.innforing.IntegrationTest;
import no.innforing.notification.NotificationDelivery;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The project's honest history (issue 13): a task a project leader completes through the engine REST API (as
 * Tasklist does) shows with who, when and the decision values; moves with their reason, agreements and notifications
 * sent; on {@code /projects/{number}} with open tasks linked to Tasklist; another municipality's page is refused.
 */
class ProjectHistoryPageTests extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProjectService projects;
    @Autowired
    TaskService taskService;
    @Autowired
    NotificationDelivery delivery;

    String kristiansund;
    String aure;

    @BeforeEach
    void twoProjects() {
        kristiansund = projects.register(new Registration("1505", "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null,
                null)).getProcessInstanceId();
        aure = projects.register(Registration.of("1576", "KI3")).getProcessInstanceId();
        user("pl-1505-h", "pl-1505-h-passord", "municipality-1505");
        user("pl-1576-h", "pl-1576-h-passord", "municipality-1576");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTaskCompletedByTheProjectLeaderIsInTheHistoryWithWhoWhenAndTheDecision() {
        setClock(TODAY.plusHours(2));
        String signing = taskService.createTaskQuery().processInstanceId(kristiansund).singleResult().getId();
        ResponseEntity<String> completed = as("pl-1505-h").postForEntity("/engine-rest/task/" + signing + "/complete",
                Map.of("variables", Map.of("serviceAgreementDecision", Map.of("value", "SIGN"),
                        "serviceAgreementSignedOn", Map.of("value", "2026-03-01"))), String.class);
        assertThat(completed.getStatusCode()).as(completed.toString()).isEqualTo(HttpStatus.NO_CONTENT);

        List<Map<String, Object>> history = as("pl-1505-h").getForObject("/api/projects/1505/history", List.class);

        assertThat(history).anySatisfy(entry -> assertThat(entry).containsEntry("kind", "Oppgave fullført")
                .containsEntry("what", "Signer tjenesteavtale eller fratre").containsEntry("actor", "pl-1505-h")
                .containsEntry("at", "2026-03-02T10:00:00Z")
                .containsEntry("values", Map.of("Beslutning", "Signer", "Tjenesteavtale signert", "01.03.2026")));
        assertThat(history).anySatisfy(entry -> assertThat(entry).containsEntry("kind", "Avtale")
                .containsEntry("what", "Tjenesteavtale signert 01.03.2026"));
        assertThat(history.get(history.size() - 1)).containsEntry("kind", "Registrert");   // oldest last

        String page = as("pl-1505-h").getForObject("/projects/1505", String.class);
        assertThat(page).contains("Kristiansund (1505) – innføringsprosjekt").contains("Historikk")
                .contains("Signer tjenesteavtale eller fratre").contains("pl-1505-h")
                .contains("Beslutning: Signer").contains("Tjenesteavtale signert").contains("/calendar/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void movesWithTheirReasonAndNotificationsSentAreInTheHistoryAndOpenTasksLinkToTasklist() {
        setClock(TODAY.plusHours(1));
        ResponseEntity<Map> moved = http.withBasicAuth("admin", ADMIN_PASSWORD).postForEntity(
                "/api/projects/1576/wave", Map.of("waveCode", "KI4", "reason", "Kommunestyret utsatte saken"), Map.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        delivery.deliverDue(100);

        List<Map<String, Object>> history = http.withBasicAuth("admin", ADMIN_PASSWORD)
                .getForObject("/api/projects/1576/history", List.class);
        assertThat(history).anySatisfy(entry -> assertThat(entry).containsEntry("kind", "Flyttet")
                .containsEntry("what", "Flyttet fra bølge KI3 til KI4: Kommunestyret utsatte saken")
                .containsEntry("actor", "admin"));
        assertThat(history).anySatisfy(entry -> assertThat(entry).containsEntry("kind", "Varsel")
                .satisfies(e -> assertThat((Map<String, String>) e.get("values")).containsEntry("Status", "Sendt")));

        String task = taskService.createTaskQuery().processInstanceId(aure).singleResult().getId();
        String page = http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/projects/1576", String.class);
        assertThat(page).contains("Aure (1576) – innføringsprosjekt").contains("(opprinnelig bølge KI3)")
                .contains("/camunda/app/tasklist/default/#/?task=" + task).contains("Registrer politisk vedtak")
                .contains("Kommunestyret utsatte saken");
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/overview", String.class))
                .contains("href=\"/projects/1576\"");
    }

    @Test
    void aProjectLeaderCannotSeeAnotherMunicipalitysProjectPageOrHistory() {
        ResponseEntity<String> page = as("pl-1505-h").getForEntity("/projects/1576", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page.getBody()).contains("Ingen tilgang").doesNotContain("Registrer politisk vedtak");
        assertThat(as("pl-1505-h").getForEntity("/api/projects/1576/history", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("pl-1576-h").getForEntity("/projects/1576", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theOverviewsFlyttShowsThePreviewAndMovesOnlyWhenConfirmedWithAReason() {
        ResponseEntity<String> overview = http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity("/overview",
                String.class);
        assertThat(overview.getBody()).contains("<option value=\"\" selected>Velg bølge</option>")
                .contains("KI1 (fristen for tjenesteavtale er passert)");
        String cookie = overview.getHeaders().getFirst(org.springframework.http.HttpHeaders.SET_COOKIE).split(";")[0];
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(overview.getBody());
        assertThat(csrf.find()).isTrue();

        ResponseEntity<String> preview = form(cookie, csrf.group(1), "/overview/projects/1576/wave/preview",
                "waveCode", "KI4");
        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(preview.getBody()).contains("Aure: flytt fra bølge KI3 til KI4")
                .contains("ingenting er endret ennå").contains("Oppstart forprosjekt").contains("31.08.2026")
                .contains("05.02.2027").contains("Registrer politisk vedtak").contains("Bekreft og flytt")
                .contains("name=\"reason\"");
        assertThat(projects.currentProject("1576").getWave().getCode()).isEqualTo("KI3");

        form(cookie, csrf.group(1), "/overview/projects/1576/wave", "waveCode", "KI4");
        assertThat(projects.currentProject("1576").getWave().getCode()).isEqualTo("KI3");
        form(cookie, csrf.group(1), "/overview/projects/1576/wave", "waveCode", "KI4", "reason", "Valg i kommunen");
        assertThat(projects.currentProject("1576").getWave().getCode()).isEqualTo("KI4");
    }

    private ResponseEntity<String> form(String cookie, String csrf, String path, String... fields) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(org.springframework.http.HttpHeaders.COOKIE, cookie);
        org.springframework.util.MultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("_csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        return http.withBasicAuth("admin", ADMIN_PASSWORD).exchange(path, org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(form, headers), String.class);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-passord");
    }
}
