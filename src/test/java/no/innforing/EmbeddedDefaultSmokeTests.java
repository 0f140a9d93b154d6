package no.innforing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectQueries;
import no.innforing.project.ProjectRows;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectState;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The embedded default as {@code ./mvnw spring-boot:run} starts it (H2, demo data, demo users), with an in-memory
 * database instead of the file under ./data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:smoke;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        // Engines register by name in one static registry per JVM, which the engine REST API reads: only the
        // PostgreSQL test context is "default".
        "camunda.bpm.process-engine-name=smoke"})
class EmbeddedDefaultSmokeTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProjectService projects;
    @Autowired
    ProjectQueries queries;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ApplicationContext context;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void demoDataHasAProjectInEveryPhase() {
        Set<ProjectPhase> phases = projects.all().stream().filter(p -> p.getState().isOpen())
                .map(p -> queries.currentPhase(p.getProcessInstanceId())).collect(Collectors.toSet());
        assertThat(phases).isEqualTo(EnumSet.allOf(ProjectPhase.class));
        assertThat(projects.all()).extracting(p -> p.getState()).contains(ProjectState.WITHDRAWN);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("municipal-implementation").count())
                .isEqualTo(projects.all().stream().filter(p -> p.getState().isOpen()).count());
    }

    /**
     * H2 has no partial indexes, so its twin of the migration that allows one open project per municipality uses a
     * generated column: the same refusal as on PostgreSQL ({@code ProjectApiTests}), and a closed project beside the
     * open one is still allowed (written in a transaction that is rolled back, to leave the demo data as it is).
     */
    @Test
    void theDatabaseRefusesASecondOpenProjectForAMunicipality() {
        long open = projects.all().stream().filter(p -> p.getState().isOpen()).findFirst().orElseThrow().getId();

        assertThatThrownBy(() -> ProjectRows.copy(jdbc, open, ProjectState.MOVED))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("UX_PROJECT_OPEN_MUNICIPALITY");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            ProjectRows.copy(jdbc, open, ProjectState.WITHDRAWN);
            tx.setRollbackOnly();
        });
    }

    /**
     * Runs after every start-up runner of the app (lowest precedence) and notes what a load balancer would have
     * seen at that moment: readiness must still refuse traffic while the start-up work runs.
     */
    @TestConfiguration
    static class ReadinessWhileStarting {
        static volatile ReadinessState lastRunnerSaw;
        static volatile boolean demoUsersExistedThen;

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ApplicationRunner noteReadiness(ApplicationAvailability availability, IdentityService identity) {
            return args -> {
                if (lastRunnerSaw != null) {
                    return;   // a re-run of the runners (aRestartLeavesTheDemoDataAsItIs) is not the start-up
                }
                lastRunnerSaw = availability.getReadinessState();
                demoUsersExistedThen = identity.createUserQuery().userId("pl-1505").count() == 1;
            };
        }
    }

    @Test
    void readyOnlyOnceTheStartUpWorkIsDoneAndTheDemoUsersCanLogIn() {
        assertThat(ReadinessWhileStarting.lastRunnerSaw).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(ReadinessWhileStarting.demoUsersExistedThen).isTrue();

        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).contains("\"status\":\"UP\"");
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("pl-1505", "pl-1505").getForEntity("/api/projects/1505", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/municipalities", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // only the probes are public; the rest of actuator needs a login
        // (the login page, after the redirect to it)
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).doesNotContain("\"status\"");
        assertThat(http.withBasicAuth("pl-1505", "pl-1505").getForEntity("/actuator/health", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void demoUsersCanLogIn() {
        assertThat(identityService.checkPassword("demo", "demo")).isTrue();
        assertThat(identityService.checkPassword("rag", "rag")).isTrue();
        assertThat(identityService.checkPassword("pl-1505", "pl-1505")).isTrue();
        assertThat(identityService.createUserQuery().memberOfGroup("municipality-1505").list())
                .extracting(u -> u.getId()).containsExactly("pl-1505");

        ResponseEntity<String> project = http.withBasicAuth("demo", "demo").getForEntity("/api/projects/5001",
                String.class);
        assertThat(project.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(project.getBody()).contains("\"municipalityName\":\"Trondheim\"").contains("\"waveCode\":\"PD1\"");
    }

    @Test
    void theCamundaWebappsAreServedAtTheirDefaultPath() throws Exception {
        var client = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        var start = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/"))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(start.statusCode()).isBetween(300, 399);
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/camunda/app/");
        // This test's engine is called "smoke" (see above); in the application it is "default".
        // One login: without a session the webapps send the browser to the app's login page.
        var anonymous = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(http.getRootUri() + "/camunda/app/tasklist/smoke/")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        ResponseEntity<String> tasklist = http.withBasicAuth("demo", "demo")
                .getForEntity("/camunda/app/tasklist/smoke/", String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getBody()).contains("Tasklist");
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/camunda/app/welcome/scripts/config.js",
                String.class).getBody()).contains("href: '/overview'");
    }

    @Test
    void withoutAnSmtpServerNotificationsAreRecordedAsNotDeliveredAndCanBeRead() {
        // Sula (1531) withdrew in the demo data: RAG's notice is queued, and the app's senders take it at once.
        Map<String, Object> withdrawn = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> log = http.withBasicAuth("rag", "rag")
                    .getForObject("/api/notifications?municipality=1531", List.class);
            return log.stream().filter(e -> e.get("type").equals("RAG_WITHDRAWN")).findFirst().orElseThrow();
        }, entry -> !"PENDING".equals(entry.get("status")));
        assertThat(withdrawn).containsEntry("status", "NOT_DELIVERED").containsEntry("subject",
                "RAG: Sula har fratrådt");
        Map<String, Object> content = http.withBasicAuth("rag", "rag")
                .getForObject("/api/notifications/" + withdrawn.get("id"), Map.class);
        assertThat((String) content.get("html")).contains("Sula");
        assertThat((String) content.get("text")).contains("Kommunestyret prioriterer andre tiltak");
    }

    @Test
    void aRestartLeavesTheDemoDataAsItIs() throws Exception {
        long before = projects.all().size();
        for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
            ApplicationArguments none = new DefaultApplicationArguments();
            runner.run(none);
        }
        assertThat(projects.all().size()).isEqualTo(before);
    }
}
