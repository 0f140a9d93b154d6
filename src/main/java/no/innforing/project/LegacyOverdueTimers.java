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
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Keeps the process versions deployed before the overdue sweep as they were deployed. Until then this plugin gave
 * every user task of {@code municipal-implementation} two timeout listeners while the engine parsed ({@code TaskOverdue}
 * and {@code TaskOverdueForRag}, each with a timer job per task); that made each user task a scope, so the running
 * instances of those versions have an execution tree with a scope execution per open task, and the engine would
 * misread it if the same XML were now parsed without them. So a definition whose deployment created the overdue
 * timers' job definitions is parsed with them again; a new deployment never gets them (its tasks are no scopes and
 * create no timers). The listeners do nothing any more: {@code notification.OverdueNotices} sends every overdue
 * notice, for old and new versions alike, once per task and due day, so an old timer that fires queues nothing.
 * Such instances can be moved to a new version on {@code /process-versions}, which leaves their timers behind.
 */
@Component
public class LegacyOverdueTimers extends AbstractProcessEnginePlugin {

    static final String OVERDUE_LISTENER_ID = "TaskOverdue";
    static final String OVERDUE_FOR_RAG_LISTENER_ID = "TaskOverdueForRag";

    /** A timeout listener as it was deployed: its id, the listener bean and when it fires. */
    record Listener(String id, String delegateExpression, String timeDate) {
    }

    static final List<Listener> LISTENERS = List.of(
            new Listener(OVERDUE_LISTENER_ID, "${taskOverdue}", "${reminders.taskOverdue(execution)}"),
            new Listener(OVERDUE_FOR_RAG_LISTENER_ID, "${taskOverdueForRag}", "${reminders.taskOverdueForRag(execution)}"));

    /** The old listeners' beans: nothing to do, the sweep sends the notices. */
    @Bean
    TaskListener taskOverdue() {
        return task -> { };
    }

    /** See {@link #taskOverdue()}. */
    @Bean
    TaskListener taskOverdueForRag() {
        return task -> { };
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getBpmnParseFactory() != null
                && !(configuration.getBpmnParseFactory() instanceof DefaultBpmnParseFactory)) {
            throw new IllegalStateException("Another BPMN parse factory is configured: "
                    + configuration.getBpmnParseFactory() + "; the legacy overdue timers cannot be parsed");
        }
        configuration.setBpmnParseFactory(Parse::new);
    }

    static class Parse extends BpmnParse {

        private Boolean legacy;

        Parse(BpmnParser parser) {
            super(parser);
        }

        @Override
        protected void parseTaskListeners(Element taskElement, ActivityImpl activity, TaskDefinition taskDefinition) {
            super.parseTaskListeners(taskElement, activity, taskDefinition);
            ProcessDefinitionEntity process = (ProcessDefinitionEntity) activity.getProcessDefinition();
            if (!ProjectProcess.PROCESS_KEY.equals(process.getKey()) || !deployedWithOverdueTimers(process)) {
                return;
            }
            for (Listener listener : LISTENERS) {
                if (taskDefinition.getTimeoutTaskListener(listener.id()) == null) {
                    addTimeoutListener(activity, taskDefinition, process, listener.id(),
                            listener.delegateExpression(), listener.timeDate());
                }
            }
        }

        /**
         * Whether this definition was deployed with the overdue timers: never for a new deployment; for one read
         * again from the database, when its deployment made their job definitions. Asked once per parse.
         */
        private boolean deployedWithOverdueTimers(ProcessDefinitionEntity process) {
            if (legacy == null) {
                legacy = false;
                if (deployment != null && !deployment.isNew() && Context.getCommandContext() != null) {
                    CommandContext command = Context.getCommandContext();
                    ProcessDefinitionEntity persisted = command.getProcessDefinitionManager()
                            .findProcessDefinitionByDeploymentAndKey(deployment.getId(), process.getKey());
                    legacy = persisted != null && command.getJobDefinitionManager()
                            .findByProcessDefinitionId(persisted.getId()).stream()
                            .anyMatch(definition -> TimerTaskListenerJobHandler.TYPE.equals(definition.getJobType())
                                    && String.valueOf(definition.getJobConfiguration()).contains("reminders.taskOverdue"));
                }
            }
            return legacy;
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
