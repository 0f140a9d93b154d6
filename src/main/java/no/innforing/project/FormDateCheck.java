package no.innforing.project;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Checks the dates of a Camunda Form again on the server when its user task is completed, whoever completes it
 * (Tasklist, the engine REST API, Java): every user task with a {@code camunda:formRef} gets a complete listener,
 * added once while the engine parses the BPMN, that refuses a date field's variable that is not a real date or lies
 * outside the plausible range ({@link FormDateFields#check}). The refusal rolls the completion back, so nothing is
 * stored. The engine wraps a listener's exception in its own English message, so the engine REST API answers the
 * same check earlier, in plain Norwegian ({@link FormDateRequestCheck}).
 */
@Component
public class FormDateCheck extends AbstractProcessEnginePlugin {

    private final FormDateFields dateFields;

    public FormDateCheck(FormDateFields dateFields) {
        this.dateFields = dateFields;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        addParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                String formRef = userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                List<FormDateFields.DateField> fields = formRef == null ? List.of() : dateFields.ofForm(formRef);
                if (!fields.isEmpty() && activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
                    task.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, delegateTask ->
                            fields.forEach(field -> FormDateFields.check(field.label(),
                                    delegateTask.getVariable(field.key()))));
                }
            }
        });
    }

    /** Adds a parse listener before the engine's own ones, keeping those another plugin added. */
    static void addParseListener(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(listener);
        configuration.setCustomPreBPMNParseListeners(listeners);
    }
}
