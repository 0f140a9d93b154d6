package no.innforing.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import no.innforing.project.ProjectScheduleChanged;
import no.innforing.project.WaveMembersRescheduled;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The e-mails that tell a moved wave's members their new schedule, queued by a job of their own just after the move
 * ({@code bpmn/schedule-change-notices.bpmn}) instead of inside it: the move starts one instance with what changed for
 * each member (the {@value #VAR_CHANGES} variable, JSON), in its own transaction, so nothing is lost and a move that
 * rolls back (or is only previewed) queues nothing; the job renders and queues one notification per member
 * ({@link ProcessNotifications#onScheduleChanged}), each once (idempotency key), with retries and a Cockpit
 * incident if it keeps failing. A wave of 60 no longer renders and queues 60 e-mails, each with its delivery
 * instance, while RAG waits for the move.
 */
@Component("scheduleChangeNotices")
public class ScheduleChangeNotices {

    public static final String PROCESS_KEY = "schedule-change-notices";
    static final String VAR_CHANGES = "changes";

    private final RuntimeService runtimeService;
    private final ProcessNotifications notices;
    private final ObjectMapper json;

    ScheduleChangeNotices(RuntimeService runtimeService, ProcessNotifications notices, ObjectMapper json) {
        this.runtimeService = runtimeService;
        this.notices = notices;
        this.json = json;
    }

    @EventListener
    void onWaveMembersRescheduled(WaveMembersRescheduled moved) {
        try {
            runtimeService.startProcessInstanceByKey(PROCESS_KEY, moved.waveCode(), Map.of(VAR_CHANGES,
                    SpinValues.jsonValue(json.writeValueAsString(moved.changes())).create()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The wave move's changes could not be written as JSON", e);
        }
    }

    /** The job: one schedule-change notification per member, queued for delivery. */
    public void queue(DelegateExecution execution) throws JsonProcessingException {
        JsonValue changes = execution.getVariableTyped(VAR_CHANGES, false);
        for (ProjectScheduleChanged changed : json.readValue(changes.getValueSerialized(),
                new TypeReference<List<ProjectScheduleChanged>>() { })) {
            notices.onScheduleChanged(changed);
        }
    }
}
