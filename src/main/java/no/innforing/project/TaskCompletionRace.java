package no.innforing.project;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The same task completed twice at the same moment (two nodes, two clicks): the loser must be refused, never move the
 * process on a second time. The engine reads the task and, later in the same command, its execution; when the winner
 * commits in between, the loser reads an execution that has already moved on to the next activity, and completing the
 * old task would signal that next activity (a user task that is not a scope shares its execution with the flow
 * around it). Every user task gets a complete listener, added while the engine parses the BPMN, that refuses a
 * completion whose execution no longer waits in the task: an {@link OptimisticLockingException}, which the engine
 * REST API and the app answer with 409 and "someone else got there first"; nothing is written.
 */
@Component
public class TaskCompletionRace extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        FormDateCheck.addParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
                    task.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, delegateTask -> {
                        DelegateExecution execution = delegateTask.getExecution();
                        if (execution != null && !activity.getId().equals(execution.getCurrentActivityId())) {
                            throw new OptimisticLockingException("Task " + delegateTask.getId() + " ("
                                    + activity.getId() + ") was completed by someone else; its execution is now in "
                                    + execution.getCurrentActivityId());
                        }
                    });
                }
            }
        });
    }
}
