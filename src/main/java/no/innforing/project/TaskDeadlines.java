package no.innforing.project;

import static no.innforing.project.ProjectProcess.*;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * When each user task is due, as a rule on the project's schedule. One table, so that a moved go-live date
 * gives every open task its new due date by the same rule that gave it the first one.
 */
public final class TaskDeadlines {

    /**
     * A user task added in a new version of the method may share an existing task's rule without a code change:
     * {@code <camunda:property name="dueLike" value="Task_TrainingPlan"/>} in its extension elements.
     */
    public static final String DUE_LIKE_PROPERTY = "dueLike";

    private static final Map<String, Function<ProjectSchedule, LocalDate>> RULES = Map.ofEntries(
            Map.entry(TASK_REGISTER_POLITICAL_DECISION, s -> s.preProjectStart().minusMonths(2)),
            Map.entry(TASK_SIGN_CALL_OFF_AGREEMENT, s -> s.preProjectStart().minusDays(1)),
            Map.entry(TASK_PLAN_EARLY_START, ProjectSchedule::preProjectStart),
            Map.entry(TASK_ESTABLISH_PROJECT_ORGANISATION, s -> s.preProjectStart().plusMonths(1)),
            Map.entry(TASK_MATURITY_ANALYSIS, s -> s.preProjectStart().plusMonths(3)),
            Map.entry(TASK_COMMUNICATION_PLAN, s -> s.preProjectStart().plusMonths(3)),
            Map.entry(TASK_RISK_ANALYSIS, s -> s.preProjectStart().plusMonths(4)),
            Map.entry(TASK_MAP_CURRENT_SYSTEMS, s -> s.preProjectStart().plusMonths(4)),
            Map.entry(TASK_BENEFIT_PLAN, s -> s.preProjectStart().plusMonths(5)),
            Map.entry(TASK_SIGN_SERVICE_AGREEMENT, ProjectSchedule::serviceAgreementDue),
            Map.entry(TASK_DECIDE_MISSED_DEADLINE, s -> s.serviceAgreementDue().plusDays(14)),
            Map.entry(TASK_TRAINING_PLAN, s -> s.mainProjectStart().plusMonths(2)),
            Map.entry(TASK_REVIEW_RISKS_MAIN_PROJECT, s -> s.mainProjectStart().plusMonths(1)),
            Map.entry(TASK_REVIEW_RISKS_STABILIZATION, s -> s.goLive().plusWeeks(2)),
            Map.entry(TASK_TECHNICAL_READINESS, s -> s.goLive().minusMonths(3)),
            Map.entry(TASK_ADAPT_WORK_PROCESSES, s -> s.goLive().minusMonths(2)),
            Map.entry(TASK_ORDER_ACCESS, s -> s.goLive().minusWeeks(6)),
            Map.entry(TASK_TRAIN_SUPER_USERS, s -> s.goLive().minusMonths(3)),
            Map.entry(TASK_TRAIN_END_USERS, s -> s.goLive().minusWeeks(2)),
            Map.entry(TASK_ASSESS_GO_LIVE_READINESS, s -> s.goLive().minusWeeks(2)),
            Map.entry(TASK_DECIDE_AFTER_NO_GO, s -> s.goLive().minusWeeks(1)),
            Map.entry(TASK_CUT_OVER, ProjectSchedule::goLive),
            Map.entry(TASK_FOLLOW_UP_ERRORS, s -> s.goLive().plusMonths(3)),
            Map.entry(TASK_HAND_OVER_TO_OPERATIONS, ProjectSchedule::stabilizationEnd),
            Map.entry(TASK_CLOSE_PROJECT, s -> s.stabilizationEnd().plusMonths(1)));

    private TaskDeadlines() {
    }

    /** The day the task is due, or an exception naming a task that has no rule (a modelling error). */
    public static LocalDate dueDay(String taskDefinitionKey, ProjectSchedule schedule) {
        Function<ProjectSchedule, LocalDate> rule = RULES.get(taskDefinitionKey);
        if (rule == null) {
            throw new IllegalStateException("No due-date rule for user task " + taskDefinitionKey);
        }
        return rule.apply(schedule);
    }

    public static boolean hasRule(String taskDefinitionKey) {
        return RULES.containsKey(taskDefinitionKey);
    }

    /** The due day of the user task the execution is creating: its own rule, or the one its {@code dueLike} names. */
    public static LocalDate dueDay(DelegateExecution execution, ProjectSchedule schedule) {
        String taskKey = execution.getCurrentActivityId();
        // the BPMN model (read and parsed on first use per process version) only for a task without a rule of its own
        return dueDay(RULES.containsKey(taskKey) ? taskKey : ruleKey(taskKey, execution.getBpmnModelElementInstance()),
                schedule);
    }

    /** Whose rule a task follows: its own, or the task named by its {@code dueLike} property. */
    public static String ruleKey(String taskDefinitionKey, ModelElementInstance element) {
        if (RULES.containsKey(taskDefinitionKey) || !(element instanceof BaseElement task)
                || task.getExtensionElements() == null) {
            return taskDefinitionKey;
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> DUE_LIKE_PROPERTY.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(taskDefinitionKey);
    }
}
