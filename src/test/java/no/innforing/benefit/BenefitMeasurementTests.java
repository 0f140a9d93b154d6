package no.innforing.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.innforing.IntegrationTest;
import no.innforing.notification.Notification;
import no.innforing.notification.NotificationRepository;
import no.innforing.notification.NotificationType;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectService.Registration;
import no.innforing.project.ProjectService;
import no.innforing.shared.DomainException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The quarterly measurement after go-live ({@code bpmn/benefit-measurement.bpmn}) with the engine clock moved
 * forward, never waited for. Trondheim (5001) goes live with PD1 on 5 May 2026.
 */
class BenefitMeasurementTests extends IntegrationTest {

    static final LocalDate GO_LIVE = LocalDate.of(2026, 5, 5);

    @Autowired
    ProjectService projects;
    @Autowired
    BenefitService benefits;
    @Autowired
    BenefitFollowUp followUp;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    NotificationRepository notificationLog;

    long injuries;
    long healthCards;

    @BeforeEach
    void trondheimWithTwoGoals() {
        projects.register(new Registration("5001", "PD1", false, ProjectPhase.MAIN_PROJECT, null, null));
        injuries = benefits.addGoal("5001", new GoalDefinition(null, null, null, null, null, null, null, null,
                "Kommunalsjef helse", "legemiddel-pasientskader")).getId();
        healthCards = benefits.addGoal("5001", new GoalDefinition(null, null, null, null, null, null, null, null,
                "Leder skolehelsetjenesten", "helsekort-timer")).getId();
    }

    private Job job(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    private Task task(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void measureBoth(LocalDate on, int quarter) {
        benefits.addMeasurement("5001", injuries, on, BigDecimal.valueOf(50 - 3L * quarter), null);
        benefits.addMeasurement("5001", healthCards, on, BigDecimal.valueOf(2300 - 150L * quarter), null);
    }

    private List<Notification> skippedNotices() {
        return notificationLog.findAll().stream()
                .filter(n -> n.getType() == NotificationType.RAG_MEASUREMENT_SKIPPED).toList();
    }

    @Test
    void everyQuarterForThreeYearsTheProjectLeaderRegistersTheMeasurements() {
        ProcessInstance instance = followUp.startFor("5001").orElseThrow();
        assertThat(instance.getBusinessKey()).isEqualTo("5001");
        assertThat(instance.getTenantId()).isEqualTo("5001");
        assertThat(followUp.startFor("5001")).get().extracting(ProcessInstance::getId).isEqualTo(instance.getId());

        for (int quarter = 1; quarter <= 12; quarter++) {
            LocalDate quarterEnd = GO_LIVE.plusMonths(3L * quarter);
            Job timer = job(instance, BenefitFollowUp.TIMER_NEXT_QUARTER);
            assertThat(timer.getDuedate()).as("quarter " + quarter).isEqualTo(startOf(quarterEnd));
            setClock(quarterEnd.plusDays(3));
            managementService.executeJob(timer.getId());

            Task task = task(instance);
            assertThat(task.getName()).isEqualTo("Registrer gevinstmålinger");
            assertThat(task.getTaskDefinitionKey()).isEqualTo(BenefitFollowUp.TASK_REGISTER_MEASUREMENTS);
            assertThat(task.getDueDate()).isEqualTo(endOf(quarterEnd.plusDays(30)));
            assertThat(task.getTenantId()).isEqualTo("5001");
            assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                    .containsExactly("municipality-5001");
            assertThat(((Number) taskService.getVariable(task.getId(), "quarter")).intValue()).isEqualTo(quarter);

            if (quarter == 1) {
                benefits.addMeasurement("5001", injuries, quarterEnd.plusDays(1), new BigDecimal("47"), null);
                assertThatThrownBy(() -> taskService.complete(task.getId()))
                        .isInstanceOf(DomainException.class)
                        .hasMessage("Kvartal 1 mangler måling for «Tid brukt på å hente og bringe helsekort». Registrer"
                                + " en måling datert mellom 05.07.2026 og 04.09.2026 for hvert mål på gevinstsiden, og"
                                + " fullfør så oppgaven.");
                benefits.addMeasurement("5001", healthCards, quarterEnd.plusDays(2), new BigDecimal("2150"), null);
            } else {
                measureBoth(quarterEnd.plusDays(2), quarter);
            }
            taskService.complete(task.getId());
        }

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(BenefitFollowUp.TASK_REGISTER_MEASUREMENTS).finished().count()).isEqualTo(12);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(BenefitFollowUp.END_FOLLOW_UP_COMPLETED).count()).isOne();
        assertThat(benefits.benefits("5001").goals()).allSatisfy(goal -> assertThat(goal.measurements()).hasSize(12));
        assertThat(skippedNotices()).isEmpty();
    }

