package no.innforing.project;

import static no.innforing.project.ProjectProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.innforing.IntegrationTest;
import no.innforing.benefit.BenefitService;
import no.innforing.benefit.RiskDefinition;
import no.innforing.benefit.RiskFocus;
import no.innforing.benefit.RiskStatus;
import no.innforing.project.ProjectService.Registration;
import no.innforing.security.MunicipalityAccess;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import no.innforing.shared.DomainException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code municipal-implementation}, against PostgreSQL, with the engine clock moved by hand. Kristiansund
 * (1505) in KI3, go-live 31 March 2028: pre-project 31 August 2026, service agreement due 28 February 2027, main
 * project 31 March 2027, stabilization ends 30 September 2028.
 */
class MunicipalImplementationProcessTests extends IntegrationTest {

    static final String KRISTIANSUND = "1505";
    static final LocalDate PRE_PROJECT_START = LocalDate.of(2026, 8, 31);
    static final LocalDate SERVICE_AGREEMENT_DUE = LocalDate.of(2027, 2, 28);
    static final LocalDate MAIN_PROJECT_START = LocalDate.of(2027, 3, 31);
    static final LocalDate STABILIZATION_END = LocalDate.of(2028, 9, 30);

    @Autowired
    ProjectService projects;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    ProjectQueries queries;
    @Autowired
    BenefitService benefits;

    @BeforeAll
    static void coverageThresholdApplies() {
        enforceProcessCoverage();
    }

