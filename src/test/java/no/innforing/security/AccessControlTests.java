package no.innforing.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Over HTTP against the running application: a project leader of Kristiansund (1505) sees and works only
 * Kristiansund, in the app's API and in the engine REST API that Tasklist uses; RAG sees everyone.
 */
class AccessControlTests extends TwoMunicipalitiesTest {

    @Test
    void aProjectLeaderCannotSeeOrChangeAnotherMunicipality() {
        ResponseEntity<Map> project = as("pl-1505").getForEntity("/api/projects/1576", Map.class);
        assertThat(project.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(project.getBody()).containsEntry("detail",
                "Du har ikke tilgang til kommune 1576. En prosjektleder ser bare sin egen kommune; RAG ser alle.");

        ResponseEntity<Map> withdrawal = as("pl-1505").postForEntity("/api/projects/1576/withdrawal",
                Map.of("reason", "Forsøk"), Map.class);
        assertThat(withdrawal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(projects.currentProject("1576").getState()).isEqualTo(ProjectState.ACTIVE);

        assertThat(as("pl-1505").getForObject("/engine-rest/task?processInstanceBusinessKey=1576", List.class))
                .isEmpty();
        assertThat(as("pl-1505").getForObject("/engine-rest/history/process-instance?processInstanceBusinessKey=1576",
                List.class)).isEmpty();
        assertThat(as("pl-1505").getForObject("/engine-rest/process-instance", List.class))
                .extracting(instance -> ((Map<?, ?>) instance).get("businessKey")).containsExactly("1505");

        String aureTask = taskOf(aure);
        ResponseEntity<String> completed = as("pl-1505").postForEntity("/engine-rest/task/" + aureTask + "/complete",
                Map.of("variables", Map.of("councilDecision", Map.of("value", "JOIN"))), String.class);
        assertThat(completed.getStatusCode().is2xxSuccessful()).as(completed.toString()).isFalse();
        assertThat(taskService.createTaskQuery().taskId(aureTask).count()).isOne();

        ResponseEntity<Map> register = as("pl-1505").postForEntity("/api/projects",
                Map.of("municipalityNumber", "5001", "waveCode", "KI4"), Map.class);
        assertThat(register.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(register.getBody()).containsEntry("detail",
                "Bare RAG og administratorer kan registrere innføringsprosjekter.");
    }

    @Test
    void aProjectLeaderSeesAndWorksTheirOwnMunicipality() {
        ResponseEntity<Map> project = as("pl-1505").getForEntity("/api/projects/1505", Map.class);
        assertThat(project.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(project.getBody()).containsEntry("municipalityName", "Kristiansund");

        List<Map<String, Object>> tasks = as("pl-1505").getForObject(
                "/engine-rest/task?processInstanceBusinessKey=1505", List.class);
        assertThat(tasks).singleElement().satisfies(task -> assertThat(task)
                .containsEntry("name", "Signer tjenesteavtale eller fratre").containsEntry("tenantId", "1505"));

        ResponseEntity<String> completed = as("pl-1505").postForEntity(
                "/engine-rest/task/" + tasks.get(0).get("id") + "/complete",
                Map.of("variables", Map.of("serviceAgreementDecision", Map.of("value", "SIGN"),
                        "serviceAgreementSignedOn", Map.of("value", "2026-03-01"))), String.class);
        assertThat(completed.getStatusCode()).as(completed.toString()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(projects.currentProject("1505").getServiceAgreementSignedOn()).isEqualTo(LocalDate.of(2026, 3, 1));

        ResponseEntity<Map> withdrawal = as("pl-1576").postForEntity("/api/projects/1576/withdrawal",
                Map.of("reason", "Vi venter"), Map.class);
        assertThat(withdrawal.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawal.getBody()).containsEntry("state", "WITHDRAWN");
    }

    @Test
    void ragSeesEveryMunicipalityAndWorksRagDecisions() {
        assertThat(as("ragmedlem").getForEntity("/api/projects/1505", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("ragmedlem").getForEntity("/api/projects/1576", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("ragmedlem").getForObject("/engine-rest/task?processInstanceBusinessKey=1576", List.class))
                .hasSize(1);
        assertThat(as("ragmedlem").getForObject("/engine-rest/process-instance", List.class)).hasSize(2);

        // Kristiansund misses its deadline: the decision is RAG's, not the project leader's.
        setClock(LocalDate.of(2027, 3, 1));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(kristiansund)
                .activityId(ProjectProcess.TIMER_SERVICE_AGREEMENT_DUE).singleResult().getId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(kristiansund)
                .activityId(ProjectProcess.SERVICE_TASK_NOTIFY_RAG_DEADLINE_MISSED).singleResult().getId());
        String decision = taskOf(kristiansund);
        assertThat(as("pl-1505").getForObject("/engine-rest/task?processInstanceBusinessKey=1505", List.class))
                .isEmpty();
        ResponseEntity<String> byProjectLeader = as("pl-1505").postForEntity(
                "/engine-rest/task/" + decision + "/complete", Map.of(), String.class);
        assertThat(byProjectLeader.getStatusCode().is2xxSuccessful()).isFalse();

        ResponseEntity<String> byRag = as("ragmedlem").postForEntity("/engine-rest/task/" + decision + "/complete",
                Map.of("variables", Map.of("missedDeadlineDecision", Map.of("value", "END"),
                        "decisionReason", Map.of("value", "Ingen svar fra kommunen"))), String.class);
        assertThat(byRag.getStatusCode()).as(byRag.toString()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(projects.currentProject("1505").getState()).isEqualTo(ProjectState.ENDED);
    }

    @Test
    void tasklistHasReadyFiltersThatRespectTheMunicipality() {
        List<Map<String, Object>> filters = as("pl-1505").getForObject("/engine-rest/filter", List.class);
        assertThat(filters).extracting(f -> f.get("name")).contains(AccessSetup.FILTER_MY_MUNICIPALITY,
                AccessSetup.FILTER_OVERDUE, AccessSetup.FILTER_RAG_DECISIONS);
        String mine = filters.stream().filter(f -> f.get("name").equals(AccessSetup.FILTER_MY_MUNICIPALITY))
                .map(f -> (String) f.get("id")).findFirst().orElseThrow();
        assertThat(as("pl-1505").getForObject("/engine-rest/filter/" + mine + "/list", List.class))
                .extracting(t -> ((Map<?, ?>) t).get("tenantId")).containsExactly("1505");

        String overdue = filters.stream().filter(f -> f.get("name").equals(AccessSetup.FILTER_OVERDUE))
                .map(f -> (String) f.get("id")).findFirst().orElseThrow();
        setClock(LocalDate.of(2026, 7, 15));
        // Aure's political decision was due 30 June; Kristiansund's signing is due next February.
        assertThat(as("ragmedlem").getForObject("/engine-rest/filter/" + overdue + "/list", List.class))
                .extracting(t -> ((Map<?, ?>) t).get("name")).containsExactly("Registrer politisk vedtak");
        assertThat(as("pl-1505").getForObject("/engine-rest/filter/" + overdue + "/list", List.class)).isEmpty();
    }
}
