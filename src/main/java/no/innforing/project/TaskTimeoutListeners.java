package no.innforing.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationType;
import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of {@code municipal-implementation} the two overdue notices, in one place instead of a
 * copied {@code <camunda:taskListener event="timeout">} per task: {@code TaskOverdue} (the project leader, the first
 * working day after the due day) and {@code TaskOverdueForRag} (RAG, a week later). Their timer dates come from
 * {@code ${reminders.…(execution)}}, so a moved schedule moves them.
 *
 * <p>The listeners are added while the engine parses the BPMN, exactly as {@code BpmnParse.parseTimeoutTaskListener}
 * adds a declared one: a timeout listener on the task definition, a timer declaration on the task, and a job
 * declaration so that the deployment gets a job definition per listener (job queries by activity, Cockpit and
 * migration need it). A {@code BpmnParseListener} cannot register a job declaration (it is never handed the parse),
 * so this plugin gives the engine a parse that does. A task that declares a listener of the same id itself (an older
 * deployed version of the XML) keeps its own.
 */
@Component
public class TaskTimeoutListeners extends AbstractProcessEnginePlugin {

    public static final String OVERDUE_LISTENER_ID = "TaskOverdue";
    public static final String OVERDUE_FOR_RAG_LISTENER_ID = "TaskOverdueForRag";

    /** A timeout listener: its id, the listener bean and when it fires. */
    public record Listener(String id, String delegateExpression, String timeDate) {
    }

    public static final List<Listener> LISTENERS = List.of(
            new Listener(OVERDUE_LISTENER_ID, "${taskOverdue}", "${reminders.taskOverdue(execution)}"),
            new Listener(OVERDUE_FOR_RAG_LISTENER_ID, "${taskOverdueForRag}", "${reminders.taskOverdueForRag(execution)}"));

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getBpmnParseFactory() != null
                && !(configuration.getBpmnParseFactory() instanceof DefaultBpmnParseFactory)) {
            throw new IllegalStateException("Another BPMN parse factory is configured: "
                    + configuration.getBpmnParseFactory() + "; the task timeout listeners cannot be added");
        }
        configuration.setBpmnParseFactory(Parse::new);
    }

    static class Parse extends BpmnParse {

        Parse(BpmnParser parser) {
            super(parser);
        }

        @Override
        protected void parseTaskListeners(Element taskElement, ActivityImpl activity, TaskDefinition taskDefinition) {
            super.parseTaskListeners(taskElement, activity, taskDefinition);
            ProcessDefinitionEntity process = (ProcessDefinitionEntity) activity.getProcessDefinition();
            if (!ProjectProcess.PROCESS_KEY.equals(process.getKey())) {
                return;
            }
            for (Listener listener : LISTENERS) {
                if (taskDefinition.getTimeoutTaskListener(listener.id()) == null) {
                    addTimeoutListener(activity, taskDefinition, process, listener.id(),
                            listener.delegateExpression(), listener.timeDate());
                }
            }
        }

        /** What {@code parseTimeoutTaskListener} and {@code parseTimer} do for a declared timeout listener. */
        private void addTimeoutListener(ActivityImpl activity, TaskDefinition taskDefinition,
                ProcessDefinitionEntity process, String id, String delegateExpression, String timeDate) {
            activity.setScope(true);
            activity.setEventScope(activity);
            Expression date = expressionManager.createExpression(timeDate);
            TimerDeclarationImpl timer = new TimerDeclarationImpl(date, TimerDeclarationType.DATE,
                    TimerTaskListenerJobHandler.TYPE);
            timer.setRawJobHandlerConfiguration(activity.getId() + TimerEventJobHandler.JOB_HANDLER_CONFIG_PROPERTY_DELIMITER
                    + TimerEventJobHandler.JOB_HANDLER_CONFIG_TASK_LISTENER_PREFIX + id);
            timer.setExclusive(true);
            timer.setActivity(activity);
            timer.setJobConfiguration(TimerDeclarationType.DATE + ": " + timeDate);
            timer.setJobPriorityProvider((ParameterValueProvider) activity.getProperty(PROPERTYNAME_JOB_PRIORITY));
            addJobDeclarationToProcessDefinition(timer, process);

            Map<String, Map<String, TimerDeclarationImpl>> declarations =
                    activity.getProperties().get(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS);
            if (declarations != null && declarations.containsKey(activity.getId())) {
                declarations.get(activity.getId()).put(id, timer);
            } else {
                Map<String, TimerDeclarationImpl> byListener = new HashMap<>();
                byListener.put(id, timer);
                activity.getProperties().putMapEntry(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS, activity.getId(),
                        byListener);
            }
            taskDefinition.addTimeoutTaskListener(id,
                    new DelegateExpressionTaskListener(expressionManager.createExpression(delegateExpression), List.of()));
        }
    }
}