    @Test
    void happyPathRunsThroughEveryPhaseOnTheScheduleDates() {
        ProcessInstance project = start(Registration.of(KRISTIANSUND, "KI3"));
        assertThat(project).hasBusinessKey(KRISTIANSUND).isWaitingAt(TASK_REGISTER_POLITICAL_DECISION);
        assertThat(project).variables().containsEntry(VAR_MUNICIPALITY_NAME, "Kristiansund");

        complete(project, TASK_REGISTER_POLITICAL_DECISION, LocalDate.of(2026, 6, 30),
                "councilDecision", "JOIN", "politicalDecisionDate", "2026-04-15");
        complete(project, TASK_SIGN_CALL_OFF_AGREEMENT, LocalDate.of(2026, 8, 30),
                VAR_CALL_OFF_SIGNED_ON, "2026-05-10", "callOffAgreementSignedBy", "Kommunedirektøren");
        assertThat(projects.currentProject(KRISTIANSUND).getCallOffAgreementSignedOn())
                .isEqualTo(LocalDate.of(2026, 5, 10));
        assertThat(runtimeService.getVariable(project.getId(), VAR_CALL_OFF_SIGNED_ON)).isInstanceOf(Date.class);

        assertThat(project).isWaitingAt(TIMER_PRE_PROJECT_START);
        assertThat(timer(project, TIMER_PRE_PROJECT_START).getDuedate()).isEqualTo(startOf(PRE_PROJECT_START));
        setClock(PRE_PROJECT_START);
        execute(timer(project, TIMER_PRE_PROJECT_START));

        // The phase notice is a service task of its own, in its own job, before the phase's first task.
        assertThat(project).hasPassed(SUBPROCESS_POLITICAL_DECISION)
                .isWaitingAt(SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT);
        assertThat(phase(project)).isEqualTo(ProjectPhase.PRE_PROJECT);
        assertThat(phaseNotices(project)).isEmpty();
        execute(job(SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT, project));
        assertThat(phaseNotices(project)).containsExactly("PRE_PROJECT:PENDING");
        assertThat(project).isWaitingAt(TASK_ESTABLISH_PROJECT_ORGANISATION);
        assertThat(timer(project, TIMER_SERVICE_AGREEMENT_DUE_IN_PRE_PROJECT).getDuedate())
                .isEqualTo(startOf(SERVICE_AGREEMENT_DUE.plusDays(1)));
        complete(project, TASK_ESTABLISH_PROJECT_ORGANISATION, LocalDate.of(2026, 9, 30),
                "implementationLeadName", "Kari Nordmann");
        assertThat(project).isWaitingAt(TASK_MATURITY_ANALYSIS, TASK_RISK_ANALYSIS, TASK_COMMUNICATION_PLAN,
                TASK_MAP_CURRENT_SYSTEMS, TASK_BENEFIT_PLAN);
        complete(project, TASK_MATURITY_ANALYSIS, LocalDate.of(2026, 11, 30));
        complete(project, TASK_COMMUNICATION_PLAN, LocalDate.of(2026, 11, 30));
        complete(project, TASK_RISK_ANALYSIS, LocalDate.of(2026, 12, 31));
        complete(project, TASK_MAP_CURRENT_SYSTEMS, LocalDate.of(2026, 12, 31));
        complete(project, TASK_BENEFIT_PLAN, LocalDate.of(2027, 1, 31), "benefitExpected",
                "Færre legemiddelfeil og mindre dobbeltregistrering", "benefitAmbition", "−80 % innen tre år");
        // saved by a job of its own just after the completion; the pre-project ends after it
        assertThat(project).isWaitingAt(SERVICE_TASK_SAVE_BENEFIT_PLAN);
        execute(job(SERVICE_TASK_SAVE_BENEFIT_PLAN, project));
        assertThat(project).hasPassed(SERVICE_TASK_SAVE_BENEFIT_PLAN);
        assertThat(benefits.benefits(KRISTIANSUND).plan()).get().satisfies(plan -> {
            assertThat(plan.getExpectedBenefits()).isEqualTo("Færre legemiddelfeil og mindre dobbeltregistrering");
            assertThat(plan.getAmbition()).isEqualTo("−80 % innen tre år");
        });

        assertThat(project).hasPassed(SUBPROCESS_PRE_PROJECT).isWaitingAt(TASK_SIGN_SERVICE_AGREEMENT);
        assertThat(phase(project)).isEqualTo(ProjectPhase.SERVICE_AGREEMENT);
        assertThat(timer(project, TIMER_SERVICE_AGREEMENT_DUE).getDuedate())
                .isEqualTo(startOf(LocalDate.of(2027, 3, 1)));
        setClock(LocalDate.of(2027, 1, 20));
        complete(project, TASK_SIGN_SERVICE_AGREEMENT, SERVICE_AGREEMENT_DUE,
                VAR_SERVICE_AGREEMENT_DECISION, "SIGN", VAR_SERVICE_AGREEMENT_SIGNED_ON, "2027-01-20");
        assertThat(projects.currentProject(KRISTIANSUND).getServiceAgreementSignedOn())
                .isEqualTo(LocalDate.of(2027, 1, 20));

        assertThat(project).hasPassed(SERVICE_TASK_SET_OUTCOME_SIGNED).isWaitingAt(TIMER_MAIN_PROJECT_START);
        assertThat(runtimeService.getVariable(project.getId(), VAR_SERVICE_AGREEMENT_OUTCOME)).isEqualTo("SIGNED");
        assertThat(timer(project, TIMER_MAIN_PROJECT_START).getDuedate()).isEqualTo(startOf(MAIN_PROJECT_START));
        setClock(MAIN_PROJECT_START);
        execute(timer(project, TIMER_MAIN_PROJECT_START));

        assertThat(phase(project)).isEqualTo(ProjectPhase.MAIN_PROJECT);
        assertThat(project).isWaitingAt(SERVICE_TASK_NOTIFY_PHASE_STARTED_MAIN_PROJECT);
        execute(job(SERVICE_TASK_NOTIFY_PHASE_STARTED_MAIN_PROJECT, project));
        complete(project, TASK_TRAINING_PLAN, LocalDate.of(2027, 5, 31));
        // The training notice waits in its own job; the other branches of the main project are open already.
        assertThat(project).isWaitingAt(TASK_REVIEW_RISKS_MAIN_PROJECT, TASK_TECHNICAL_READINESS, TASK_ORDER_ACCESS,
                TASK_ADAPT_WORK_PROCESSES, SERVICE_TASK_NOTIFY_PHASE_STARTED_TRAINING);
        execute(job(SERVICE_TASK_NOTIFY_PHASE_STARTED_TRAINING, project));
        assertThat(project).isWaitingAt(TASK_REVIEW_RISKS_MAIN_PROJECT, TASK_TECHNICAL_READINESS, TASK_ORDER_ACCESS,
                TASK_ADAPT_WORK_PROCESSES, TASK_TRAIN_SUPER_USERS);
        benefits.addRisk(KRISTIANSUND, new RiskDefinition("Ansatte får for lite tid til opplæring", RiskFocus.STAFF, 4, 3,
                "Frikjøp av superbrukere", "Kommunalsjef", RiskStatus.OPEN));
        benefits.addRisk(KRISTIANSUND, new RiskDefinition("Leverandøren leverer for sent", RiskFocus.TECHNICAL, 2, 3,
                "Avtalt leveranseplan", "Prosjektleder", RiskStatus.CLOSED));
        LocalDate added = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), OSLO);
        setClock(LocalDate.of(2027, 4, 12));
        complete(project, TASK_REVIEW_RISKS_MAIN_PROJECT, LocalDate.of(2027, 4, 30), "risksReviewed", true);
        // the open risk is stamped as reviewed today; the closed one keeps the day it was last assessed
        assertThat(benefits.risks(KRISTIANSUND)).extracting(risk -> risk.getStatus(), risk -> risk.reviewedOn())
                .containsExactly(tuple(RiskStatus.OPEN, LocalDate.of(2027, 4, 12)), tuple(RiskStatus.CLOSED, added));
        complete(project, TASK_TECHNICAL_READINESS, LocalDate.of(2027, 12, 31));
        complete(project, TASK_ORDER_ACCESS, LocalDate.of(2028, 2, 18));
        complete(project, TASK_ADAPT_WORK_PROCESSES, LocalDate.of(2028, 1, 31));
        complete(project, TASK_TRAIN_SUPER_USERS, LocalDate.of(2027, 12, 31));
        complete(project, TASK_TRAIN_END_USERS, LocalDate.of(2028, 3, 17));

        assertThat(project).hasPassed(SUBPROCESS_MAIN_PROJECT, SUBPROCESS_TRAINING)
                .isWaitingAt(TIMER_GO_LIVE_READINESS);
        assertThat(phase(project)).isEqualTo(ProjectPhase.GO_LIVE);
        assertThat(timer(project, TIMER_GO_LIVE_READINESS).getDuedate()).isEqualTo(startOf(LocalDate.of(2028, 3, 3)));
        setClock(LocalDate.of(2028, 3, 3));
        execute(timer(project, TIMER_GO_LIVE_READINESS));
        assertThat(project).isWaitingAt(SERVICE_TASK_NOTIFY_PHASE_STARTED_GO_LIVE_IN_FOUR_WEEKS);
        execute(job(SERVICE_TASK_NOTIFY_PHASE_STARTED_GO_LIVE_IN_FOUR_WEEKS, project));
        assertThat(phaseNotices(project)).containsExactly("PRE_PROJECT:PENDING", "MAIN_PROJECT:PENDING",
                "TRAINING:PENDING", "GO_LIVE_IN_FOUR_WEEKS:PENDING");
        complete(project, TASK_ASSESS_GO_LIVE_READINESS, LocalDate.of(2028, 3, 17), readyForGoLive());

        assertThat(project).isWaitingAt(TIMER_GO_LIVE_DATE);
        assertThat(runtimeService.getVariable(project.getId(), "goLiveDecision")).isEqualTo("GO");
        assertThat(timer(project, TIMER_GO_LIVE_DATE).getDuedate()).isEqualTo(startOf(KI3_GO_LIVE));
        setClock(KI3_GO_LIVE);
        execute(timer(project, TIMER_GO_LIVE_DATE));
        complete(project, TASK_CUT_OVER, KI3_GO_LIVE, "wentLiveOn", "2028-03-31");

        assertThat(phase(project)).isEqualTo(ProjectPhase.STABILIZATION);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("benefit-measurement").count())
                .as("the follow-up starts in its own job").isZero();
        execute(job(SERVICE_TASK_START_BENEFIT_FOLLOW_UP, project));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("benefit-measurement")
                .processInstanceBusinessKey(KRISTIANSUND).singleResult().getTenantId()).isEqualTo(KRISTIANSUND);
        complete(project, TASK_REVIEW_RISKS_STABILIZATION, LocalDate.of(2028, 4, 14), "risksReviewed", true);
        complete(project, TASK_FOLLOW_UP_ERRORS, LocalDate.of(2028, 6, 30));
        complete(project, TASK_HAND_OVER_TO_OPERATIONS, STABILIZATION_END);
        assertThat(timer(project, TIMER_STABILIZATION_END).getDuedate()).isEqualTo(startOf(STABILIZATION_END));
        setClock(STABILIZATION_END);
        execute(timer(project, TIMER_STABILIZATION_END));
        complete(project, TASK_CLOSE_PROJECT, LocalDate.of(2028, 10, 30), "finalReport", "Alt gikk bra.");

        assertThat(project).hasPassed(END_COMPLETED).isEnded();
        ImplementationProject finished = projects.currentProject(KRISTIANSUND);
        assertThat(finished.getState()).isEqualTo(ProjectState.COMPLETED);
        assertThat(projects.history(finished)).extracting(ProjectAudit::getAction)
                .containsExactly("REGISTERED", "CALL_OFF_AGREEMENT_SIGNED", "SERVICE_AGREEMENT_SIGNED", "COMPLETED");
    }

    @Test
    void earlyStartOpensThePreProjectBeforeItsPlannedDate() {
        ProcessInstance project = start(new Registration(KRISTIANSUND, "KI3", true, null, null, null));
        complete(project, TASK_REGISTER_POLITICAL_DECISION, LocalDate.of(2026, 6, 30), "councilDecision", "JOIN");
        complete(project, TASK_SIGN_CALL_OFF_AGREEMENT, LocalDate.of(2026, 8, 30), VAR_CALL_OFF_SIGNED_ON, "2026-03-02");

        assertThat(project).isWaitingAt(TASK_PLAN_EARLY_START);
        assertThat(phase(project)).isEqualTo(ProjectPhase.EARLY_START);
        complete(project, TASK_PLAN_EARLY_START, PRE_PROJECT_START, "earlyStartActivities", "Modenhetsanalyse");

        // Still March 2026, months before 31 August: the pre-project has begun without waiting for its timer.
        assertThat(project).hasPassed(SUBPROCESS_EARLY_START).hasNotPassed(TIMER_PRE_PROJECT_START)
                .isWaitingAt(SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT);
        assertThat(phase(project)).isEqualTo(ProjectPhase.PRE_PROJECT);
        execute(job(SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT, project));
        assertThat(phaseNotices(project)).as("an early start still announces the pre-project")
                .containsExactly("PRE_PROJECT:PENDING");
        assertThat(project).isWaitingAt(TASK_ESTABLISH_PROJECT_ORGANISATION);
    }

    @Test
    void earlyStartCanBeChosenInThePoliticalDecision() {
        ProcessInstance project = start(Registration.of(KRISTIANSUND, "KI3"));
        complete(project, TASK_REGISTER_POLITICAL_DECISION, LocalDate.of(2026, 6, 30), "councilDecision", "JOIN",
                VAR_EARLY_START, true);
        complete(project, TASK_SIGN_CALL_OFF_AGREEMENT, LocalDate.of(2026, 8, 30), VAR_CALL_OFF_SIGNED_ON, "2026-03-02");
        assertThat(project).isWaitingAt(TASK_PLAN_EARLY_START);
    }

    @Test
    void aCouncilThatDeclinesEndsTheProjectAsWithdrawn() {
        ProcessInstance project = start(Registration.of(KRISTIANSUND, "KI3"));
        complete(project, TASK_REGISTER_POLITICAL_DECISION, LocalDate.of(2026, 6, 30), "councilDecision", "DECLINE",
                VAR_WITHDRAWAL_REASON, "Kommunestyret vil vente");

        assertThat(project).hasPassed("EndEvent_CouncilDeclined", END_WITHDRAWN).hasNotPassed(TASK_SIGN_CALL_OFF_AGREEMENT)
                .isEnded();
        assertThat(phase(project)).as("an ended project is in no phase").isNull();
        ImplementationProject withdrawn = projects.currentProject(KRISTIANSUND);
        assertThat(withdrawn.getState()).isEqualTo(ProjectState.WITHDRAWN);
        assertThat(withdrawn.getClosingReason()).isEqualTo("Kommunestyret vil vente");
    }

    @Test
    void withdrawalOnRequestBeforeTheDeadlineEndsTheInstanceAsWithdrawn() {
        ProcessInstance project = start(new Registration(KRISTIANSUND, "KI3", false, ProjectPhase.PRE_PROJECT, null, null));
        setClock(SERVICE_AGREEMENT_DUE.atTime(23, 30));

        projects.requestWithdrawal(KRISTIANSUND, "Vi trekker oss");

        assertThat(project).hasPassed(END_WITHDRAWN_ON_REQUEST).isEnded();
        assertThat(taskQuery().processInstanceId(project.getId()).count()).isZero();
        ImplementationProject withdrawn = projects.currentProject(KRISTIANSUND);
        assertThat(withdrawn.getState()).isEqualTo(ProjectState.WITHDRAWN);
        assertThat(withdrawn.getClosingReason()).isEqualTo("Vi trekker oss");
    }

    @Test
    void withdrawalAfterTheDeadlineIsRefusedAndNothingChanges() {
        ProcessInstance project = start(new Registration(KRISTIANSUND, "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null,
                null));
        setClock(SERVICE_AGREEMENT_DUE.plusDays(1).atStartOfDay());

        assertThatThrownBy(() -> projects.requestWithdrawal(KRISTIANSUND, null))
                .isInstanceOf(DomainException.class)
                .hasMessage("Fristen for å fratre gikk ut 28.02.2027 (fristen for tjenesteavtalen, 13 måneder før "
                        + "produksjonssetting). Kristiansund kan ikke lenger fratre.");
        assertThat(project).isWaitingAt(TASK_SIGN_SERVICE_AGREEMENT);
        assertThat(projects.currentProject(KRISTIANSUND).getState()).isEqualTo(ProjectState.ACTIVE);
    }

    @Test
    void withdrawalIsRefusedOnceTheServiceAgreementIsSigned() {
        ProcessInstance project = start(new Registration(KRISTIANSUND, "KI3", false, ProjectPhase.MAIN_PROJECT, null,
                LocalDate.of(2026, 2, 20)));
        execute(job(SERVICE_TASK_NOTIFY_PHASE_STARTED_MAIN_PROJECT, project));

        assertThatThrownBy(() -> projects.requestWithdrawal(KRISTIANSUND, null))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("har signert tjenesteavtalen, som er bindende");
        assertThat(project).isWaitingAt(TASK_TRAINING_PLAN);
    }

    @Test
    void theMunicipalityCanWithdrawInsteadOfSigning() {
        ProcessInstance project = start(new Registration(KRISTIANSUND, "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null,
                null));
        complete(project, TASK_SIGN_SERVICE_AGREEMENT, SERVICE_AGREEMENT_DUE, VAR_SERVICE_AGREEMENT_DECISION, "WITHDRAW");

        assertThat(project).hasPassed(SERVICE_TASK_SET_OUTCOME_WITHDRAWN, "EndEvent_ServiceAgreementWithdrawn",
                END_WITHDRAWN).isEnded();
        assertThat(projects.currentProject(KRISTIANSUND).getState()).isEqualTo(ProjectState.WITHDRAWN);
    }

    @Test
    void signingWithoutADateIsRefusedWithAClearMessage() {
        ProcessInstance project = start(new Registration(KRISTIANSUND, "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null,
                null));
        Task signing = task(TASK_SIGN_SERVICE_AGREEMENT, project);

        assertThatThrownBy(() -> taskService.complete(signing.getId(), Map.of(VAR_SERVICE_AGREEMENT_DECISION, "SIGN")))
                .hasMessageContaining("Feltet «Dato for signert tjenesteavtale» må fylles ut.");
        assertThatThrownBy(() -> taskService.complete(signing.getId(), Map.of(VAR_SERVICE_AGREEMENT_DECISION, "SIGN",
                VAR_SERVICE_AGREEMENT_SIGNED_ON, "20.01.2027")))
                .hasMessageContaining("Feltet «Dato tjenesteavtalen ble signert» har en dato som ikke kan leses: "
                        + "«20.01.2027». Skriv datoen som dd.mm.åååå, for eksempel 01.11.2026.");
        assertThat(project).isWaitingAt(TASK_SIGN_SERVICE_AGREEMENT);
        assertThat(projects.currentProject(KRISTIANSUND).getServiceAgreementSignedOn()).isNull();
    }

    @Test
    void processVariablesNamedLikeThePlatformsBeansChangeNeitherDueDatesNorWhoWorksTheTask() {
        ProcessInstance project = start(Registration.of(KRISTIANSUND, "KI3"));
        // Anyone who may set variables on the instance (REST API, a form) could create these.
        runtimeService.setVariable(project.getId(), "projectLeaders", "municipality-5001");
        runtimeService.setVariable(project.getId(), "schedule", "2026-01-01");

        complete(project, TASK_REGISTER_POLITICAL_DECISION, LocalDate.of(2026, 6, 30), "councilDecision", "JOIN",
                "politicalDecisionDate", "2026-04-15");
        // complete(...) checks the next task's candidate group (Kristiansund's leaders) and due date (from the wave)
        complete(project, TASK_SIGN_CALL_OFF_AGREEMENT, LocalDate.of(2026, 8, 30), VAR_CALL_OFF_SIGNED_ON,
                "2026-05-10", "callOffAgreementSignedBy", "Kommunedirektøren");
        assertThat(timer(project, TIMER_PRE_PROJECT_START).getDuedate()).isEqualTo(startOf(PRE_PROJECT_START));
    }

    @Test
    void tasklistDateTimeStringsAreReadAsOsloDates() {
        ProcessInstance project = start(new Registration(KRISTIANSUND, "KI3", false, ProjectPhase.POLITICAL_DECISION,
                null, null));
        complete(project, TASK_REGISTER_POLITICAL_DECISION, LocalDate.of(2026, 6, 30), "councilDecision", "JOIN");
        // Midnight in Oslo is 22:00 or 23:00 UTC the day before.
        complete(project, TASK_SIGN_CALL_OFF_AGREEMENT, LocalDate.of(2026, 8, 30), VAR_CALL_OFF_SIGNED_ON,
                "2026-05-09T22:00:00Z");
        assertThat(projects.currentProject(KRISTIANSUND).getCallOffAgreementSignedOn())
                .isEqualTo(LocalDate.of(2026, 5, 10));
    }

    @Test
    void missedDeadlineLetsRagGrantAShortExtension() {
        ProcessInstance project = missTheServiceAgreementDeadline();

        assertThatThrownBy(() -> complete(project, TASK_DECIDE_MISSED_DEADLINE, null,
                VAR_MISSED_DEADLINE_DECISION, "EXTEND", VAR_EXTENDED_DEADLINE, "2027-04-15"))
                .hasMessageContaining("Ny frist 15.04.2027 må være etter i dag og senest 31.03.2027");
        complete(project, TASK_DECIDE_MISSED_DEADLINE, LocalDate.of(2027, 3, 14),
                VAR_MISSED_DEADLINE_DECISION, "EXTEND", VAR_EXTENDED_DEADLINE, "2027-03-15",
                VAR_DECISION_REASON, "Saken skal opp i kommunestyret 10. mars");

        assertThat(project).isWaitingAt(TASK_SIGN_SERVICE_AGREEMENT);
        assertThat(task(TASK_SIGN_SERVICE_AGREEMENT, project).getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 3, 15)));
        assertThat(timer(project, TIMER_SERVICE_AGREEMENT_DUE).getDuedate()).isEqualTo(startOf(LocalDate.of(2027, 3, 16)));
        ImplementationProject extended = projects.currentProject(KRISTIANSUND);
        assertThat(extended.schedule().serviceAgreementDue()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(projects.history(extended)).extracting(ProjectAudit::getDetail)
                .contains("Frist for tjenesteavtale utsatt til 15.03.2027: Saken skal opp i kommunestyret 10. mars");

        setClock(LocalDate.of(2027, 3, 10));
        complete(project, TASK_SIGN_SERVICE_AGREEMENT, null, VAR_SERVICE_AGREEMENT_DECISION, "SIGN",
                VAR_SERVICE_AGREEMENT_SIGNED_ON, "2027-03-10");
        assertThat(project).isWaitingAt(TIMER_MAIN_PROJECT_START);
    }

    @Test
    void missedDeadlineLetsRagMoveTheMunicipalityToALaterWave() {
        ProcessInstance project = missTheServiceAgreementDeadline();
        assertThat(runtimeService.getVariableTyped(project.getId(), VAR_LATER_WAVE_OPTIONS).getValue().toString())
                .contains("\"value\":\"KI4\"").contains("\"value\":\"KI5\"").doesNotContain("\"value\":\"KI3\"");
        assertThat(formVariable(task(TASK_DECIDE_MISSED_DEADLINE, project), VAR_CURRENT_WAVE_CODE)).isEqualTo("KI3");

        complete(project, TASK_DECIDE_MISSED_DEADLINE, null, VAR_MISSED_DEADLINE_DECISION, "MOVE_WAVE",
                VAR_NEW_WAVE_CODE, "KI4", VAR_DECISION_REASON, "Trenger mer tid");

        // KI4 goes live 5 September 2028: its service agreement is due 5 August 2027.
        assertThat(project).isWaitingAt(TASK_SIGN_SERVICE_AGREEMENT);
        assertThat(task(TASK_SIGN_SERVICE_AGREEMENT, project).getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 8, 5)));
        assertThat(timer(project, TIMER_SERVICE_AGREEMENT_DUE).getDuedate()).isEqualTo(startOf(LocalDate.of(2027, 8, 6)));
        ImplementationProject moved = projects.currentProject(KRISTIANSUND);
        assertThat(moved.getState()).isEqualTo(ProjectState.MOVED);
        assertThat(moved.getWave().getCode()).isEqualTo("KI4");
        assertThat(moved.getOriginalWave().getCode()).isEqualTo("KI3");

        // Missed again in KI4: RAG's form shows the wave the municipality is in now, not the one it registered in.
        setClock(LocalDate.of(2027, 8, 6).atTime(0, 5));
        execute(timer(project, TIMER_SERVICE_AGREEMENT_DUE));
        execute(job(SERVICE_TASK_NOTIFY_RAG_DEADLINE_MISSED, project));
        assertThat(formVariable(task(TASK_DECIDE_MISSED_DEADLINE, project), VAR_CURRENT_WAVE_CODE)).isEqualTo("KI4");
        assertThat(runtimeService.getVariable(project.getId(), VAR_CURRENT_WAVE_CODE))
                .as("no process variable that a move would leave behind").isNull();
    }

    private Object formVariable(Task task, String name) {
        return processEngine.getFormService().getTaskFormVariables(task.getId()).get(name);
    }

    @Test
    void missedDeadlineLetsRagEndTheProject() {
        ProcessInstance project = missTheServiceAgreementDeadline();
        complete(project, TASK_DECIDE_MISSED_DEADLINE, null, VAR_MISSED_DEADLINE_DECISION, "END",
                VAR_DECISION_REASON, "Kommunen svarer ikke");

        assertThat(project).hasPassed(SERVICE_TASK_SET_OUTCOME_ENDED, END_ENDED_BY_RAG).isEnded();
        ImplementationProject ended = projects.currentProject(KRISTIANSUND);
        assertThat(ended.getState()).isEqualTo(ProjectState.ENDED);
        assertThat(ended.getClosingReason())
                .isEqualTo("Avsluttet av RAG etter oversittet frist for tjenesteavtale: Kommunen svarer ikke");
    }

    @Test
    void theDeadlineAlsoInterruptsAnUnfinishedPreProject() {
        ProcessInstance project = start(new Registration(KRISTIANSUND, "KI3", false, ProjectPhase.PRE_PROJECT, null, null));
        setClock(SERVICE_AGREEMENT_DUE.plusDays(1).atStartOfDay());
        execute(timer(project, TIMER_SERVICE_AGREEMENT_DUE_IN_PRE_PROJECT));

        assertThat(project).hasPassed(TIMER_SERVICE_AGREEMENT_DUE_IN_PRE_PROJECT).hasNotPassed("EndEvent_PreProjectDone")
                .isWaitingAt(TASK_SIGN_SERVICE_AGREEMENT);
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(project.getId())
                .activityId(SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT).count())
                .as("a phase notice not yet run goes with the interrupted phase").isZero();
        // The signing task's own timer is already due: it brings the case to RAG at once.
        execute(timer(project, TIMER_SERVICE_AGREEMENT_DUE));
        execute(job(SERVICE_TASK_NOTIFY_RAG_DEADLINE_MISSED, project));
        assertThat(project).isWaitingAt(TASK_DECIDE_MISSED_DEADLINE);
    }

    @Test
    void noGoLetsRagMoveTheMunicipalityToALaterWave() {
        ProcessInstance project = start(new Registration(KRISTIANSUND, "KI3", false, ProjectPhase.GO_LIVE, null,
                LocalDate.of(2026, 2, 10)));
        setClock(LocalDate.of(2028, 3, 3));
        execute(timer(project, TIMER_GO_LIVE_READINESS));
        execute(job(SERVICE_TASK_NOTIFY_PHASE_STARTED_GO_LIVE_IN_FOUR_WEEKS, project));
        Map<String, Object> notReady = readyForGoLive();
        notReady.put("technicalReady", false);
        complete(project, TASK_ASSESS_GO_LIVE_READINESS, LocalDate.of(2028, 3, 17), notReady);

        assertThat(project).isWaitingAt(SERVICE_TASK_NOTIFY_RAG_NO_GO);
        execute(job(SERVICE_TASK_NOTIFY_RAG_NO_GO, project));
        // No-go ends the go-live phase; RAG decides on the top level, and the project still counts as going live.
        assertThat(project).hasPassed(END_NO_GO, ERROR_NO_GO).isWaitingAt(TASK_DECIDE_AFTER_NO_GO)
                .isNotWaitingAt(TIMER_GO_LIVE_DATE);
        assertThat(phase(project)).isEqualTo(ProjectPhase.GO_LIVE);
        assertThat(runtimeService.getVariable(project.getId(), "goLiveReason"))
                .isEqualTo("Teknisk beredskap er ikke på plass");
        Task decision = task(TASK_DECIDE_AFTER_NO_GO, project);
        assertThat(candidateGroups(decision)).containsExactly(MunicipalityAccess.RAG_GROUP);
        complete(project, TASK_DECIDE_AFTER_NO_GO, LocalDate.of(2028, 3, 24), VAR_NEW_WAVE_CODE, "KI5",
                VAR_DECISION_REASON, "Utstyr leveres ikke i tide");

        // KI5 goes live 6 March 2029: the go-live phase begins again, its readiness check waits until 6 February 2029.
        assertThat(project).hasPassed("Gateway_GoLiveMerge").isWaitingAt(TIMER_GO_LIVE_READINESS);
        assertThat(timer(project, TIMER_GO_LIVE_READINESS).getDuedate()).isEqualTo(startOf(LocalDate.of(2029, 2, 6)));
        assertThat(projects.currentProject(KRISTIANSUND).getWave().getCode()).isEqualTo("KI5");
        assertThat(projects.currentProject(KRISTIANSUND).schedule().stabilizationEnd()).isEqualTo(LocalDate.of(2029, 9, 6));
    }

    @Test
    void eachMissingReadinessConditionGivesNoGoWithItsReason() {
        Map<String, String> reasons = Map.of(
                "accessOrdered", "Roller og tilganger er ikke bestilt",
                "superUsersTrained", "Superbrukerne er ikke lært opp",
                "endUserTrainingPercent", "Under 90 % av sluttbrukerne har fullført opplæringen",
                "openCriticalRisks", "Det finnes åpne kritiske risikoer");
        reasons.forEach((field, reason) -> {
            Map<String, Object> variables = readyForGoLive();
            variables.put(field, switch (field) {
                case "endUserTrainingPercent" -> 89.5;
                case "openCriticalRisks" -> 2;
                default -> false;
            });
            var result = processEngine.getDecisionService().evaluateDecisionByKey("go-live-readiness")
                    .variables(variables).evaluate().getSingleResult();
            assertThat(result.<String>getEntry("decision")).as(field).isEqualTo("NO_GO");
            assertThat(result.<String>getEntry("reason")).as(field).isEqualTo(reason);
        });

        Map<String, Object> uncheckedBox = readyForGoLive();
        uncheckedBox.put("accessOrdered", null);
        var result = processEngine.getDecisionService().evaluateDecisionByKey("go-live-readiness")
                .variables(uncheckedBox).evaluate().getSingleResult();
        assertThat(result.<String>getEntry("decision")).isEqualTo("NO_GO");
    }

    @Test
    void aProjectUnderWayStartsAtThePhaseItHasReached() {
        ProcessInstance preProject = start(new Registration("1576", "KI3", false, ProjectPhase.PRE_PROJECT,
                LocalDate.of(2026, 2, 1), null));
        // Started at the phase's subprocess, not at the start event, with the reminders beside it as the fork would.
        assertThat(preProject).hasNotPassed("StartEvent_ProjectRegistered", "Gateway_Fork", SUBPROCESS_POLITICAL_DECISION)
                .isWaitingAt(SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT, TIMER_REMINDER);
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(preProject.getId())
                .activityId(TIMER_REMINDER).count()).as("reminders before the deadline of 28 February 2027").isEqualTo(4);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(preProject.getId())
                .eventName(MESSAGE_WITHDRAWAL_REQUESTED).count()).as("withdrawal on request is possible").isOne();
        assertThat(phase(preProject)).isEqualTo(ProjectPhase.PRE_PROJECT);
        execute(job(SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT, preProject));
        assertThat(preProject).isWaitingAt(TASK_ESTABLISH_PROJECT_ORGANISATION);
        // Registered straight into the phase: the notice is recorded once, as skipped, and not sent.
        assertThat(phaseNotices(preProject)).containsExactly("PRE_PROJECT:SKIPPED");
        assertThat(projects.currentProject("1576").getCallOffAgreementSignedOn()).isEqualTo(LocalDate.of(2026, 2, 1));

        ProcessInstance mainProject = start(new Registration(KRISTIANSUND, "KI3", false, ProjectPhase.MAIN_PROJECT,
                LocalDate.of(2025, 9, 1), LocalDate.of(2026, 2, 20)));
        assertThat(mainProject).hasNotPassed(TIMER_MAIN_PROJECT_START, "StartEvent_ProjectRegistered")
                .isWaitingAt(SERVICE_TASK_NOTIFY_PHASE_STARTED_MAIN_PROJECT);
        // The agreement is signed: the reminders branch starts, plans none and ends.
        assertThat(mainProject).hasPassed(SUBPROCESS_REMINDERS, "EndEvent_RemindersDone").isNotWaitingAt(TIMER_REMINDER);
        assertThat(phase(mainProject)).isEqualTo(ProjectPhase.MAIN_PROJECT);
        execute(job(SERVICE_TASK_NOTIFY_PHASE_STARTED_MAIN_PROJECT, mainProject));
        assertThat(mainProject).isWaitingAt(TASK_TRAINING_PLAN);
        assertThat(phaseNotices(mainProject)).containsExactly("MAIN_PROJECT:SKIPPED");
        ImplementationProject signed = projects.currentProject(KRISTIANSUND);
        assertThat(signed.isServiceAgreementSigned()).isTrue();
        assertThat(signed.getServiceAgreementSignedOn()).isEqualTo(LocalDate.of(2026, 2, 20));

        ProcessInstance stabilization = start(new Registration("5001", "PD1", false, ProjectPhase.STABILIZATION, null,
                null));
        assertThat(stabilization).hasNotPassed(SUBPROCESS_GO_LIVE).isWaitingAt(TASK_FOLLOW_UP_ERRORS);
        assertThat(phase(stabilization)).isEqualTo(ProjectPhase.STABILIZATION);
        assertThat(task(TASK_FOLLOW_UP_ERRORS, stabilization).getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 8, 5)));
    }

    @Test
    void aProjectCanStartInTheServiceAgreementPhase() {
        ProcessInstance project = start(new Registration(KRISTIANSUND, "KI3", false, ProjectPhase.SERVICE_AGREEMENT,
                LocalDate.of(2026, 1, 15), null));
        assertThat(project).isWaitingAt(TASK_SIGN_SERVICE_AGREEMENT);
        assertThat(task(TASK_SIGN_SERVICE_AGREEMENT, project).getDueDate()).isEqualTo(endOf(SERVICE_AGREEMENT_DUE));
    }

    @Test
    void registrationIsRefusedOnceTheWavesSigningDeadlineHasPassed() {
        setClock(SERVICE_AGREEMENT_DUE.plusDays(1));
        assertThatThrownBy(() -> projects.register(Registration.of(KRISTIANSUND, "KI3")))
                .isInstanceOf(DomainException.class)
                .hasMessageStartingWith("Fristen for å signere tjenesteavtale for bølge KI3 var 28.02.2027 og er passert.");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(KRISTIANSUND).count()).isZero();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private ProcessInstance start(Registration registration) {
        ImplementationProject project = projects.register(registration);
        return runtimeService.createProcessInstanceQuery().processInstanceId(project.getProcessInstanceId())
                .singleResult();
    }

    /** Kristiansund reaches the signing task and lets the deadline pass; RAG gets the decision. */
    private ProcessInstance missTheServiceAgreementDeadline() {
        ProcessInstance project = start(new Registration(KRISTIANSUND, "KI3", false, ProjectPhase.SERVICE_AGREEMENT,
                null, null));
        setClock(SERVICE_AGREEMENT_DUE.plusDays(1).atTime(0, 5));
        execute(timer(project, TIMER_SERVICE_AGREEMENT_DUE));
        assertThat(project).isWaitingAt(SERVICE_TASK_NOTIFY_RAG_DEADLINE_MISSED);
        execute(job(SERVICE_TASK_NOTIFY_RAG_DEADLINE_MISSED, project));
        assertThat(project).isWaitingAt(TASK_DECIDE_MISSED_DEADLINE);
        Task decision = task(TASK_DECIDE_MISSED_DEADLINE, project);
        assertThat(candidateGroups(decision)).containsExactly(MunicipalityAccess.RAG_GROUP);
        assertThat(decision.getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 3, 14)));
        return project;
    }

    /** The phase notices of the project's log, as NOTICE:STATUS in the order they were queued. */
    private List<String> phaseNotices(ProcessInstance project) {
        // The idempotency key reads PHASE_STARTED:project:<id>:<notice>:<date>.
        return jdbc.queryForList("select n.idempotency_key || ':' || n.status from notification n "
                + "join implementation_project p on p.id = n.project_id where p.process_instance_id = ? "
                + "and n.type = 'PHASE_STARTED' order by n.id", String.class, project.getId()).stream()
                .map(entry -> entry.split(":")[3] + ":" + entry.substring(entry.lastIndexOf(':') + 1)).toList();
    }

    private Job timer(ProcessInstance project, String activityId) {
        return job(activityId, project);
    }

    /**
     * The phase the platform reads (from the open activity instances in the engine's history, one query for any number
     * of instances), checked against the engine's live activity-instance tree: the outermost open activity that is a
     * phase subprocess or a wait between two phases.
     */
    private ProjectPhase phase(ProcessInstance project) {
        ProjectPhase phase = queries.currentPhase(project.getId());
        ActivityInstance root = runtimeService.getActivityInstance(project.getId());
        java.util.Deque<ActivityInstance> queue = new java.util.ArrayDeque<>(root == null ? List.of()
                : List.of(root.getChildActivityInstances()));
        ProjectPhase live = null;
        while (!queue.isEmpty() && live == null) {
            ActivityInstance child = queue.poll();
            live = ProjectQueries.PHASE_OF_ACTIVITY.get(child.getActivityId());
            queue.addAll(List.of(child.getChildActivityInstances()));
        }
        assertThat(phase).as("phase from history against the live activity instances").isEqualTo(live);
        assertThat(queries.currentPhases(List.of(project.getId(), "no-such-instance")))
                .as("the same phase in a query for several instances").isEqualTo(phase == null ? Map.of()
                        : Map.of(project.getId(), phase));
        return phase;
    }

    private void complete(ProcessInstance project, String taskKey, LocalDate expectedDue, Object... keysAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        complete(project, taskKey, expectedDue, variables);
    }

    /**
     * Completes a task as Tasklist would, after checking what its user sees: the form can be rendered, the task
     * is offered to the right group, and it is due on the expected day.
     */
    private void complete(ProcessInstance project, String taskKey, LocalDate expectedDue, Map<String, Object> variables) {
        assertThat(project).isWaitingAt(taskKey);
        Task task = task(taskKey, project);
        assertThat(formService.getDeployedTaskForm(task.getId())).as("form of " + taskKey).isNotNull();
        List<String> groups = candidateGroups(task);
        if (taskKey.equals(TASK_DECIDE_MISSED_DEADLINE) || taskKey.equals(TASK_DECIDE_AFTER_NO_GO)) {
            assertThat(groups).as("candidate groups of " + taskKey).containsExactly(MunicipalityAccess.RAG_GROUP);
        } else {
            assertThat(groups).as("candidate groups of " + taskKey)
                    .containsExactly("municipality-" + project.getBusinessKey());
        }
        if (expectedDue != null) {
            assertThat(task.getDueDate()).as("due date of " + taskKey).isEqualTo(endOf(expectedDue));
        }
        taskService.complete(task.getId(), variables);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }

    private static Map<String, Object> readyForGoLive() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("technicalReady", true);
        variables.put("accessOrdered", true);
        variables.put("superUsersTrained", true);
        variables.put("endUserTrainingPercent", 95);
        variables.put("openCriticalRisks", 0);
        return variables;
    }
}
