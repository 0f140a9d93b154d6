package no.innforing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Two app instances on one PostgreSQL database (Camunda's own clustering): what one node starts, the other
 * reads and moves on. The app keeps no state of its own outside the database.
 */
class ClusterTests extends IntegrationTest {

    @Autowired
    TestRestTemplate nodeA;

    private ConfigurableApplicationContext secondNode;
    private TestRestTemplate nodeB;

    @BeforeEach
    void startSecondNode() {
        secondNode = new SpringApplicationBuilder(InnforingApplication.class).profiles("postgres").run(
                "--spring.datasource.url=" + PostgresTestDatabase.url(),
                "--spring.datasource.username=" + PostgresTestDatabase.username(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--innforing.demo.enabled=false",
                "--innforing.notifications.delivery.enabled=false",
                // its own engine name, so that closing it leaves the first node's engine registered in this JVM
                "--camunda.bpm.process-engine-name=nodeb",
                "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);
        int port = ((ServletWebServerApplicationContext) secondNode).getWebServer().getPort();
        nodeB = new TestRestTemplate().withBasicAuth("admin", ADMIN_PASSWORD);
        nodeB.setUriTemplateHandler(new org.springframework.web.util.DefaultUriBuilderFactory("http://localhost:" + port));
    }

    @AfterEach
    void stopSecondNode() {
        secondNode.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProjectStartedOnOneNodeIsWorkedOnTheOther() {
        ResponseEntity<Map> created = nodeA.withBasicAuth("admin", ADMIN_PASSWORD).postForEntity("/api/projects",
                Map.of("municipalityNumber", "1505", "waveCode", "KI3"), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Map<String, Object> seenByB = nodeB.getForObject("/api/projects/1505", Map.class);
        assertThat(seenByB).containsEntry("processInstanceId", created.getBody().get("processInstanceId"));
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) seenByB.get("openTasks");
        String taskId = (String) tasks.get(0).get("id");

        ResponseEntity<String> completed = nodeB.postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("councilDecision", Map.of("value", "JOIN"))), String.class);
        assertThat(completed.getStatusCode()).as(completed.toString()).isEqualTo(HttpStatus.NO_CONTENT);

        Map<String, Object> seenByA = nodeA.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/api/projects/1505",
                Map.class);
        assertThat((List<Map<String, Object>>) seenByA.get("openTasks")).singleElement()
                .satisfies(task -> assertThat(task).containsEntry("name", "Signer avropsavtale"));
    }

    /**
     * The same task completed on both nodes at the same moment, for three municipalities: each time one node
     * answers 204, the other 409 with the Norwegian "someone else got there first", and the task is done once.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSameTaskCompletedOnBothNodesAtOnceIsDoneOnceAndTheLoserGets409() {
        TestRestTemplate adminA = nodeA.withBasicAuth("admin", ADMIN_PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String municipality : List.of("1505", "1576", "5001")) {
                ResponseEntity<Map> created = adminA.postForEntity("/api/projects",
                        Map.of("municipalityNumber", municipality, "waveCode", "KI3"), Map.class);
                assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                String taskId = (String) ((List<Map<String, Object>>) created.getBody().get("openTasks")).get(0)
                        .get("id");
                Map<String, Object> join = Map.of("variables", Map.of("councilDecision", Map.of("value", "JOIN")));
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<ResponseEntity<String>>> calls = new ArrayList<>();
                for (TestRestTemplate node : List.of(adminA, nodeB)) {
                    calls.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return node.postForEntity("/engine-rest/task/" + taskId + "/complete", join, String.class);
                    }, pool));
                }
                start.countDown();
                List<ResponseEntity<String>> answers = calls.stream().map(CompletableFuture::join).toList();

                assertThat(answers).as(municipality).extracting(ResponseEntity::getStatusCode)
                        .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
                assertThat(answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CONFLICT).findFirst()
                        .orElseThrow().getBody()).contains("ingenting er gjort to ganger");
                Map<String, Object> project = adminA.getForObject("/api/projects/" + municipality, Map.class);
                assertThat((List<Map<String, Object>>) project.get("openTasks")).as(municipality).singleElement()
                        .satisfies(task -> assertThat(task).containsEntry("name", "Signer avropsavtale"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
