package no.innforing.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectService.Registration;
import no.innforing.project.ProjectService;
import no.innforing.security.MunicipalityAccess;
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
        user("ragmedlem", MunicipalityAccess.RAG_GROUP);
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
                "class=\"risk-matrix\"", "Åpne risikoer i regionen: 1 åpen risiko.", "886 128")
                .contains("gevinstmål i <span>2 kommuner</span>").doesNotContain("1 åpne risikoer");
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

    @Test
    void aGoalPickedFromTheCatalogueIsAddedOnThePageWithAConfirmation() {
        Session pl = session("pl-1505", "/benefits/1505");
        assertThat(pl.page()).contains("<label for=\"new-goal-catalogueCode\">Eksempel fra gevinstkatalogen (valgfritt)</label>",
                "value=\"legemiddel-pasientskader\"", "<label for=\"new-goal-responsible\">Ansvarlig</label>",
                "<label for=\"new-risk-likelihood\">Sannsynlighet (1 lav – 5 høy)</label>",
                "<label for=\"plan-ambition\">Hvilken ambisjon har vi (hvor mye, innen når)?</label>");

        ResponseEntity<String> saved = pl.post("/benefits/1505/goals", "catalogueCode", "legemiddel-pasientskader",
                "responsible", "Kommunalsjef helse");
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);   // after the redirect to the page
        assertThat(saved.getBody()).contains("role=\"status\">Gevinstmålet er lagt til.</p>", "Legemiddelhåndtering",
                "Legemiddelrelaterte pasientskader (meldte avvik per år)", "Kommunalsjef helse");
        assertThat(jdbc.queryForObject("select count(*) from benefit_goal where catalogue_code = "
                + "'legemiddel-pasientskader' and project_id = (select max(id) from implementation_project "
                + "where municipality_number = '1505')", Integer.class)).isOne();
    }

    @Test
    void aTargetOnTheWrongSideOfTheBaselineShowsTheMessageAndStoresNothing() {
        Session pl = session("pl-1505", "/benefits/1505");
        int before = jdbc.queryForObject("select count(*) from benefit_goal", Integer.class);

        ResponseEntity<String> refused = pl.post("/benefits/1505/goals", "focusArea", "COLLABORATION",
                "serviceCategory", "Legevakt", "indicator", "Tid på telefon med sykehuset", "unit", "minutter",
                "direction", "DECREASE", "baseline", "15", "target", "20", "targetDate", "2030-06-30",
                "responsible", "Legevaktsjef");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).contains("role=\"alert\" id=\"goal-errors\"", "Gevinstmålet ble ikke lagret",
                "Målet skal redusere «Tid på telefon med sykehuset», så målverdien (20) må være lavere enn "
                        + "utgangsverdien (15).", "value=\"Tid på telefon med sykehuset\"", "value=\"20\"")
                .doesNotContain("Gevinstmålet er lagt til.");
        ResponseEntity<String> notANumber = pl.post("/benefits/1505/goals", "catalogueCode", "helsekort-timer",
                "baseline", "mange", "responsible", "Leder skolehelse");
        assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notANumber.getBody()).contains("Utgangsverdien må være et tall, for eksempel 2300 eller 1,3.");
        ResponseEntity<String> noResponsible = pl.post("/benefits/1505/goals", "catalogueCode", "helsekort-timer");
        assertThat(noResponsible.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noResponsible.getBody()).contains("Fyll ut responsible (ansvarlig).");
        assertThat(jdbc.queryForObject("select count(*) from benefit_goal", Integer.class)).isEqualTo(before);
    }

    @Test
    void aRiskAddedOnThePageLandsInItsMatrixCellAndCanBeUpdated() {
        Session pl = session("pl-1505", "/benefits/1505");
        ResponseEntity<String> missing = pl.post("/benefits/1505/risks", "description", "Leverandøren blir forsinket",
                "focus", "TECHNICAL", "consequence", "4", "owner", "Prosjektleder", "status", "OPEN");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody()).contains("role=\"alert\" id=\"risk-errors\"",
                "Sannsynlighet (likelihood) må fylles ut med et tall fra 1 til 5");
        assertThat(jdbc.queryForObject("select count(*) from project_risk", Integer.class)).isOne();

        ResponseEntity<String> saved = pl.post("/benefits/1505/risks", "description", "Leverandøren blir forsinket",
                "focus", "TECHNICAL", "likelihood", "5", "consequence", "4", "mitigation", "Tett oppfølging",
                "owner", "Prosjektleder", "status", "OPEN");
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody()).contains("role=\"status\">Risikoen er lagt til i risikoregisteret.</p>",
                "Leverandøren blir forsinket", "5 × 4 = 20",
                // the matrix: one risk in the cell likelihood 5 (top row) × consequence 4 (fourth column)
                "sannsynlighet 5, konsekvens 4: 1;", "<circle cx=\"266\" cy=\"38\"");

        long id = jdbc.queryForObject("select id from project_risk where description = 'Leverandøren blir forsinket'",
                Long.class);
        setClock(java.time.LocalDate.of(2026, 3, 20));
        ResponseEntity<String> reviewed = pl.post("/benefits/1505/risks/" + id + "/reviewed");
        assertThat(reviewed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reviewed.getBody()).contains("role=\"status\">Risikoen er merket som vurdert i dag.</p>",
                "20.03.2026");
        assertThat(pl.post("/benefits/1505/risks/999999/reviewed").getBody())
                .contains("Fant ingen risiko med id 999999 for kommune 1505.");
        ResponseEntity<String> closed = pl.post("/benefits/1505/risks/" + id, "description",
                "Leverandøren blir forsinket", "focus", "TECHNICAL", "likelihood", "5", "consequence", "4",
                "mitigation", "Ny leveranseplan", "owner", "Prosjektleder", "status", "CLOSED");
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody()).contains("role=\"status\">Risikoen er oppdatert.</p>", "Ny leveranseplan")
                .doesNotContain("sannsynlighet 5, konsekvens 4");
        ResponseEntity<String> outOfScale = pl.post("/benefits/1505/risks/" + id, "description",
                "Leverandøren blir forsinket", "focus", "TECHNICAL", "likelihood", "7", "consequence", "4",
                "owner", "Prosjektleder", "status", "OPEN");
        assertThat(outOfScale.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(outOfScale.getBody()).contains("role=\"alert\" id=\"risk-" + id + "-errors\"",
                "Sannsynlighet (likelihood) må være et tall fra 1 til 5, ikke 7");
        assertThat(jdbc.queryForObject("select status from project_risk where id = " + id, String.class))
                .isEqualTo("CLOSED");
    }

    @Test
    void theBenefitPlanIsEditedOnThePage() {
        Session pl = session("pl-1505", "/benefits/1505");
        ResponseEntity<String> empty = pl.post("/benefits/1505/plan", "expectedBenefits", " ");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody()).contains("role=\"alert\" id=\"plan-errors\"",
                "Gevinstplanen er tom: svar på minst ett av de fem spørsmålene.");

        ResponseEntity<String> saved = pl.post("/benefits/1505/plan", "expectedBenefits", "Mindre tid på helsekort",
                "serviceCategories", "Skolehelsetjenesten", "ambition", "2 200 timer i året innen to år",
                "followUpResponsibility", "Kommunalsjef", "replanning", "Ja, hvert halvår");
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody()).contains("role=\"status\">Gevinstplanen er lagret.</p>",
                "<dd>2 200 timer i året innen to år</dd>", "Ja, hvert halvår</textarea>");
    }

    @Test
    void aProjectLeaderOfAnotherMunicipalityIsRefusedOnEveryPost() {
        Session other = session("pl-5001", "/benefits/5001");
        long risk = jdbc.queryForObject("select id from project_risk", Long.class);
        int goals = jdbc.queryForObject("select count(*) from benefit_goal", Integer.class);
        assertThat(other.post("/benefits/1505/goals", "catalogueCode", "helsekort-arsverk", "responsible", "X")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.post("/benefits/1505/risks", "description", "Fremmed", "focus", "COST", "likelihood", "5",
                "consequence", "4", "owner", "X").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.post("/benefits/1505/risks/" + risk, "description", "Fremmed", "focus", "COST",
                "likelihood", "1", "consequence", "1", "owner", "X", "status", "CLOSED").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.post("/benefits/1505/plan", "ambition", "Fremmed").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from benefit_goal", Integer.class)).isEqualTo(goals);
        assertThat(jdbc.queryForObject("select count(*) from benefit_plan", Integer.class)).isZero();
        assertThat(jdbc.queryForList("select description from project_risk", String.class))
                .containsExactly("Press på ansatte under opplæringen");
    }

    @Test
    void aWithdrawnProjectIsRefusedByTheServiceAndThePageSaysWhy() {
        projects.requestWithdrawal("1576", "Kommunestyret venter");
        Session rag = session("ragmedlem", "/benefits/1576");
        ResponseEntity<String> refused = rag.post("/benefits/1576/risks", "description", "For sent", "focus", "COST",
                "likelihood", "2", "consequence", "2", "owner", "RAG", "status", "OPEN");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).contains("Risikoen ble ikke lagret", "gevinster og risikoer kan ikke lenger endres")
                // the state by its Norwegian name, not the enum constant
                .contains("er avsluttet (status «Fratrådt»)").doesNotContain("(WITHDRAWN)");
        assertThat(jdbc.queryForObject("select count(*) from project_risk", Integer.class)).isOne();
    }

    @Test
    void aPageFormWithAControlCharacterOrAnUnreadableFieldGetsANorwegianPageAndStoresNothing() {
        Session session = session("pl-5001", "/benefits/5001");
        int before = jdbc.queryForObject("select count(*) from benefit_measurement", Integer.class);

        ResponseEntity<String> nul = session.post("/benefits/5001/measurements", "goalId", String.valueOf(injuries),
                "measuredOn", "2026-08-09", "value", "12", "note", "før\u0000etter");
        assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nul.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(nul.getBody()).contains("Ugyldig forespørsel", "«note» har en ugyldig verdi: et kontrolltegn");

        ResponseEntity<String> unreadable = session.post("/benefits/5001/measurements", "goalId", "tretten",
                "measuredOn", "2026-08-09", "value", "12");
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unreadable.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(unreadable.getBody()).contains("«goalId» har en verdi som ikke kan leses")
                .doesNotContain("java.", "Exception");

        assertThat(jdbc.queryForObject("select count(*) from benefit_measurement", Integer.class)).isEqualTo(before);
    }

    /** A logged-in user's session cookie and CSRF token, taken from a page as a browser would. */
    private record Session(TestRestTemplate http, String cookie, String csrf, String page) {

        ResponseEntity<String> post(String path, String... fields) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            if (cookie != null) {
                headers.add(HttpHeaders.COOKIE, cookie.split(";")[0]);
            }
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("_csrf", csrf);
            for (int i = 0; i < fields.length; i += 2) {
                form.add(fields[i], fields[i + 1]);
            }
            return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        }
    }

    private Session session(String user, String path) {
        ResponseEntity<String> page = as(user).getForEntity(path, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new Session(as(user), page.getHeaders().getFirst(HttpHeaders.SET_COOKIE),
                match(page.getBody(), "name=\"_csrf\" value=\"([^\"]+)\""), page.getBody());
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
