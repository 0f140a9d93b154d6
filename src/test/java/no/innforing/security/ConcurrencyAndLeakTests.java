package no.innforing.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectState;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Found by probing the running app (issue 12): the loser of a race gets 409 with a Norwegian detail and nothing is
 * done twice; another municipality's task answers 404 as a missing one does; region-wide engine reports are for RAG
 * only; a serialized Java object is refused with 400. Each request is made exactly as a project leader would.
 */
class ConcurrencyAndLeakTests extends TwoMunicipalitiesTest {

    @Autowired
    HistoryService historyService;

    /** Runs both calls at the same moment and returns their answers. */
    private static List<ResponseEntity<String>> atOnce(Supplier<ResponseEntity<String>> first,
            Supplier<ResponseEntity<String>> second) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<ResponseEntity<String>>> calls = new ArrayList<>();
            for (Supplier<ResponseEntity<String>> call : List.of(first, second)) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return call.get();
                }, pool));
            }
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private ResponseEntity<String> signServiceAgreement(String taskId) {
        return as("pl-1505").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("serviceAgreementDecision", Map.of("value", "SIGN"),
                        "serviceAgreementSignedOn", Map.of("value", "2026-03-01"))), String.class);
    }

    @Test
    void theSameTaskCompletedTwiceAtOnceIsDoneOnceAndTheLoserGets409() {
        String task = taskOf(kristiansund);
        List<ResponseEntity<String>> answers = atOnce(() -> signServiceAgreement(task),
                () -> signServiceAgreement(task));

        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
        ResponseEntity<String> loser = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CONFLICT)
                .findFirst().orElseThrow();
        assertThat(loser.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(loser.getBody()).contains("Last").contains("ingenting er gjort to ganger")
                .doesNotContain("Exception\"", "org.camunda");
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(kristiansund)
                .taskDefinitionKey(ProjectProcess.TASK_SIGN_SERVICE_AGREEMENT).finished().count()).isEqualTo(1);
        assertThat(projects.currentProject("1505").isServiceAgreementSigned()).isTrue();

        ResponseEntity<String> again = signServiceAgreement(task);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("Oppgaven er allerede fullført");

        // the same late click in Tasklist, which sends it to the webapps' own engine API: the same answer
        var tasklist = new no.innforing.TasklistHttpSession(http.getRootUri(), "pl-1505", "pl-1505-passord")
                .post("/camunda/api/engine/engine/default/task/" + task + "/submit-form", "{\"variables\":{}}");
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(409);
        assertThat(tasklist.body()).contains("Oppgaven er allerede fullført").doesNotContain("org.camunda");
    }

    @Test
    void twoWithdrawalsAtOnceWithdrawOnceAndTheLoserGets409() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        Supplier<ResponseEntity<String>> withdraw = () -> as("pl-1576").postForEntity(
                "/api/projects/1576/withdrawal", new HttpEntity<>("{\"reason\":\"Vi venter\"}", json), String.class);

        List<ResponseEntity<String>> answers = atOnce(withdraw, withdraw);

        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        ResponseEntity<String> loser = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CONFLICT)
                .findFirst().orElseThrow();
        assertThat(loser.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(projects.currentProject("1576").getState()).isEqualTo(ProjectState.WITHDRAWN);
        assertThat(projects.history(projects.currentProject("1576")))
                .filteredOn(a -> a.getAction().equals("WITHDRAWN")).hasSize(1);
    }

    @Test
    void anotherMunicipalitysTaskAnswersAsAMissingOneDoes() {
        String aureTask = taskOf(aure);
        ResponseEntity<String> foreign = as("pl-1505").getForEntity("/engine-rest/task/" + aureTask, String.class);
        ResponseEntity<String> missing = as("pl-1505").getForEntity("/engine-rest/task/no-such-task", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getBody()).doesNotContain("1576", "Aure");
        ResponseEntity<String> foreignInstance = as("pl-1505").getForEntity("/engine-rest/process-instance/" + aure,
                String.class);
        ResponseEntity<String> missingInstance = as("pl-1505").getForEntity("/engine-rest/process-instance/nothing",
                String.class);
        assertThat(missingInstance.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreignInstance.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreignInstance.getBody()).doesNotContain("1576", "Aure");

        ResponseEntity<String> completeForeign = as("pl-1505").postForEntity("/engine-rest/task/" + aureTask
                + "/complete", Map.of(), String.class);
        assertThat(completeForeign.getStatusCode().is4xxClientError()).as(completeForeign.toString()).isTrue();
        assertThat(taskService.createTaskQuery().taskId(aureTask).count()).isEqualTo(1);
    }

    @Test
    void regionWideEngineReportsAreForRagOnly() {
        String definition = historyService.createHistoricProcessInstanceQuery().processInstanceId(kristiansund)
                .singleResult().getProcessDefinitionId();
        for (String path : List.of("/engine-rest/history/process-definition/" + definition + "/statistics",
                "/engine-rest/history/process-definition/cleanable-process-instance-report",
                "/engine-rest/history/process-definition/cleanable-process-instance-report/count")) {
            ResponseEntity<String> leader = as("pl-1505").getForEntity(path, String.class);
            assertThat(leader.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(leader.getBody()).contains("bare for RAG");
            assertThat(as("ragmedlem").getForEntity(path, String.class).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void aSerializedJavaObjectIsRefusedWith400() {
        String task = taskOf(kristiansund);
        ResponseEntity<String> answer = as("pl-1505").exchange("/engine-rest/task/" + task + "/variables/evil",
                HttpMethod.PUT, new HttpEntity<>(Map.of("value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==",
                        "type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
                                "serializationDataFormat", "application/x-java-serialized-object"))), String.class);
        assertThat(answer.getStatusCode()).as(answer.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("serialiserte Java-objekter");
        assertThat(taskService.getVariable(task, "evil")).isNull();
    }

    @Test
    void aProjectLeaderCannotRerouteLaterTasksByOverwritingAVariable() {
        String task = taskOf(kristiansund);
        ResponseEntity<String> overwrite = as("pl-1505").exchange("/engine-rest/task/" + task
                + "/variables/projectLeaderGroup", HttpMethod.PUT,
                new HttpEntity<>(Map.of("value", "rag", "type", "String")), String.class);
        assertThat(overwrite.getStatusCode().is2xxSuccessful()).as(overwrite.toString()).isTrue();

        assertThat(signServiceAgreement(task).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        managementService.createJobQuery().processInstanceId(kristiansund)
                .activityId(ProjectProcess.TIMER_MAIN_PROJECT_START).list()
                .forEach(job -> managementService.executeJob(job.getId()));
        managementService.createJobQuery().processInstanceId(kristiansund)
                .activityId(ProjectProcess.SERVICE_TASK_NOTIFY_PHASE_STARTED_MAIN_PROJECT).list()
                .forEach(job -> managementService.executeJob(job.getId()));

        var next = taskService.createTaskQuery().processInstanceId(kristiansund).list();
        assertThat(next).isNotEmpty();
        for (var later : next) {
            assertThat(taskService.getIdentityLinksForTask(later.getId())).extracting(l -> l.getGroupId())
                    .as(later.getName()).contains("municipality-1505").doesNotContain(MunicipalityAccess.RAG_GROUP);
        }
        assertThat(as("ragmedlem").getForObject("/engine-rest/task?processInstanceBusinessKey=1505&candidateGroup=rag",
                List.class)).isEmpty();
    }
}
