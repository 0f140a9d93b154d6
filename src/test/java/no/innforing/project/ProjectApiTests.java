package no.innforing.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.innforing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The app's REST API over HTTP, as an operator or a script would call it. */
class ProjectApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProjectService projects;
    @Autowired
    PlatformTransactionManager transactions;

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ADMIN_PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<Map<String, Object>> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) admin().exchange(path, HttpMethod.POST,
                new HttpEntity<>(json, headers), Map.class);
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<Map<String, Object>> get(String path) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) admin().getForEntity(path, Map.class);
    }

    @Test
    void listsMunicipalitiesAndWaves() {
        ResponseEntity<List> municipalities = admin().getForEntity("/api/municipalities", List.class);
        assertThat(municipalities.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(municipalities.getBody()).contains(
                Map.of("number", "1505", "name", "Kristiansund", "county", "Møre og Romsdal", "population", 24000));

        ResponseEntity<List> waves = admin().getForEntity("/api/waves", List.class);
        assertThat(waves.getBody()).hasSize(8);
        assertThat((Map<String, Object>) waves.getBody().get(0)).containsEntry("code", "PD1")
                .containsEntry("hospitalTrust", "St. Olavs hospital").containsEntry("goLiveDate", "2026-05-05");
    }

    @Test
    void registeringAProjectReturnsItsScheduleAndFirstTask() {
        ResponseEntity<Map<String, Object>> created = post("/api/projects",
                "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI3\"}");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/projects/1505");
        Map<String, Object> project = created.getBody();
        assertThat(project).containsEntry("municipalityNumber", "1505").containsEntry("waveCode", "KI3")
                .containsEntry("state", "ACTIVE").containsEntry("currentPhase", "POLITICAL_DECISION")
                .containsEntry("withdrawalAllowedUntil", "2027-02-28");
        assertThat((String) project.get("processInstanceId")).isNotBlank();
        assertThat(project.get("schedule")).isEqualTo(Map.of("preProjectStart", "2026-08-31",
                "serviceAgreementDue", "2027-02-28", "mainProjectStart", "2027-03-31", "goLive", "2028-03-31",
                "stabilizationEnd", "2028-09-30"));
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) project.get("openTasks");
        assertThat(tasks).singleElement().satisfies(task -> assertThat(task)
                .containsEntry("name", "Registrer politisk vedtak").containsEntry("due", "2026-06-30")
                .containsEntry("candidateGroup", "municipality-1505"));

        Map<String, Object> read = get("/api/projects/1505").getBody();
        assertThat(read).containsEntry("processInstanceId", project.get("processInstanceId"))
                .containsEntry("currentPhaseName", "Politisk vedtak og avropsavtale");
        assertThat((List<Map<String, Object>>) read.get("history")).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("actor", "admin").containsEntry("action", "REGISTERED"));
    }

    @Test
    void aProjectUnderWayCanBeRegisteredInItsPhase() {
        setClock(LocalDate.of(2027, 4, 10));
        ResponseEntity<Map<String, Object>> created = post("/api/projects", "{\"municipalityNumber\":\"1505\","
                + "\"waveCode\":\"KI3\",\"startPhase\":\"MAIN_PROJECT\",\"serviceAgreementSignedOn\":\"2027-02-15\"}");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("currentPhase", "MAIN_PROJECT")
                .containsEntry("serviceAgreementSigned", true).containsEntry("serviceAgreementSignedOn", "2027-02-15");
    }

    @Test
    void unknownMunicipalityOrWaveGives404() {
        assertProblem(post("/api/projects", "{\"municipalityNumber\":\"9999\",\"waveCode\":\"KI3\"}"),
                HttpStatus.NOT_FOUND, "Fant ingen kommune med nummer 9999.");
        assertProblem(post("/api/projects", "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI9\"}"),
                HttpStatus.NOT_FOUND, "Fant ingen bølge med kode «KI9». Kjente bølger: PD1, PD2, KI1, PD3, KI2, KI3, KI4, KI5.");
        assertProblem(get("/api/projects/1576"), HttpStatus.NOT_FOUND, "Kommune 1576 har ikke noe innføringsprosjekt.");
    }

    @Test
    void aSecondActiveProjectGives409() {
        post("/api/projects", "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI3\"}");
        assertProblem(post("/api/projects", "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI4\"}"),
                HttpStatus.CONFLICT, "Kristiansund (1505) har allerede et aktivt innføringsprosjekt i bølge KI3.");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("1505").count()).isOne();
    }

    /**
     * Two registrations of one municipality at the same moment: the second waits for the municipality's row, locked
     * by the first, and once the first has committed it sees the first's project and is refused. The first is held
     * open until the second is seen waiting for the lock in PostgreSQL, so the test does not depend on timing.
     */
    @Test
    void aRegistrationThatWaitedForAnotherSeesItsProjectAndGives409() throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                projects.register(ProjectService.Registration.of("1505", "KI3"));
                registered.countDown();
                try {
                    assertThat(commit.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(registered.await(60, TimeUnit.SECONDS)).as("the first registration, not yet committed").isTrue();
            Future<ResponseEntity<Map<String, Object>>> second = pool.submit(() -> post("/api/projects",
                    "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI4\"}"));
            awaitASessionWaitingForALock();
            commit.countDown();
            first.get(60, TimeUnit.SECONDS);

            assertProblem(second.get(60, TimeUnit.SECONDS), HttpStatus.CONFLICT,
                    "Kristiansund (1505) har allerede et aktivt innføringsprosjekt i bølge KI3.");
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("1505").count()).isOne();
        assertThat(jdbc.queryForObject("select count(*) from implementation_project where municipality_number = '1505'",
                Integer.class)).isOne();
    }

    /**
     * Whatever writes to the database, it holds at most one open project (active or moved) per municipality, and any
     * number of closed ones beside it. Users never meet this refusal (the registration's lock answers 409 first); it
     * guards against any other way of writing.
     */
    @Test
    void theDatabaseRefusesASecondOpenProjectForAMunicipality() {
        post("/api/projects", "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI3\"}");
        long open = jdbc.queryForObject("select id from implementation_project where municipality_number = '1505'",
                Long.class);

        assertThatThrownBy(() -> ProjectRows.copy(jdbc, open, ProjectState.ACTIVE))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("ux_project_open_municipality");
        assertThatThrownBy(() -> ProjectRows.copy(jdbc, open, ProjectState.MOVED))
                .isInstanceOf(DuplicateKeyException.class);
        ProjectRows.copy(jdbc, open, ProjectState.WITHDRAWN);
        ProjectRows.copy(jdbc, open, ProjectState.COMPLETED);
        assertThat(jdbc.queryForList("select state from implementation_project where municipality_number = '1505'",
                String.class)).containsExactlyInAnyOrder("ACTIVE", "WITHDRAWN", "COMPLETED");
        assertThat(post("/api/projects", "{\"municipalityNumber\":\"1576\",\"waveCode\":\"KI3\"}").getStatusCode())
                .as("another municipality's open project").isEqualTo(HttpStatus.CREATED);
    }

    /** Polls PostgreSQL until a session of this database waits for a lock (at most a minute). */
    private void awaitASessionWaitingForALock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database() "
                + "and wait_event_type = 'Lock'", Integer.class) == 0) {
            assertThat(System.nanoTime()).as("a registration waiting for the municipality's lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aPassedSigningDeadlineGives422() {
        setClock(LocalDate.of(2027, 3, 1));
        assertProblem(post("/api/projects", "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI3\",\"startPhase\":\"PRE_PROJECT\"}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "Fristen for å signere tjenesteavtale for bølge KI3 var 28.02.2027 og er "
                        + "passert. Velg en senere bølge, eller registrer prosjektet i hovedprosjektet med signert tjenesteavtale.");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from implementation_project", Integer.class)).isZero();
    }

    @Test
    void malformedRequestsGive400WithTheReason() {
        assertProblem(post("/api/projects", "{\"municipalityNumber\":\"15\",\"waveCode\":\"KI3\"}"),
                HttpStatus.BAD_REQUEST, "municipalityNumber må ha fire sifre, for eksempel 1505");
        assertProblem(post("/api/projects", "{\"municipalityNumber\":\"1505\"}"), HttpStatus.BAD_REQUEST,
                "waveCode må fylles ut");
        ResponseEntity<Map<String, Object>> badPhase = post("/api/projects",
                "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI3\",\"startPhase\":\"SOMETIME\"}");
        assertThat(badPhase.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) badPhase.getBody().get("detail"))
                .isEqualTo("«startPhase» har en ukjent verdi «SOMETIME». Gyldige verdier: POLITICAL_DECISION, "
                        + "EARLY_START, PRE_PROJECT, SERVICE_AGREEMENT, MAIN_PROJECT, GO_LIVE, STABILIZATION.");
        assertProblem(post("/api/projects", "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI3\",\"startPhase\":\"EARLY_START\"}"),
                HttpStatus.BAD_REQUEST, "Et prosjekt kan ikke registreres i fasen «Tjuvstart»; bruk earlyStart sammen med en annen startfase.");
        // A date that does not exist, or is no date, names its field as a wrong type does.
        for (String date : List.of("2026-02-31", "nesten jul", "31.01.2026")) {
            assertProblem(post("/api/projects", "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI3\","
                    + "\"callOffAgreementSignedOn\":\"" + date + "\"}"), HttpStatus.BAD_REQUEST,
                    "«callOffAgreementSignedOn» må være en gyldig dato på formen ÅÅÅÅ-MM-DD.");
        }
        assertThat(jdbc.queryForObject("select count(*) from implementation_project", Integer.class)).isZero();
    }

    @Test
    void withdrawalBeforeTheDeadlineEndsTheProject() {
        String instance = (String) post("/api/projects", "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI3\"}")
                .getBody().get("processInstanceId");

        ResponseEntity<Map<String, Object>> withdrawn = post("/api/projects/1505/withdrawal",
                "{\"reason\":\"Kommunestyret har snudd\"}");

        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody()).containsEntry("state", "WITHDRAWN").containsEntry("closingReason",
                "Kommunestyret har snudd").containsEntry("currentPhase", null).containsEntry("openTasks", List.of());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        // A withdrawn municipality may register again later.
        assertThat(post("/api/projects", "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI4\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void withdrawalAfterTheDeadlineGives409AndChangesNothing() {
        post("/api/projects", "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI3\",\"startPhase\":\"SERVICE_AGREEMENT\"}");
        setClock(LocalDate.of(2027, 3, 1).atStartOfDay());

        assertProblem(post("/api/projects/1505/withdrawal", "{}"), HttpStatus.CONFLICT,
                "Fristen for å fratre gikk ut 28.02.2027 (fristen for tjenesteavtalen, 13 måneder før "
                        + "produksjonssetting). Kristiansund kan ikke lenger fratre.");
        assertThat(get("/api/projects/1505").getBody()).containsEntry("state", "ACTIVE")
                .containsEntry("withdrawalAllowedUntil", null);
    }

    @Test
    void withdrawingAClosedProjectGives409() {
        post("/api/projects", "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI3\"}");
        post("/api/projects/1505/withdrawal", null);
        assertProblem(post("/api/projects/1505/withdrawal", null), HttpStatus.CONFLICT,
                "Prosjektet til kommune 1505 er ikke aktivt (status «Fratrådt»); det er ingenting å fratre.");
    }

    @Test
    void everyApiNeedsALogin() {
        ResponseEntity<Map> anonymous = http.getForEntity("/api/waves", Map.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(anonymous.getBody()).containsEntry("detail",
                "Innlogging kreves: oppgi brukernavn og passord (HTTP Basic).");
        assertThat(http.withBasicAuth("nobody", "wrong").getForEntity("/api/waves", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/api/projects", Map.of("municipalityNumber", "1505", "waveCode", "KI3"),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("nobody", "wrong").getForEntity("/engine-rest/process-definition", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> definition = admin().getForEntity(
                "/engine-rest/process-definition/key/municipal-implementation", String.class);
        assertThat(definition.getStatusCode()).as(definition.toString()).isEqualTo(HttpStatus.OK);
        assertThat(definition.getBody()).contains("\"key\":\"municipal-implementation\"");
    }

    @Test
    void contactAddressesAreCheckedWhenEntered() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> refused = admin().exchange("/api/municipalities/1505/contacts", HttpMethod.PUT,
                new HttpEntity<>("{\"projectLeaderEmail\":\"kari.nordmann(at)kristiansund\","
                        + "\"chiefExecutiveEmail\":\"direktor@kristiansund.kommune.no\"}", headers), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("detail", "projectLeaderEmail er ikke en gyldig e-postadresse");
        assertThat(municipalities.find("1505").orElseThrow().getChiefExecutiveEmail())
                .isEqualTo("kommunedirektor@k1505.example");

        ResponseEntity<Map> saved = admin().exchange("/api/municipalities/1505/contacts", HttpMethod.PUT,
                new HttpEntity<>("{\"projectLeaderEmail\":\"kari.nordmann@kristiansund.kommune.no\","
                        + "\"chiefExecutiveEmail\":\"direktor@kristiansund.kommune.no\"}", headers), Map.class);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(municipalities.find("1505").orElseThrow().getProjectLeaderEmail())
                .isEqualTo("kari.nordmann@kristiansund.kommune.no");
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", status.value()).containsEntry("detail", detail);
    }
}
