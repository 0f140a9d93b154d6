package no.innforing.project;

import static no.innforing.project.ProjectProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import no.innforing.shared.Norwegian;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates the BPMN calls by name ({@code camunda:delegateExpression="${recordWithdrawal}"}): each reads
 * the form's variables, converts them, and calls {@link ProjectService}.
 */
@Configuration
class ProcessDelegates {

    @Bean
    JavaDelegate recordCallOffAgreement(ProjectService projects) {
        return execution -> projects.recordCallOffAgreement(execution.getProcessBusinessKey(),
                FormValues.requireDate(execution, VAR_CALL_OFF_SIGNED_ON, "Dato for signert avropsavtale"));
    }

    @Bean
    JavaDelegate recordServiceAgreement(ProjectService projects) {
        return execution -> projects.recordServiceAgreement(execution.getProcessBusinessKey(),
                FormValues.requireDate(execution, VAR_SERVICE_AGREEMENT_SIGNED_ON, "Dato for signert tjenesteavtale"));
    }

    @Bean
    JavaDelegate recordWithdrawal(ProjectService projects) {
        return execution -> {
            String reason = FormValues.optionalText(execution, VAR_WITHDRAWAL_REASON);
            projects.recordWithdrawal(execution.getProcessBusinessKey(), reason);
        };
    }

    @Bean
    JavaDelegate grantExtension(ProjectService projects) {
        return execution -> projects.grantExtension(execution.getProcessBusinessKey(),
                FormValues.requireDate(execution, VAR_EXTENDED_DEADLINE, "Ny frist"),
                FormValues.optionalText(execution, VAR_DECISION_REASON));
    }

    @Bean
    JavaDelegate moveToLaterWave(ProjectService projects) {
        return execution -> projects.moveToWave(execution.getProcessBusinessKey(),
                FormValues.requireText(execution, VAR_NEW_WAVE_CODE, "Ny bølge"),
                FormValues.requireText(execution, VAR_DECISION_REASON, "Begrunnelse"));
    }

    @Bean
    JavaDelegate recordTermination(ProjectService projects) {
        return execution -> projects.close(execution.getProcessBusinessKey(), ProjectState.ENDED,
                "Avsluttet av RAG etter oversittet frist for tjenesteavtale"
                        + reasonSuffix(FormValues.optionalText(execution, VAR_DECISION_REASON)));
    }

    @Bean
    JavaDelegate recordCompletion(ProjectService projects) {
        return execution -> projects.close(execution.getProcessBusinessKey(), ProjectState.COMPLETED,
                "Stabiliseringen er over og prosjektet er avsluttet");
    }

    /**
     * Offers RAG the waves the municipality can move to, as options of the form's select field, and shows the wave the
     * municipality is in now (a variable of the task alone, read when the task is created: a process variable set at
     * registration would still name the first wave after a move).
     */
    @Bean
    TaskListener offerLaterWaves(ProjectService projects, ObjectMapper json) {
        return task -> {
            DelegateExecution execution = task.getExecution();
            task.setVariableLocal(VAR_CURRENT_WAVE_CODE,
                    projects.openProjectOf(execution.getProcessBusinessKey()).getWave().getCode());
            List<Map<String, String>> options = projects.laterWaves(execution.getProcessBusinessKey()).stream()
                    .map(w -> Map.of("value", w.getCode(), "label", w.getCode() + " – " + w.getName()
                            + " (produksjonssetting " + Norwegian.date(w.getGoLiveDate()) + ")"))
                    .toList();
            task.setVariable(VAR_LATER_WAVE_OPTIONS, SpinValues.jsonValue(toJson(json, options)).create());
        };
    }

    private static String reasonSuffix(String reason) {
        return reason == null ? "" : ": " + reason;
    }

    private static String toJson(ObjectMapper json, List<Map<String, String>> options) {
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
