package no.innforing.project;

import no.innforing.security.MunicipalityAccess;

/** Ids and variable names of {@code bpmn/municipal-implementation.bpmn} that the code uses, in one place. */
public final class ProjectProcess {

    public static final String PROCESS_KEY = "municipal-implementation";

    // Phases (subprocesses)
    public static final String SUBPROCESS_POLITICAL_DECISION = "SubProcess_PoliticalDecision";
    public static final String SUBPROCESS_EARLY_START = "SubProcess_EarlyStart";
    public static final String SUBPROCESS_PRE_PROJECT = "SubProcess_PreProject";
    public static final String SUBPROCESS_SERVICE_AGREEMENT = "SubProcess_ServiceAgreement";
    public static final String SUBPROCESS_MAIN_PROJECT = "SubProcess_MainProject";
    public static final String SUBPROCESS_TRAINING = "SubProcess_Training";
    public static final String SUBPROCESS_GO_LIVE = "SubProcess_GoLive";
    public static final String SUBPROCESS_STABILIZATION = "SubProcess_Stabilization";

    // User tasks
    public static final String TASK_REGISTER_POLITICAL_DECISION = "Task_RegisterPoliticalDecision";
    public static final String TASK_SIGN_CALL_OFF_AGREEMENT = "Task_SignCallOffAgreement";
    public static final String TASK_PLAN_EARLY_START = "Task_PlanEarlyStart";
    public static final String TASK_ESTABLISH_PROJECT_ORGANISATION = "Task_EstablishProjectOrganisation";
    public static final String TASK_MATURITY_ANALYSIS = "Task_MaturityAnalysis";
    public static final String TASK_RISK_ANALYSIS = "Task_RiskAnalysis";
    public static final String TASK_COMMUNICATION_PLAN = "Task_CommunicationPlan";
    public static final String TASK_MAP_CURRENT_SYSTEMS = "Task_MapCurrentSystems";
    public static final String TASK_BENEFIT_PLAN = "Task_BenefitPlan";
    public static final String TASK_SIGN_SERVICE_AGREEMENT = "Task_SignServiceAgreement";
    public static final String TASK_DECIDE_MISSED_DEADLINE = "Task_DecideMissedDeadline";
    public static final String TASK_TRAINING_PLAN = "Task_TrainingPlan";
    public static final String TASK_TECHNICAL_READINESS = "Task_TechnicalReadiness";
    public static final String TASK_ORDER_ACCESS = "Task_OrderAccess";
    public static final String TASK_ADAPT_WORK_PROCESSES = "Task_AdaptWorkProcesses";
    public static final String TASK_REVIEW_RISKS_MAIN_PROJECT = "Task_ReviewRisksMainProject";
    public static final String TASK_REVIEW_RISKS_STABILIZATION = "Task_ReviewRisksStabilization";
    public static final String TASK_TRAIN_SUPER_USERS = "Task_TrainSuperUsers";
    public static final String TASK_TRAIN_END_USERS = "Task_TrainEndUsers";
    public static final String TASK_ASSESS_GO_LIVE_READINESS = "Task_AssessGoLiveReadiness";
    public static final String TASK_DECIDE_AFTER_NO_GO = "Task_DecideAfterNoGo";
    public static final String TASK_CUT_OVER = "Task_CutOver";
    public static final String TASK_FOLLOW_UP_ERRORS = "Task_FollowUpErrors";
    public static final String TASK_HAND_OVER_TO_OPERATIONS = "Task_HandOverToOperations";
    public static final String TASK_CLOSE_PROJECT = "Task_CloseProject";

    // Service tasks with side effects, visible in the diagram
    public static final String SERVICE_TASK_SAVE_BENEFIT_PLAN = "ServiceTask_SaveBenefitPlan";
    public static final String SERVICE_TASK_NOTIFY_RAG_DEADLINE_MISSED = "ServiceTask_NotifyRagDeadlineMissed";
    public static final String SERVICE_TASK_NOTIFY_RAG_NO_GO = "ServiceTask_NotifyRagNoGo";
    public static final String SERVICE_TASK_MOVE_TO_LATER_WAVE_AFTER_NO_GO = "ServiceTask_MoveToLaterWaveAfterNoGo";
    public static final String SERVICE_TASK_START_BENEFIT_FOLLOW_UP = "ServiceTask_StartBenefitFollowUp";
    public static final String SERVICE_TASK_SET_OUTCOME_SIGNED = "ServiceTask_SetOutcomeSigned";
    public static final String SERVICE_TASK_SET_OUTCOME_WITHDRAWN = "ServiceTask_SetOutcomeWithdrawn";
    public static final String SERVICE_TASK_SET_OUTCOME_ENDED = "ServiceTask_SetOutcomeEnded";
    public static final String SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT = "ServiceTask_NotifyPhaseStartedPreProject";
    public static final String SERVICE_TASK_NOTIFY_PHASE_STARTED_MAIN_PROJECT = "ServiceTask_NotifyPhaseStartedMainProject";
    public static final String SERVICE_TASK_NOTIFY_PHASE_STARTED_TRAINING = "ServiceTask_NotifyPhaseStartedTraining";
    public static final String SERVICE_TASK_NOTIFY_PHASE_STARTED_GO_LIVE_IN_FOUR_WEEKS =
            "ServiceTask_NotifyPhaseStartedGoLiveInFourWeeks";

