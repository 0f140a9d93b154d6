package no.innforing.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectService.Registration;
import no.innforing.project.ProjectService;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.Norwegian;
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

/**
 * The benefit, risk and cost-share API over HTTP. Trondheim (5001) is in PD1, live since 5 May 2026;
 * Kristiansund (1505) and Aure (1576) are in KI3 (go-live 31 March 2028).
 */
class BenefitApiTests extends IntegrationTest {

    static final LocalDate PD1_GO_LIVE = LocalDate.of(2026, 5, 5);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProjectService projects;
    @Autowired
    IdentityService identityService;

    @BeforeEach
    void projectsAndPeople() {
        setClock(LocalDate.of(2026, 6, 15));
        projects.register(new Registration("5001", "PD1", false, ProjectPhase.STABILIZATION, null, null));
        projects.register(new Registration("1505", "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null, null));
        projects.register(Registration.of("1576", "KI3"));
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

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ADMIN_PASSWORD);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-passord");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ResponseEntity<Map<String, Object>> send(TestRestTemplate client, HttpMethod method, String path,
            String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return (ResponseEntity) client.exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<Map<String, Object>> get(TestRestTemplate client, String path) {
        return (ResponseEntity) client.getForEntity(path, Map.class);
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("detail", detail);
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private long goal(String municipality, String json) {
        ResponseEntity<Map<String, Object>> created = send(admin(), HttpMethod.POST,
                "/api/projects/" + municipality + "/benefits/goals", json);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBenefitPlanAndGoalsAreMadeAndReadThroughTheApi() {
        ResponseEntity<Map<String, Object>> plan = send(as("pl-1505"), HttpMethod.PUT, "/api/projects/1505/benefits/plan",
                """
                {"expectedBenefits":"Færre pasientskader og mindre tid på papir",
                 "serviceCategories":"Hjemmetjenester, skolehelsetjenesten",
                 "ambition":"−80 % legemiddelrelaterte pasientskader innen tre år",
                 "followUpResponsibility":"Kommunalsjef helse følger opp kvartalsvis",
                 "replanning":"Ja, i styringsgruppen hvert halvår"}""");
        assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(plan.getBody()).containsEntry("updatedBy", "pl-1505");

        long fromCatalogue = goal("1505", """
                {"catalogueCode":"legemiddel-pasientskader","responsible":"Kommunalsjef helse og omsorg"}""");
        long own = goal("1505", """
                {"focusArea":"LOGISTICS","serviceCategory":"Skolehelsetjenesten","indicator":"Tid på helsekort",
                 "unit":"timer per år","direction":"DECREASE","baseline":2300,"target":200,
                 "targetDate":"2030-03-31","responsible":"Leder skolehelsetjenesten"}""");

        ResponseEntity<Map<String, Object>> changed = send(admin(), HttpMethod.PUT,
                "/api/projects/1505/benefits/goals/" + own, """
                {"focusArea":"LOGISTICS","serviceCategory":"Skolehelsetjenesten","indicator":"Tid på helsekort",
                 "unit":"årsverk","direction":"DECREASE","baseline":1.3,"target":0.1,
                 "targetDate":"2030-03-31","responsible":"Leder skolehelsetjenesten"}""");
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<String, Object> benefits = get(as("pl-1505"), "/api/projects/1505/benefits").getBody();
        assertThat(benefits).containsEntry("municipalityNumber", "1505").containsEntry("goLive", "2028-03-31");
        assertThat((Map<String, Object>) benefits.get("plan"))
                .containsEntry("ambition", "−80 % legemiddelrelaterte pasientskader innen tre år");
        List<Map<String, Object>> goals = (List<Map<String, Object>>) benefits.get("goals");
        assertThat(goals).hasSize(2);
        assertThat(goals.get(0)).containsEntry("id", (int) fromCatalogue)
                .containsEntry("focusArea", "MEDICATION_MANAGEMENT").containsEntry("focusAreaName", "Legemiddelhåndtering")
                .containsEntry("direction", "DECREASE").containsEntry("baseline", 50.0).containsEntry("target", 10.0)
                .containsEntry("targetDate", "2031-03-31").containsEntry("catalogueCode", "legemiddel-pasientskader")
                .containsEntry("responsible", "Kommunalsjef helse og omsorg").containsEntry("measurements", List.of());
        assertThat(goals.get(1)).containsEntry("id", (int) own).containsEntry("unit", "årsverk")
                .containsEntry("baseline", 1.3).containsEntry("target", 0.1);
        List<Map<String, Object>> quarters = (List<Map<String, Object>>) benefits.get("measurementQuarters");
        assertThat(quarters).hasSize(12);
        assertThat(quarters.get(0)).isEqualTo(Map.of("quarter", 1, "quarterEnd", "2028-06-30",
                "windowStart", "2028-05-30", "due", "2028-07-30"));

        ResponseEntity<List> catalogue = admin().getForEntity("/api/benefit-catalogue", List.class);
        assertThat((List<Map<String, Object>>) catalogue.getBody()).extracting(example -> example.get("code"))
                .contains("legemiddel-pasientskader", "helsekort-timer", "helsekort-arsverk");
    }

    @Test
    @SuppressWarnings("unchecked")
    void measurementsAfterGoLiveShowProgressTowardTheTarget() {
        long goal = goal("5001", """
                {"catalogueCode":"helsekort-timer","responsible":"Leder skolehelsetjenesten"}""");
        ResponseEntity<Map<String, Object>> measured = send(admin(), HttpMethod.POST,
                "/api/projects/5001/benefits/goals/" + goal + "/measurements",
                "{\"measuredOn\":\"2026-06-10\",\"value\":1200,\"note\":\"Første skoleår\"}");
        assertThat(measured.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(measured.getBody()).containsEntry("measuredOn", "2026-06-10").containsEntry("registeredBy", "admin");

        Map<String, Object> read = ((List<Map<String, Object>>) get(admin(), "/api/projects/5001/benefits").getBody()
                .get("goals")).get(0);
        // (2300 − 1200) / (2300 − 100) = 0.5 of the way
        assertThat(read).containsEntry("latestValue", 1200.0).containsEntry("progress", 0.5);
        assertThat((List<Map<String, Object>>) read.get("measurements")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("value", 1200.0).containsEntry("note", "Første skoleår"));
    }

    @Test
    void aTargetOnTheWrongSideOfTheBaselineIsRefusedAndNothingStored() {
        assertProblem(send(admin(), HttpMethod.POST, "/api/projects/1505/benefits/goals", """
                {"focusArea":"MEDICATION_MANAGEMENT","serviceCategory":"Sykehjem",
                 "indicator":"Legemiddelrelaterte pasientskader","unit":"avvik per år","direction":"DECREASE",
                 "baseline":50,"target":60,"targetDate":"2031-03-31","responsible":"Kommunalsjef"}"""),
                HttpStatus.UNPROCESSABLE_ENTITY, "Målet skal redusere «Legemiddelrelaterte pasientskader», så målverdien"
                        + " (60) må være lavere enn utgangsverdien (50).");
        assertProblem(send(admin(), HttpMethod.POST, "/api/projects/1505/benefits/goals", """
                {"focusArea":"CITIZEN_INVOLVEMENT","serviceCategory":"Helsestasjon","indicator":"Digital dialog",
                 "unit":"prosent","direction":"INCREASE","baseline":10.5,"target":10.5,"targetDate":"2031-03-31",
                 "responsible":"Leder helsestasjon"}"""),
                HttpStatus.UNPROCESSABLE_ENTITY, "Målet skal øke «Digital dialog», så målverdien (10,5) må være høyere"
                        + " enn utgangsverdien (10,5).");
        for (String farOff : new String[] {"2043-04-01", "+999999999-12-31"}) {
            // the second one used to reach the database (a timestamp out of its range) and came back as a vague 400
            assertProblem(send(admin(), HttpMethod.POST, "/api/projects/1505/benefits/goals", """
                    {"focusArea":"LOGISTICS","serviceCategory":"Skole","indicator":"Tid","unit":"timer",
                     "direction":"DECREASE","baseline":2300,"target":200,"targetDate":"%s","responsible":"Leder"}"""
                    .formatted(farOff)), HttpStatus.UNPROCESSABLE_ENTITY, "Måldatoen "
                    + Norwegian.date(LocalDate.parse(farOff)) + " kan være høyst 15 år etter produksjonssettingen 31.03.2028.");
        }
        assertProblem(send(admin(), HttpMethod.POST, "/api/projects/1505/benefits/goals",
                "{\"focusArea\":\"LOGISTICS\",\"indicator\":\"Tid\"}"), HttpStatus.BAD_REQUEST,
                "Fyll ut serviceCategory (tjenesteområde), unit (enhet), direction (INCREASE eller DECREASE), "
                        + "baseline (utgangsverdi), target (målverdi), targetDate (måldato), responsible (ansvarlig).");
        assertThat(count("benefit_goal")).isZero();
    }

    @Test
    void aMeasurementDatedBeforeGoLiveIsRefusedAndNothingStored() {
        long goal = goal("5001", """
                {"catalogueCode":"legevakt-innhenting","responsible":"Legevaktsjef"}""");
        assertProblem(send(admin(), HttpMethod.POST, "/api/projects/5001/benefits/goals/" + goal + "/measurements",
                        "{\"measuredOn\":\"2026-05-04\",\"value\":12}"), HttpStatus.UNPROCESSABLE_ENTITY,
                "Målingen er datert 04.05.2026, før produksjonssettingen 05.05.2026. Gevinster måles fra "
                        + "produksjonssetting; utgangsverdien før den står i gevinstmålet.");
        assertProblem(send(admin(), HttpMethod.POST, "/api/projects/5001/benefits/goals/" + goal + "/measurements",
                        "{\"measuredOn\":\"2026-07-01\",\"value\":12}"), HttpStatus.UNPROCESSABLE_ENTITY,
                "Målingen er datert 01.07.2026, som er fram i tid. Registrer verdien når den er målt.");
        assertProblem(send(admin(), HttpMethod.POST, "/api/projects/5001/benefits/goals/" + goal + "/measurements",
                        "{\"measuredOn\":\"2026-06-01\"}"), HttpStatus.BAD_REQUEST, "Fyll ut value (målt verdi).");
        assertProblem(send(admin(), HttpMethod.POST, "/api/projects/5001/benefits/goals/999999/measurements",
                        "{\"measuredOn\":\"2026-06-01\",\"value\":1}"), HttpStatus.NOT_FOUND,
                "Fant ikke gevinstmål 999999 for kommune 5001.");
        assertThat(count("benefit_measurement")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLikelihoodOfSevenIsRefusedAndNothingStored() {
        assertProblem(send(as("pl-1505"), HttpMethod.POST, "/api/projects/1505/risks", """
                {"description":"Overskridelse av budsjettet","focus":"COST","likelihood":7,"consequence":4,
                 "owner":"Økonomisjef"}"""),
                HttpStatus.BAD_REQUEST, "Sannsynlighet (likelihood) må være et tall fra 1 til 5, ikke 7.");
        assertProblem(send(as("pl-1505"), HttpMethod.POST, "/api/projects/1505/risks", """
                {"description":"","focus":"STAFF","consequence":0,"owner":"Kommunalsjef"}"""),
                HttpStatus.BAD_REQUEST, "Description (beskrivelse) må fylles ut; Sannsynlighet (likelihood) må fylles"
                        + " ut med et tall fra 1 til 5; Konsekvens (consequence) må være et tall fra 1 til 5, ikke 0.");
        assertThat(count("project_risk")).isZero();

        ResponseEntity<Map<String, Object>> risk = send(as("pl-1505"), HttpMethod.POST, "/api/projects/1505/risks", """
                {"description":"Press på ansatte under opplæringen","focus":"STAFF","likelihood":4,"consequence":4,
                 "mitigation":"Vikarbudsjett i opplæringsukene","owner":"Kommunalsjef"}""");
        assertThat(risk.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(risk.getBody()).containsEntry("status", "OPEN").containsEntry("score", 16)
                .containsEntry("level", "red").containsEntry("focusName", "Belastning på ansatte");
        Object id = risk.getBody().get("id");
        ResponseEntity<Map<String, Object>> reviewed = send(as("pl-1505"), HttpMethod.PUT, "/api/projects/1505/risks/" + id, """
                {"description":"Press på ansatte under opplæringen","focus":"STAFF","likelihood":9,"consequence":4,
                 "owner":"Kommunalsjef","status":"MITIGATED"}""");
        assertProblem(reviewed, HttpStatus.BAD_REQUEST, "Sannsynlighet (likelihood) må være et tall fra 1 til 5, ikke 9.");
        reviewed = send(as("pl-1505"), HttpMethod.PUT, "/api/projects/1505/risks/" + id, """
                {"description":"Press på ansatte under opplæringen","focus":"STAFF","likelihood":2,"consequence":4,
                 "owner":"Kommunalsjef","status":"MITIGATED"}""");
        assertThat(reviewed.getBody()).containsEntry("status", "MITIGATED").containsEntry("likelihood", 2);
        ResponseEntity<List> list = as("pl-1505").getForEntity("/api/projects/1505/risks", List.class);
        assertThat((List<Map<String, Object>>) list.getBody()).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("likelihood", 2).containsEntry("level", "yellow"));
    }

    @Test
    void aProjectLeaderSeesOnlyTheirOwnBenefitsAndRisksWhileRagReadsAll() {
        String denied = "Du har ikke tilgang til kommune 1576. En prosjektleder ser bare sin egen kommune; RAG ser alle.";
        assertProblem(get(as("pl-1505"), "/api/projects/1576/benefits"), HttpStatus.FORBIDDEN, denied);
        ResponseEntity<Map> risks = as("pl-1505").getForEntity("/api/projects/1576/risks", Map.class);
        assertThat(risks.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(risks.getBody()).containsEntry("detail", denied);
        assertProblem(send(as("pl-1505"), HttpMethod.POST, "/api/projects/1576/risks", """
                {"description":"Forsøk","focus":"OTHER","likelihood":1,"consequence":1,"owner":"Noen"}"""),
                HttpStatus.FORBIDDEN, denied);
        assertProblem(send(as("pl-1505"), HttpMethod.PUT, "/api/projects/1576/benefits/plan",
                "{\"ambition\":\"Forsøk\"}"), HttpStatus.FORBIDDEN, denied);
        assertThat(count("project_risk") + count("benefit_plan")).isZero();

        assertThat(get(as("pl-1505"), "/api/projects/1505/benefits").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(as("ragmedlem"), "/api/projects/1576/benefits").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("ragmedlem").getForEntity("/api/projects/1576/risks", List.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get(as("ragmedlem"), "/api/projects/5001/benefits").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertProblem(send(as("pl-1505"), HttpMethod.PUT, "/api/cost-totals/REGION", "{\"amountNok\":1000}"),
                HttpStatus.FORBIDDEN, "Bare RAG og administratorer kan sette totalkostnaden som fordeles på kommunene.");
        assertThat(count("cost_total")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void costSharesFollowPopulationAndWithdrawalsAndAddUpToTheTotal() {
        assertProblem(get(admin(), "/api/cost-shares?scope=REGION"), HttpStatus.NOT_FOUND,
                "Ingen totalkostnad er satt for REGION. RAG setter den med PUT /api/cost-totals/REGION.");
        ResponseEntity<Map<String, Object>> set = send(as("ragmedlem"), HttpMethod.PUT, "/api/cost-totals/REGION",
                "{\"amountNok\":1000000}");
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody()).containsEntry("scope", "REGION").containsEntry("amountNok", 1000000)
                .containsEntry("setBy", "ragmedlem");

        Map<String, Object> region = get(as("pl-1505"), "/api/cost-shares?scope=REGION").getBody();
        assertThat(region).containsEntry("totalNok", 1000000).containsEntry("population", 241500);
        assertThat((List<Map<String, Object>>) region.get("shares")).containsExactly(
                Map.of("municipalityNumber", "1505", "municipalityName", "Kristiansund", "population", 24000,
                        "amountNok", 99379),
                Map.of("municipalityNumber", "1576", "municipalityName", "Aure", "population", 3500,
                        "amountNok", 14493),
                Map.of("municipalityNumber", "5001", "municipalityName", "Trondheim", "population", 214000,
                        "amountNok", 886128));

        projects.requestWithdrawal("1576", "Kommunestyret venter");
        region = get(admin(), "/api/cost-shares").getBody();
        assertThat((List<Map<String, Object>>) region.get("shares")).extracting(s -> s.get("amountNok"))
                .containsExactly(100840, 899160);

        send(admin(), HttpMethod.PUT, "/api/cost-totals/KI3", "{\"amountNok\":250000}");
        Map<String, Object> wave = get(admin(), "/api/cost-shares?scope=KI3").getBody();
        assertThat((List<Map<String, Object>>) wave.get("shares")).singleElement()
                .satisfies(share -> assertThat(share).containsEntry("municipalityNumber", "1505")
                        .containsEntry("amountNok", 250000));

        assertProblem(send(admin(), HttpMethod.PUT, "/api/cost-totals/REGION", "{\"amountNok\":1000.50}"),
                HttpStatus.BAD_REQUEST, "Beløpet må være i hele kroner, ikke 1000.50.");
        assertProblem(send(admin(), HttpMethod.PUT, "/api/cost-totals/REGION", "{\"amountNok\":-5}"),
                HttpStatus.BAD_REQUEST, "Beløpet kan ikke være negativt (-5).");
        assertProblem(send(admin(), HttpMethod.PUT, "/api/cost-totals/KI9", "{\"amountNok\":5}"),
                HttpStatus.NOT_FOUND, "Fant ingen bølge med kode «KI9»; scope er REGION eller en bølgekode.");
        assertThat(jdbc.queryForObject("select amount_nok from cost_total where scope = 'REGION'", Long.class))
                .isEqualTo(1_000_000L);
    }
}
