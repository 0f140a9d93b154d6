package no.innforing.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The server-rendered benefit pages over HTTP, as a project leader and RAG see them. */
class BenefitPagesTests extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProjectService projects;
    @Autowired
    BenefitService benefits;
    @Autowired
    CostShareService costShares;
    @Autowired
    IdentityService identityService;

    long injuries;

    @BeforeEach
    void trondheimLiveKristiansundPlanning() {
        setClock(LocalDate.of(2026, 8, 10));
        projects.register(new Registration("5001", "PD1", false, ProjectPhase.STABILIZATION, null, null));
        projects.register(new Registration("1505", "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null, null));
        projects.register(Registration.of("1576", "KI3"));
        injuries = benefits.addGoal("5001", new GoalDefinition(null, null, null, null, null, null, null, null,
                "Kommunalsjef helse", "legemiddel-pasientskader")).getId();
        benefits.addMeasurement("5001", injuries, LocalDate.of(2026, 8, 5), new BigDecimal("41"), "Første kvartal");
        benefits.addGoal("1505", new GoalDefinition(null, null, null, null, null, null, null, null, "Leder skolehelse",
                "helsekort-timer"));
        benefits.addRisk("1505", new RiskDefinition("Press på ansatte under opplæringen", RiskFocus.STAFF, 4, 4,
                "Vikarer", "Kommunalsjef", null));
        costShares.setTotal("REGION", new BigDecimal("1000000"));
        user("pl-5001", "municipality-5001");
        user("pl-1505", "municipality-1505");
        user("ragmedlem", ProjectProcess.RAG_GROUP);
    }

    private void user(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(id + "-passord");
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-passord");
    }

    @Test
    void aProjectLeaderSeesTheirGoalsChartRiskMatrixAndCostShare() {
        ResponseEntity<String> page = as("pl-1505").getForEntity("/benefits/1505", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Kristiansund: gevinster og risiko", "Logistikk",
                "Tid brukt på å hente og bringe helsekort", "class=\"goal-chart\"", "class=\"risk-matrix\"",
                "Press på ansatte under opplæringen", "4 × 4 = 16", "Regionen: <strong>99 379 kr</strong>",
                "<label for=\"value\">Målt verdi</label>");

        assertThat(as("pl-1505").getForEntity("/benefits/1576", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // /benefits sends a project leader on to their own municipality
        ResponseEntity<String> region = as("pl-1505").getForEntity("/benefits", String.class);
        assertThat(region.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(region.getBody()).contains("Kristiansund: gevinster og risiko").doesNotContain("Trondheim");
    }

    @Test
    void ragSeesTheRegionPerFocusAreaWithTotalsAndTheMatrixOfAllOpenRisks() {
        ResponseEntity<String> page = as("ragmedlem").getForEntity("/benefits", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Gevinster og risiko i regionen", "Legemiddelhåndtering", "Logistikk",
                "Forskning", "2200 timer per år", "9 avvik per år", "Press på ansatte",
                "class=\"risk-matrix\"", "1 åpne risikoer", "886 128");
        assertThat(as("ragmedlem").getForEntity("/benefits/1576", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theMeasurementFormChecksOnTheServerAndStoresNothingOnBadInput() {
        ResponseEntity<String> page = as("pl-5001").getForEntity("/benefits/5001", String.class);
        String csrf = match(page.getBody(), "name=\"_csrf\" value=\"([^\"]+)\"");
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE);

        ResponseEntity<String> early = post(cookie, csrf, "2026-05-01", "40");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(early.getBody()).contains("Målingen ble ikke lagret", "Målingen er datert 01.05.2026, før "
                + "produksjonssettingen 05.05.2026.", "value=\"2026-05-01\"");
        ResponseEntity<String> notANumber = post(cookie, csrf, "2026-08-09", "førti");
        assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notANumber.getBody()).contains("Målt verdi må være et tall, for eksempel 1250 eller 1,3.");
        assertThat(jdbc.queryForObject("select count(*) from benefit_measurement", Integer.class)).isOne();

        ResponseEntity<String> saved = post(cookie, csrf, "2026-08-09", "38,5");
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);   // after the redirect to the page
        assertThat(saved.getBody()).contains("Målingen er registrert.", "38,5 avvik per år");
        assertThat(jdbc.queryForList("select measured_value from benefit_measurement order by id", BigDecimal.class))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("41"), new BigDecimal("38.5"));
    }

    private ResponseEntity<String> post(String cookie, String csrf, String measuredOn, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (cookie != null) {
            headers.add(HttpHeaders.COOKIE, cookie.split(";")[0]);
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrf);
        form.add("goalId", String.valueOf(injuries));
        form.add("measuredOn", measuredOn);
        form.add("value", value);
        return as("pl-5001").exchange("/benefits/5001/measurements", HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
    }

    private static String match(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
