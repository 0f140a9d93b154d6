package no.innforing.wave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Re-planning that respects what has happened (issue 13): a milestone a member has reached keeps its date, a move
 * that would rewrite one or put the next milestone in the past is refused with the members and milestones named and
 * nothing changed; every move needs a reason; the preview shows exactly what the move then does.
 */
class WavePlanningTests extends MoveApiTest {


    // ------------------------------------------------------------------------------------ reached: pre-project

    @Test
    void aMemberInItsPreProjectKeepsItsStartAndTasksWhileWhatLiesAheadMoves() {
        ImplementationProject kristiansund = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.PRE_PROJECT, null, null));
        runPhaseNotices(kristiansund);
        Map<String, java.util.Date> tasksBefore = tasks(kristiansund);

        ResponseEntity<Map> moved = put("/api/waves/KI3",
                "{\"goLiveDate\":\"2028-09-29\",\"reason\":\"Plattformen er forsinket\"}");

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> schedule = schedule("1505");
        assertThat(schedule).containsEntry("preProjectStart", "2026-08-31")      // reached: KI3's old date stays
                .containsEntry("serviceAgreementDue", "2027-08-29").containsEntry("mainProjectStart", "2027-09-29")
                .containsEntry("goLive", "2028-09-29");
        assertThat(tasks(kristiansund)).isEqualTo(tasksBefore);                  // pre-project tasks keep their dates
        assertThat(timerDue(kristiansund, ProjectProcess.TIMER_SERVICE_AGREEMENT_DUE_IN_PRE_PROJECT))
                .isEqualTo(startOf(LocalDate.of(2027, 8, 30)));
    }

    @Test
    void anEarlyStartKeepsTheDayItsPreProjectActuallyBeganWhenTheWaveMoves() {
        ImplementationProject kristiansund = projects.register(new Registration("1505", "KI3", true, null, null, null));
        String instance = kristiansund.getProcessInstanceId();
        complete(instance, ProjectProcess.TASK_REGISTER_POLITICAL_DECISION, Map.of("councilDecision", "JOIN"));
        complete(instance, ProjectProcess.TASK_SIGN_CALL_OFF_AGREEMENT,
                Map.of(ProjectProcess.VAR_CALL_OFF_SIGNED_ON, "2026-03-02"));
        setClock(LocalDate.of(2026, 4, 15));
        complete(instance, ProjectProcess.TASK_PLAN_EARLY_START, Map.of("earlyStartActivities", "Modenhetsanalyse"));
        runPhaseNotices(kristiansund);

        ResponseEntity<Map> moved = put("/api/waves/KI3",
                "{\"goLiveDate\":\"2028-09-29\",\"reason\":\"Plattformen er forsinket\"}");

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        // the pre-project began on 15 April 2026 (planned for 31 August): that is the fact, not the planned day
        assertThat(schedule("1505")).containsEntry("preProjectStart", "2026-04-15")
                .containsEntry("goLive", "2028-09-29");
    }

    private void complete(String instance, String taskKey, Map<String, Object> variables) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
                .singleResult().getId(), variables);
    }

    @Test
    void aMoveThatPutsAPreProjectMembersServiceAgreementDeadlineInThePastIsRefusedAndNothingChanges() {
        ImplementationProject kristiansund = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.PRE_PROJECT, null, null));
        runPhaseNotices(kristiansund);
        Map<String, Object> before = everything("1505", kristiansund);

        ResponseEntity<Map> refused = put("/api/waves/KI3", "{\"goLiveDate\":\"2027-03-15\",\"reason\":\"Raskere\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("detail").toString()).isEqualTo("Bølge KI3 kan ikke flyttes til 15.03.2027. "
                + "Kristiansund (1505): Frist for å signere tjenesteavtale – neste milepæl ville blitt 15.02.2026, som "
                + "er passert. Ingenting er endret.");
        assertThat(everything("1505", kristiansund)).isEqualTo(before);
    }

    // ----------------------------------------------------------------------------- reached: service agreement

    @Test
    void aSignedMemberWaitingForItsMainProjectCannotHaveTheMainProjectStartMovedIntoThePast() {
        ImplementationProject aure = projects.register(new Registration("1576", "KI3", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));
        Task signing = taskService.createTaskQuery().processInstanceId(aure.getProcessInstanceId()).singleResult();
        taskService.complete(signing.getId(), Map.of(ProjectProcess.VAR_SERVICE_AGREEMENT_DECISION, "SIGN",
                ProjectProcess.VAR_SERVICE_AGREEMENT_SIGNED_ON, "2026-03-01"));
        Map<String, Object> before = everything("1576", aure);

        // KI3 two months earlier is fine for the deadline (signed), but the main project would have started already
        ResponseEntity<Map> refused = put("/api/waves/KI3", "{\"goLiveDate\":\"2027-02-26\",\"reason\":\"Tidligere\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("detail").toString()).contains("Aure (1576): Oppstart hovedprosjekt – "
                + "neste milepæl ville blitt 26.02.2026, som er passert");
        assertThat(everything("1576", aure)).isEqualTo(before);

        // a later date moves the main project and everything after it; the signed agreement is a fact
        Map<String, Object> preview = post("/api/waves/KI3/preview", "{\"goLiveDate\":\"2028-06-30\"}").getBody();
        assertThat(milestone(preview, "1576", "service-agreement")).containsEntry("reached", true)
                .containsEntry("from", "2027-02-28").containsEntry("to", "2027-02-28");
        assertThat(milestone(preview, "1576", "main-project")).containsEntry("reached", false)
                .containsEntry("from", "2027-03-31").containsEntry("to", "2027-06-30");
    }

    // ----------------------------------------------------------------------------------- reached: main project

    @Test
    void postponingAWaveLengthensTheMainProjectOfAMemberInItAndKeepsItsStart() {
        setClock(LocalDate.of(2027, 5, 3));
        ImplementationProject aure = projects.register(new Registration("1576", "KI3", false,
                ProjectPhase.MAIN_PROJECT, null, LocalDate.of(2027, 2, 1)));
        runPhaseNotices(aure);
        Map<String, java.util.Date> tasksBefore = tasks(aure);

        ResponseEntity<Map> moved = put("/api/waves/KI3",
                "{\"goLiveDate\":\"2028-09-29\",\"reason\":\"Seks måneders utsettelse\"}");

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(schedule("1576")).containsEntry("mainProjectStart", "2027-03-31")
                .containsEntry("preProjectStart", "2026-08-31").containsEntry("goLive", "2028-09-29");
        // the training plan is due two months after the main project started: a fact, it stays
        assertThat(tasks(aure)).isEqualTo(tasksBefore);
        assertThat(tasks(aure).get(ProjectProcess.TASK_TRAINING_PLAN)).isEqualTo(endOf(LocalDate.of(2027, 5, 31)));

        Map<String, Object> before = everything("1576", aure);
        ResponseEntity<Map> refused = put("/api/waves/KI3", "{\"goLiveDate\":\"2027-05-02\",\"reason\":\"x\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);   // a go-live in the past: bad input
        refused = post("/api/projects/1576/wave", "{\"waveCode\":\"KI1\",\"reason\":\"Raskere\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(everything("1576", aure)).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------ reached: live

    @Test
    void aWaveWithAMemberThatHasGoneLiveCannotMoveNorCanTheMember() {
        setClock(LocalDate.of(2026, 6, 1));
        ImplementationProject trondheim = projects.register(new Registration("5001", "PD1", false,
                ProjectPhase.STABILIZATION, LocalDate.of(2024, 10, 1), LocalDate.of(2025, 3, 1)));
        runPhaseNotices(trondheim);
        Map<String, Object> before = everything("5001", trondheim);

        ResponseEntity<Map> refused = put("/api/waves/PD1",
                "{\"goLiveDate\":\"2028-11-01\",\"reason\":\"Flytt hele bølgen\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("detail").toString()).isEqualTo("Bølge PD1 kan ikke flyttes til "
                + "01.11.2028. Trondheim (5001): Produksjonssetting – gikk i produksjon 05.05.2026; den datoen kan ikke "
                + "flyttes til 01.11.2028. Ingenting er endret.");
        ResponseEntity<Map> alsoRefused = post("/api/projects/5001/wave",
                "{\"waveCode\":\"KI5\",\"reason\":\"Ny runde\"}");
        assertThat(alsoRefused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(alsoRefused.getBody().get("detail").toString()).contains("Trondheim (5001): Produksjonssetting – "
                + "gikk i produksjon 05.05.2026");
        assertThat(everything("5001", trondheim)).isEqualTo(before);
        assertThat(waves.require("PD1").getGoLiveDate()).isEqualTo(LocalDate.of(2026, 5, 5));

        Map<String, Object> preview = post("/api/waves/PD1/preview",
                "{\"goLiveDate\":\"2028-11-01\",\"reason\":\"Flytt hele bølgen\"}").getBody();
        assertThat(preview).containsEntry("allowed", false);
        assertThat((List<?>) preview.get("blockers")).hasSize(1);
        assertThat(everything("5001", trondheim)).isEqualTo(before);
    }

    // --------------------------------------------------------------------------------- reason and preview

    @Test
    void everyMoveNeedsAReasonAndTheHistoryShowsIt() {
        projects.register(new Registration("1505", "KI3", false, ProjectPhase.PRE_PROJECT, null, null));

        assertThat(post("/api/projects/1505/wave", "{\"waveCode\":\"KI4\"}").getBody())
                .containsEntry("detail", "reason må fylles ut: historikken skal vise hvorfor kommunen ble flyttet.");
        assertThat(put("/api/waves/KI3", "{\"goLiveDate\":\"2028-09-29\",\"reason\":\"  \"}").getBody())
                .containsEntry("detail", "reason må fylles ut: historikken skal vise hvorfor bølgen ble flyttet.");
        assertThat(projects.currentProject("1505").getWave().getCode()).isEqualTo("KI3");

        assertThat(post("/api/projects/1505/wave", "{\"waveCode\":\"KI5\",\"reason\":\"Ny kommunedirektør\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(projects.history(projects.currentProject("1505")).stream().map(a -> a.getDetail()).toList())
                .contains("Flyttet fra bølge KI3 til KI5: Ny kommunedirektør");
    }

    @Test
    void theWavePreviewChangesNothingAndShowsExactlyWhatTheMoveDoes() {
        ImplementationProject kristiansund = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.PRE_PROJECT, null, null));
        runPhaseNotices(kristiansund);
        ImplementationProject aure = projects.register(new Registration("1576", "KI3", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));
        Map<String, Object> before = everything("1505", kristiansund);
        String body = "{\"goLiveDate\":\"2028-09-29\",\"reason\":\"Plattformen er forsinket\"}";

        ResponseEntity<Map> preview = post("/api/waves/KI3/preview", body);

        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(everything("1505", kristiansund)).isEqualTo(before);
        assertThat(waves.require("KI3").getGoLiveDate()).isEqualTo(KI3_GO_LIVE);
        assertThat(projects.history(projects.currentProject("1505")).stream().map(a -> a.getAction()))
                .doesNotContain("WAVE_MOVED");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("schedule-change-notices").count())
                .as("no e-mail about a move that was only previewed").isZero();
        Map<String, Object> aurePlan = member(preview.getBody(), "1576");
        assertThat(aurePlan.get("tasks").toString()).contains("Signer tjenesteavtale eller fratre")
                .contains("2027-02-28T23:59").contains("2027-08-29T23:59");
        assertThat((List<?>) aurePlan.get("reminders")).isNotEmpty();
        assertThat((List<?>) aurePlan.get("timers")).isNotEmpty();

        ResponseEntity<Map> moved = put("/api/waves/KI3", body);

        assertThat(moved.getBody().get("move")).isEqualTo(preview.getBody());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("schedule-change-notices")
                .processInstanceBusinessKey("KI3").count()).as("the move's e-mails, queued by a job of their own")
                .isOne();
        // and what the move reported is what the engine has now
        Task signing = taskService.createTaskQuery().processInstanceId(aure.getProcessInstanceId()).singleResult();
        assertThat(signing.getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 8, 29)));
    }

    @Test
    void theMunicipalityPreviewShowsCapacityAndCostShareAndEqualsTheMove() {
        ImplementationProject kristiansund = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.PRE_PROJECT, null, null));
        runPhaseNotices(kristiansund);
        projects.register(new Registration("1576", "KI4", false, ProjectPhase.POLITICAL_DECISION, null, null));
        String body = "{\"waveCode\":\"KI4\",\"reason\":\"Trenger mer tid\"}";

        Map<String, Object> preview = post("/api/projects/1505/wave/preview", body).getBody();

        assertThat(projects.currentProject("1505").getWave().getCode()).isEqualTo("KI3");
        assertThat((Map<String, Object>) preview.get("capacity")).containsEntry("waveCode", "KI4")
                .containsEntry("municipalitiesBefore", 1).containsEntry("municipalitiesAfter", 2)
                .containsEntry("inhabitantsAfter", 27500);
        assertThat(preview.get("costShares").toString()).contains("waveCode=KI3, participantsBefore=1, "
                + "participantsAfter=0").contains("waveCode=KI4, participantsBefore=1, participantsAfter=2, "
                + "inhabitantsBefore=3500, inhabitantsAfter=27500, memberSharePercentAfter=87.27");

        Map<String, Object> moved = post("/api/projects/1505/wave", body).getBody();
        assertThat(moved.get("move")).isEqualTo(preview);
        assertThat(moved).containsEntry("waveCode", "KI4");
    }

    // ---------------------------------------------------------------------------------------------- capacity

    @Test
    void aMoveIntoAFullWaveIsRefusedUnlessRagOverridesItWithAReason() {
        ImplementationProject kristiansund = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.PRE_PROJECT, null, null));
        runPhaseNotices(kristiansund);
        projects.register(new Registration("1576", "KI4", false, ProjectPhase.POLITICAL_DECISION, null, null));
        assertThat(put("/api/waves/KI4/capacity", "{\"municipalities\":1}").getBody())
                .containsEntry("capacityMunicipalities", 1);
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/overview", String.class))
                .contains("Kapasitet: 1 av 1 kommuner");
        Map<String, Object> before = everything("1505", kristiansund);

        ResponseEntity<Map> refused = post("/api/projects/1505/wave", "{\"waveCode\":\"KI4\",\"reason\":\"Mer tid\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("detail").toString()).isEqualTo("Kommunen kan ikke flyttes til bølge KI4. "
                + "Kristiansund (1505): Kapasitet – Bølge KI4 er full (2 av 1 kommuner); RAG kan overstyre kapasiteten "
                + "med en begrunnelse. Ingenting er endret.");
        assertThat(everything("1505", kristiansund)).isEqualTo(before);

        ResponseEntity<Map> overridden = post("/api/projects/1505/wave",
                "{\"waveCode\":\"KI4\",\"reason\":\"Mer tid\",\"overrideCapacity\":true}");
        assertThat(overridden.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(projects.history(projects.currentProject("1505")).stream().map(a -> a.getDetail()).toList())
                .contains("Flyttet fra bølge KI3 til KI4: Mer tid (bølge KI4 var full: 2 av 1 kommuner; RAG "
                        + "overstyrte kapasiteten)");
    }

    @Test
    void ragsDecisionInTasklistFollowsTheSameRulesAsTheApi() {
        ImplementationProject kristiansund = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));
        setClock(LocalDate.of(2027, 3, 1).atTime(0, 5));
        String timer = managementService.createJobDefinitionQuery()
                .activityIdIn(ProjectProcess.TIMER_SERVICE_AGREEMENT_DUE).list().get(0).getId();
        managementService.executeJob(managementService.createJobQuery()
                .processInstanceId(kristiansund.getProcessInstanceId()).jobDefinitionId(timer).singleResult().getId());
        runPhaseNotices(kristiansund);
        Task decision = taskService.createTaskQuery().processInstanceId(kristiansund.getProcessInstanceId())
                .singleResult();
        assertThat(decision.getTaskDefinitionKey()).isEqualTo(ProjectProcess.TASK_DECIDE_MISSED_DEADLINE);
        projects.register(Registration.of("1576", "KI4"));
        put("/api/waves/KI4/capacity", "{\"municipalities\":1}");

        assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of(
                ProjectProcess.VAR_MISSED_DEADLINE_DECISION, "MOVE_WAVE", ProjectProcess.VAR_NEW_WAVE_CODE, "KI4",
                ProjectProcess.VAR_DECISION_REASON, "Trenger mer tid")))
                .hasStackTraceContaining("Kristiansund (1505): Kapasitet – Bølge KI4 er full (2 av 1 kommuner)");
        assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of(
                ProjectProcess.VAR_MISSED_DEADLINE_DECISION, "MOVE_WAVE", ProjectProcess.VAR_NEW_WAVE_CODE, "KI5")))
                .hasStackTraceContaining("Feltet «Begrunnelse» må fylles ut.");
        assertThat(taskService.createTaskQuery().taskId(decision.getId()).count()).isOne();
        assertThat(projects.currentProject("1505").getWave().getCode()).isEqualTo("KI3");

        put("/api/waves/KI4/capacity", "{\"municipalities\":2}");
        taskService.complete(decision.getId(), Map.of(ProjectProcess.VAR_MISSED_DEADLINE_DECISION, "MOVE_WAVE",
                ProjectProcess.VAR_NEW_WAVE_CODE, "KI4", ProjectProcess.VAR_DECISION_REASON, "Trenger mer tid"));
        assertThat(projects.currentProject("1505").getWave().getCode()).isEqualTo("KI4");
        assertThat(projects.history(projects.currentProject("1505")).stream().map(a -> a.getDetail()).toList())
                .contains("Flyttet fra bølge KI3 til KI4: Trenger mer tid");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Everything a move could change for one member: its schedule, tasks, timers, reminders, the history. */
    private Map<String, Object> everything(String number, ImplementationProject project) {
        Map<String, Object> all = new TreeMap<>();
        Map<String, Object> view = get("/api/projects/" + number).getBody();
        all.put("schedule", view.get("schedule"));
        all.put("wave", view.get("waveCode"));
        all.put("plannedReminders", view.get("plannedReminders"));
        all.put("history", view.get("history"));
        all.put("tasks", tasks(project));
        all.put("timers", timers(project));
        all.put("waves", waves.all().stream().map(w -> w.getCode() + "=" + w.getGoLiveDate()).toList());
        return all;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schedule(String number) {
        return (Map<String, Object>) get("/api/projects/" + number).getBody().get("schedule");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> plan, String number) {
        return ((List<Map<String, Object>>) plan.get("members")).stream()
                .filter(m -> number.equals(m.get("municipalityNumber"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> milestone(Map<String, Object> plan, String number, String id) {
        return ((List<Map<String, Object>>) member(plan, number).get("milestones")).stream()
                .filter(m -> id.equals(m.get("id"))).findFirst().orElseThrow();
    }

    private java.util.Date timerDue(ImplementationProject project, String activityId) {
        String definition = managementService.createJobDefinitionQuery().activityIdIn(activityId).list().get(0).getId();
        return managementService.createJobQuery().processInstanceId(project.getProcessInstanceId())
                .jobDefinitionId(definition).singleResult().getDuedate();
    }

}