    /**
     * The activity a project registered in {@code phase} starts at: the phase's subprocess. A project registered
     * mid-programme starts its instance there (beside {@link #SUBPROCESS_REMINDERS}), not at the start event.
     */
    public static String phaseActivity(ProjectPhase phase) {
        return switch (phase) {
            case POLITICAL_DECISION -> SUBPROCESS_POLITICAL_DECISION;
            case EARLY_START -> SUBPROCESS_EARLY_START;
            case PRE_PROJECT -> SUBPROCESS_PRE_PROJECT;
            case SERVICE_AGREEMENT -> SUBPROCESS_SERVICE_AGREEMENT;
            case MAIN_PROJECT -> SUBPROCESS_MAIN_PROJECT;
            case GO_LIVE -> SUBPROCESS_GO_LIVE;
            case STABILIZATION -> SUBPROCESS_STABILIZATION;
        };
    }

    // Service-agreement reminders (a branch in parallel with the phases)
    public static final String SUBPROCESS_REMINDERS = "SubProcess_ServiceAgreementReminders";
    public static final String TIMER_REMINDER = "Timer_ServiceAgreementReminder";
    public static final String VAR_PLANNED_REMINDERS = "plannedReminders";
    public static final String VAR_REMINDER_DAYS = "reminderDays";

    // Timers
    public static final String TIMER_PRE_PROJECT_START = "Timer_PreProjectStart";
    public static final String TIMER_SERVICE_AGREEMENT_DUE_IN_PRE_PROJECT = "Timer_ServiceAgreementDueInPreProject";
    public static final String TIMER_SERVICE_AGREEMENT_DUE = "Timer_ServiceAgreementDue";
    public static final String TIMER_MAIN_PROJECT_START = "Timer_MainProjectStart";
    public static final String TIMER_GO_LIVE_READINESS = "Timer_GoLiveReadiness";
    public static final String TIMER_GO_LIVE_DATE = "Timer_GoLiveDate";
    public static final String TIMER_STABILIZATION_END = "Timer_StabilizationEnd";

    // End events
    public static final String END_COMPLETED = "EndEvent_Completed";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    public static final String END_WITHDRAWN_ON_REQUEST = "EndEvent_WithdrawnOnRequest";
    public static final String END_ENDED_BY_RAG = "EndEvent_EndedByRag";

    // No-go: the go-live phase ends with this error, caught on the top level by RAG's decision
    public static final String END_NO_GO = "EndEvent_NoGo";
    public static final String ERROR_NO_GO = "Error_NoGo";

    // Messages
    public static final String MESSAGE_WITHDRAWAL_REQUESTED = "WithdrawalRequested";

    // Variables
    public static final String VAR_MUNICIPALITY_NUMBER = MunicipalityAccess.MUNICIPALITY_VARIABLE;
    public static final String VAR_MUNICIPALITY_NAME = "municipalityName";
    /** The wave the municipality is in, shown on RAG's decision forms; a variable of the decision task only. */
    public static final String VAR_CURRENT_WAVE_CODE = "waveCode";
    public static final String VAR_START_PHASE = "startPhase";
    public static final String VAR_EARLY_START = "earlyStart";
    public static final String VAR_COUNCIL_DECISION = "councilDecision";
    public static final String VAR_CALL_OFF_SIGNED_ON = "callOffAgreementSignedOn";
    public static final String VAR_SERVICE_AGREEMENT_DECISION = "serviceAgreementDecision";
    public static final String VAR_SERVICE_AGREEMENT_SIGNED_ON = "serviceAgreementSignedOn";
    public static final String VAR_SERVICE_AGREEMENT_OUTCOME = "serviceAgreementOutcome";
    public static final String VAR_MISSED_DEADLINE_DECISION = "missedDeadlineDecision";
    public static final String VAR_EXTENDED_DEADLINE = "extendedDeadline";
    public static final String VAR_NEW_WAVE_CODE = "newWaveCode";
    public static final String VAR_LATER_WAVE_OPTIONS = "laterWaveOptions";
    public static final String VAR_WITHDRAWAL_REASON = "withdrawalReason";
    public static final String VAR_DECISION_REASON = "decisionReason";
    public static final String VAR_GO_LIVE_ASSESSMENT = "goLiveAssessment";

    private ProjectProcess() {
    }
}
