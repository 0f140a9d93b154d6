package no.innforing.project;

import static no.innforing.project.ProjectProcess.TASK_REGISTER_POLITICAL_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectService.Registration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The server's check of dates submitted through Camunda Forms: Aure's political decision is completed with its
 * Vedtaksdato through the engine REST API (as Tasklist does) and through Java; an impossible, unreadable or
 * implausible date is refused with a Norwegian message naming the field, and nothing is stored.
 */
class FormDateTests extends IntegrationTest {

    @Autowired
    ProjectService projects;
    @Autowired
    TaskService taskService;
    @Autowired
    TestRestTemplate http;

    String aure;

    @BeforeEach
    void aureAtItsPoliticalDecision() {
        aure = projects.register(Registration.of("1576", "KI3")).getProcessInstanceId();
        assertThat(task().getTaskDefinitionKey()).isEqualTo(TASK_REGISTER_POLITICAL_DECISION);
    }

    @Test
    void theFormsDateFieldsAreKnownWithTheirLabels() {
        assertThat(new FormDateFields().ofForm("form-register-political-decision"))
                .containsExactly(new FormDateFields.DateField("politicalDecisionDate", "Vedtaksdato"));
    }

    @Test
    void anImpossibleDateSubmittedAsTasklistDoesIsRefusedInNorwegianAndNothingIsStored() {
        ResponseEntity<Map> answer = submit("2027-02-31");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("message")).isEqualTo(
                "Feltet «Vedtaksdato»: datoen 31.02.2027 finnes ikke. Skriv datoen som dd.mm.åååå, for eksempel "
                        + "01.11.2026.");
        assertThat(task().getTaskDefinitionKey()).isEqualTo(TASK_REGISTER_POLITICAL_DECISION);
        assertThat(runtimeService.getVariable(aure, "politicalDecisionDate")).isNull();
    }

    @Test
    void anUnreadableOrImplausibleDateIsRefusedAndNothingIsStored() {
        assertThat(submit("01.11.2026").getBody().get("message")).isEqualTo(
                "Feltet «Vedtaksdato» har en dato som ikke kan leses: «01.11.2026». Skriv datoen som dd.mm.åååå, "
                        + "for eksempel 01.11.2026.");
        ResponseEntity<Map> year = submit("0206-11-01");
        assertThat(year.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(year.getBody().get("message")).isEqualTo("Feltet «Vedtaksdato»: datoen 01.11.0206 er utenfor det "
                + "som er mulig her. Datoen må være mellom 01.01.2000 og 31.12.2099.");
        assertThat(runtimeService.getVariable(aure, "politicalDecisionDate")).isNull();
    }

    @Test
    void theEngineRefusesTheSameDatesFromAnyCaller() {
        String id = task().getId();
        assertThatThrownBy(() -> taskService.complete(id, Map.of("councilDecision", "JOIN",
                "politicalDecisionDate", "2027-02-31", "politicalDecisionCaseReference", "2026/17")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Feltet «Vedtaksdato»: datoen 31.02.2027 finnes ikke.");
        assertThat(task().getTaskDefinitionKey()).isEqualTo(TASK_REGISTER_POLITICAL_DECISION);
        assertThat(runtimeService.getVariable(aure, "politicalDecisionDate")).isNull();
    }

    @Test
    void aRealDateIsStored() {
        assertThat(submit("2026-11-01").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtimeService.getVariable(aure, "politicalDecisionDate")).isEqualTo("2026-11-01");
        assertThat(taskService.createTaskQuery().processInstanceId(aure)
                .taskDefinitionKey(TASK_REGISTER_POLITICAL_DECISION).count()).isZero();
    }

    @Test
    void aTypedDateInTheRestApisOwnFormatIsLeftToTheEngine() {
        Map<String, Object> variables = Map.of(
                "councilDecision", Map.of("value", "JOIN"),
                "politicalDecisionDate", Map.of("value", "2026-11-01T00:00:00.000+0100", "type", "Date"),
                "politicalDecisionCaseReference", Map.of("value", "2026/17"));
        ResponseEntity<Map> answer = http.withBasicAuth("admin", ADMIN_PASSWORD).postForEntity(
                "/engine-rest/task/" + task().getId() + "/complete", Map.of("variables", variables), Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtimeService.getVariable(aure, "politicalDecisionDate")).isInstanceOf(java.util.Date.class);
    }

    /**
     * Tasklist sets a follow-up or due date by sending back the whole task it has read, including the read-only
     * {@code camundaFormRef}; engine REST 7.24 cannot read that property back (operaton#3659), so every task with a
     * Camunda Form was refused with 400.
     */
    @Test
    void aFollowUpDateCanBeSetOnATaskWithACamundaFormAsTasklistSendsIt() {
        TestRestTemplate admin = http.withBasicAuth("admin", ADMIN_PASSWORD);
        String id = task().getId();
        @SuppressWarnings("unchecked")
        Map<String, Object> read = admin.getForObject("/engine-rest/task/" + id, Map.class);
        assertThat(read.get("camundaFormRef")).isNotNull();
        Map<String, Object> update = new java.util.HashMap<>(read);
        update.put("followUp", "2026-12-01T09:30:00.000+0100");

        ResponseEntity<String> answer = admin.exchange("/engine-rest/task/" + id, org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(update), String.class);

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(task().getFollowUpDate().toInstant()).isEqualTo(java.time.Instant.parse("2026-12-01T08:30:00Z"));
        assertThat(task().getTenantId()).isEqualTo(read.get("tenantId"));
    }

    private ResponseEntity<Map> submit(String date) {
        Map<String, Object> variables = Map.of(
                "councilDecision", Map.of("value", "JOIN"),
                "politicalDecisionDate", Map.of("value", date),
                "politicalDecisionCaseReference", Map.of("value", "2026/17"));
        return http.withBasicAuth("admin", ADMIN_PASSWORD).postForEntity(
                "/engine-rest/task/" + task().getId() + "/submit-form", Map.of("variables", variables), Map.class);
    }

    private org.camunda.bpm.engine.task.Task task() {
        return taskService.createTaskQuery().processInstanceId(aure).singleResult();
    }
}