    @Test
    void ragIsToldWhenAQuarterPassesWithoutMeasurementsAndTheCycleGoesOn() {
        ProcessInstance instance = followUp.startFor("5001").orElseThrow();
        setClock(GO_LIVE.plusMonths(3).plusDays(1));
        managementService.executeJob(job(instance, BenefitFollowUp.TIMER_NEXT_QUARTER).getId());
        benefits.addMeasurement("5001", injuries, ProjectSchedule_today(), new BigDecimal("45"), null);

        Job overdue = job(instance, BenefitFollowUp.TIMER_MEASUREMENT_OVERDUE);
        assertThat(overdue.getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 9, 4)));
        setClock(LocalDate.of(2026, 9, 5));
        managementService.executeJob(overdue.getId());
        assertThat(skippedNotices()).as("the notice is sent from its own job").isEmpty();
        managementService.executeJob(job(instance, BenefitFollowUp.SERVICE_TASK_NOTIFY_RAG).getId());

        assertThat(skippedNotices()).singleElement().satisfies(notice -> {
            assertThat(notice.getMunicipalityNumber()).isEqualTo("5001");
            assertThat(notice.recipientList()).contains("rag-leder@region.example", "rag-sekretariat@region.example");
            assertThat(notice.getSubject()).contains("Trondheim har ikke registrert gevinstmålinger for kvartal 1");
            assertThat(notice.getBodyText()).contains("Fristen for kvartal 1 etter produksjonssettingen 05.05.2026 var"
                    + " 04.09.2026.", "Mangler måling: Tid brukt på å hente og bringe helsekort.",
                    "/benefits/5001");
        });
        assertThat(task(instance)).isNull();
        Job next = job(instance, BenefitFollowUp.TIMER_NEXT_QUARTER);
        assertThat(next.getDuedate()).isEqualTo(startOf(LocalDate.of(2026, 11, 5)));
        assertThat(((Number) runtimeService.getVariable(instance.getId(), "quarter")).intValue()).isEqualTo(2);
    }

    @Test
    void aQuarterMeasuredInTimeButNotCompletedTellsNobody() {
        ProcessInstance instance = followUp.startFor("5001").orElseThrow();
        setClock(GO_LIVE.plusMonths(3).plusDays(1));
        managementService.executeJob(job(instance, BenefitFollowUp.TIMER_NEXT_QUARTER).getId());
        measureBoth(GO_LIVE.plusMonths(3).plusDays(1), 1);
        setClock(LocalDate.of(2026, 9, 5));
        managementService.executeJob(job(instance, BenefitFollowUp.TIMER_MEASUREMENT_OVERDUE).getId());
        managementService.executeJob(job(instance, BenefitFollowUp.SERVICE_TASK_NOTIFY_RAG).getId());
        assertThat(skippedNotices()).isEmpty();
        assertThat(job(instance, BenefitFollowUp.TIMER_NEXT_QUARTER)).isNotNull();
    }

    @Test
    void startingLateBeginsAtTheFirstQuarterStillOpenAndNotAfterThreeYears() {
        setClock(LocalDate.of(2026, 9, 10));   // quarter 1 was due 4 September
        ProcessInstance instance = followUp.startFor("5001").orElseThrow();
        assertThat(((Number) runtimeService.getVariable(instance.getId(), "quarter")).intValue()).isEqualTo(2);
        assertThat(job(instance, BenefitFollowUp.TIMER_NEXT_QUARTER).getDuedate())
                .isEqualTo(startOf(LocalDate.of(2026, 11, 5)));
        runtimeService.deleteProcessInstance(instance.getId(), "test");

        setClock(GO_LIVE.plusYears(3).plusMonths(2));
        assertThat(followUp.startFor("5001")).isEmpty();
    }

    /**
     * Kristiansund (KI3) goes live on 31 March 2028: the project leader confirms the cut-over in Tasklist, and the
     * follow-up starts in its own job, as the platform, though the project leader may not start it.
     */
    @Test
    void goingLiveInTasklistStartsTheFollowUpInItsOwnJob() {
        ImplementationProject project = projects.register(new Registration("1505", "KI3", false, ProjectPhase.GO_LIVE,
                null, LocalDate.of(2026, 2, 10)));
        String instance = project.getProcessInstanceId();
        setClock(LocalDate.of(2028, 3, 3));
        managementService.executeJob(job(instance, ProjectProcess.TIMER_GO_LIVE_READINESS).getId());
        managementService.executeJob(job(instance,
                ProjectProcess.SERVICE_TASK_NOTIFY_PHASE_STARTED_GO_LIVE_IN_FOUR_WEEKS).getId());
        taskService.complete(task(instance).getId(), Map.of("technicalReady", true, "accessOrdered", true,
                "superUsersTrained", true, "endUserTrainingPercent", 95, "openCriticalRisks", 0));
        setClock(LocalDate.of(2028, 3, 31));
        managementService.executeJob(job(instance, ProjectProcess.TIMER_GO_LIVE_DATE).getId());

        processEngine.getIdentityService().setAuthentication("pl-1505", List.of("municipality-1505"), List.of("1505"));
        try {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(BenefitFollowUp.PROCESS_KEY, "1505",
                    Map.of("municipalityNumber", "1505")))
                    .as("the project leader may not start it on their own")
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
            taskService.complete(task(instance).getId(), Map.of("wentLiveOn", "2028-03-31"));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(followUps("1505")).as("not in the project leader's transaction").isEmpty();

        managementService.executeJob(job(instance, ProjectProcess.SERVICE_TASK_START_BENEFIT_FOLLOW_UP).getId());

        assertThat(followUps("1505")).singleElement().satisfies(followUp -> {
            assertThat(followUp.getBusinessKey()).isEqualTo("1505");
            assertThat(followUp.getTenantId()).isEqualTo("1505");
            assertThat(((Number) runtimeService.getVariable(followUp.getId(), "quarter")).intValue()).isEqualTo(1);
            assertThat(job(followUp.getId(), BenefitFollowUp.TIMER_NEXT_QUARTER).getDuedate())
                    .isEqualTo(startOf(LocalDate.of(2028, 6, 30)));
        });
    }

    /**
     * The pre-project's benefit-plan form, completed as Tasklist submits it (strings, the checklist as JSON) by the
     * project leader: the answers are checked in the completion and saved by a job of their own just after it, with
     * the project leader as the one who answered.
     */
    @Test
    void thePlanFromTheTasklistFormBecomesTheBenefitPlan() {
        Task benefitPlan = benefitPlanTaskOf1505();
        String instance = benefitPlan.getProcessInstanceId();
        Map<String, Object> form = new HashMap<>();
        form.put("benefitExpected", "Færre pasientskader");
        form.put("benefitServiceAreas", "Hjemmetjenesten og sykehjemmene");
        form.put("benefitAmbition", "−80 % innen tre år");
        form.put("benefitResponsibility", "Kommunalsjef helse");
        form.put("benefitReplanning", "");
        form.put("benefitFocusAreas", SpinValues.jsonValue("[\"patient-safety\"]").create());
        processEngine.getIdentityService().setAuthentication("pl-1505", List.of("municipality-1505"), List.of("1505"));
        try {
            taskService.complete(benefitPlan.getId(), form);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(benefits.benefits("1505").plan()).as("not in the project leader's transaction").isEmpty();

        managementService.executeJob(job(instance, ProjectProcess.SERVICE_TASK_SAVE_BENEFIT_PLAN).getId());

        BenefitPlan plan = benefits.benefits("1505").plan().orElseThrow();
        assertThat(plan.getExpectedBenefits()).isEqualTo("Færre pasientskader");
        assertThat(plan.getAmbition()).isEqualTo("−80 % innen tre år");
        assertThat(plan.getServiceCategories()).isEqualTo("Hjemmetjenesten og sykehjemmene");
        assertThat(plan.getFollowUpResponsibility()).isEqualTo("Kommunalsjef helse");
        assertThat(plan.getUpdatedBy()).as("who answered").isEqualTo("pl-1505");
    }

    /** A plan the platform would not store is refused when the task is completed: the task stays open, no job. */
    @Test
    @SuppressWarnings("rawtypes")
    void anEmptyOrOverlongPlanIsRefusedWhenTheTaskIsCompleted() {
        Task benefitPlan = benefitPlanTaskOf1505();
        String instance = benefitPlan.getProcessInstanceId();
        Map<String, Object> empty = new HashMap<>();
        empty.put("benefitExpected", " ");
        empty.put("benefitAmbition", "");
        assertThatThrownBy(() -> taskService.complete(benefitPlan.getId(), empty))
                .hasMessageContaining("Gevinstplanen er tom: svar på minst ett av de fem spørsmålene.");
        assertThatThrownBy(() -> taskService.complete(benefitPlan.getId(),
                Map.of("benefitExpected", "x".repeat(4001))))
                .hasMessageContaining("expectedBenefits").hasMessageContaining("4000");

        // as Tasklist submits it: 400 with the refusal in Norwegian, not the engine's 500
        ResponseEntity<Map> answer = http.withBasicAuth("admin", ADMIN_PASSWORD).postForEntity(
                "/engine-rest/task/" + benefitPlan.getId() + "/complete",
                Map.of("variables", Map.of("benefitExpected", Map.of("value", ""))), Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("message"))
                .isEqualTo("Gevinstplanen er tom: svar på minst ett av de fem spørsmålene.");
        // and where Tasklist really sends it, the webapps' own engine API: the same answer
        var tasklist = new no.innforing.TasklistHttpSession(http.getRootUri(), "admin", ADMIN_PASSWORD).post(
                "/camunda/api/engine/engine/default/task/" + benefitPlan.getId() + "/submit-form",
                "{\"variables\":{\"benefitExpected\":{\"value\":\"\"}}}");
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(400);
        assertThat(tasklist.body()).contains("\"message\":\"Gevinstplanen er tom: svar på minst ett av de fem spørsmålene.\"");

        assertThat(taskService.createTaskQuery().taskId(benefitPlan.getId()).count()).as("task still open").isOne();
        assertThat(job(instance, ProjectProcess.SERVICE_TASK_SAVE_BENEFIT_PLAN)).as("no save job").isNull();
        assertThat(benefits.benefits("1505").plan()).isEmpty();
    }

    /** 1505's project registered in its pre-project, the project organisation established: its open plan task. */
    private Task benefitPlanTaskOf1505() {
        ImplementationProject project = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.PRE_PROJECT, null, null));
        String instance = project.getProcessInstanceId();
        managementService.executeJob(job(instance, ProjectProcess.SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT).getId());
        taskService.complete(task(instance).getId(), Map.of("implementationLeadName", "Kari Nordmann"));
        return taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(ProjectProcess.TASK_BENEFIT_PLAN).singleResult();
    }

    private List<ProcessInstance> followUps(String municipalityNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(BenefitFollowUp.PROCESS_KEY)
                .processInstanceBusinessKey(municipalityNumber).list();
    }

    private Job job(String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
    }

    private Task task(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theProjectLeaderSeesAndOpensTheTaskInTasklistAndNoOtherMunicipalityDoes() {
        projects.register(new Registration("1505", "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null, null));
        for (String[] user : new String[][] {{"pl-5001", "municipality-5001"}, {"pl-1505", "municipality-1505"}}) {
            if (processEngine.getIdentityService().createUserQuery().userId(user[0]).count() == 0) {
                var u = processEngine.getIdentityService().newUser(user[0]);
                u.setPassword(user[0] + "-passord");
                processEngine.getIdentityService().saveUser(u);
                processEngine.getIdentityService().createMembership(user[0], user[1]);
            }
        }
        ProcessInstance instance = followUp.startFor("5001").orElseThrow();
        setClock(GO_LIVE.plusMonths(3).plusDays(1));
        managementService.executeJob(job(instance, BenefitFollowUp.TIMER_NEXT_QUARTER).getId());

        var own = http.withBasicAuth("pl-5001", "pl-5001-passord")
                .getForEntity("/engine-rest/task?processDefinitionKey=benefit-measurement", List.class);
        assertThat((List<java.util.Map<String, Object>>) own.getBody()).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("name", "Registrer gevinstmålinger"));
        String taskId = task(instance).getId();
        var form = http.withBasicAuth("pl-5001", "pl-5001-passord")
                .getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class);
        assertThat(form.getStatusCode().value()).isEqualTo(200);
        assertThat(form.getBody()).contains("form-register-measurements", "Registrer gevinstmålinger");

        var instances = http.withBasicAuth("pl-5001", "pl-5001-passord")
                .getForEntity("/engine-rest/process-instance?processDefinitionKey=benefit-measurement", List.class);
        assertThat((List) instances.getBody()).as("the instance in Cockpit").hasSize(1);
        assertThat((List) http.withBasicAuth("pl-5001", "pl-5001-passord")
                .getForEntity("/engine-rest/process-definition?key=benefit-measurement", List.class).getBody())
                .as("the definition in Cockpit").hasSize(1);

        var other = http.withBasicAuth("pl-1505", "pl-1505-passord")
                .getForEntity("/engine-rest/task?processDefinitionKey=benefit-measurement", List.class);
        assertThat((List) other.getBody()).isEmpty();
        assertThat((List) http.withBasicAuth("pl-1505", "pl-1505-passord")
                .getForEntity("/engine-rest/process-instance?processDefinitionKey=benefit-measurement", List.class)
                .getBody()).isEmpty();
    }

    private static LocalDate ProjectSchedule_today() {
        return no.innforing.project.ProjectSchedule.today();
    }
}
