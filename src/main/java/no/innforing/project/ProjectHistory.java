package no.innforing.project;

import static no.innforing.project.ProjectProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's honest history, newest first: every task completed in Tasklist or through the API (name, who, when and
 * the decision values the form set), from Camunda's history; every registration, agreement, move with its reason,
 * extension, withdrawal and closing, from the project's audit; and what other features add (notifications sent)
 * through {@link Contributor}.
 */
@Service
@Transactional(readOnly = true)
public class ProjectHistory {

    /** One thing that happened. {@code values} are a completed task's decision values, by their Norwegian label. */
    public record Entry(Instant at, String kind, String what, String actor, Map<String, String> values) {
    }

    /** Another feature's part of the history (the notification log), without the project feature depending on it. */
    public interface Contributor {
        List<Entry> entriesOf(ImplementationProject project);
    }

    /** The form values worth keeping in the history, with the labels people read. */
    static final Map<String, String> DECISION_VALUES = new LinkedHashMap<>();

    static {
        DECISION_VALUES.put(VAR_COUNCIL_DECISION, "Vedtak");
        DECISION_VALUES.put(VAR_CALL_OFF_SIGNED_ON, "Avropsavtale signert");
        DECISION_VALUES.put(VAR_SERVICE_AGREEMENT_DECISION, "Beslutning");
        DECISION_VALUES.put(VAR_SERVICE_AGREEMENT_SIGNED_ON, "Tjenesteavtale signert");
        DECISION_VALUES.put(VAR_MISSED_DEADLINE_DECISION, "RAGs beslutning");
        DECISION_VALUES.put(VAR_EXTENDED_DEADLINE, "Ny frist");
        DECISION_VALUES.put(VAR_NEW_WAVE_CODE, "Ny bølge");
        DECISION_VALUES.put(VAR_WITHDRAWAL_REASON, "Begrunnelse for fratreden");
        DECISION_VALUES.put(VAR_DECISION_REASON, "Begrunnelse");
    }

    /** What the audit's actions are called on the page. */
    static final Map<String, String> AUDIT_KINDS = Map.of(
            "REGISTERED", "Registrert", "CALL_OFF_AGREEMENT_SIGNED", "Avtale", "SERVICE_AGREEMENT_SIGNED", "Avtale",
            "MOVED", "Flyttet", "WAVE_MOVED", "Bølgen flyttet", "DEADLINE_EXTENDED", "RAG-beslutning",
            "WITHDRAWN", "Fratrådt", "ENDED", "RAG-beslutning", "COMPLETED", "Fullført");

    private final ProjectService projects;
    private final HistoryService historyService;
    private final List<Contributor> contributors;

    ProjectHistory(ProjectService projects, HistoryService historyService, List<Contributor> contributors) {
        this.projects = projects;
        this.historyService = historyService;
        this.contributors = contributors;
    }

    public List<Entry> of(ImplementationProject project) {
        List<Entry> entries = new ArrayList<>();
        for (ProjectAudit audit : projects.history(project)) {
            entries.add(new Entry(audit.getOccurredAt(), AUDIT_KINDS.getOrDefault(audit.getAction(), audit.getAction()),
                    audit.getDetail(), audit.getActor(), Map.of()));
        }
        if (project.getProcessInstanceId() != null) {
            entries.addAll(completedTasks(project.getProcessInstanceId()));
        }
        contributors.forEach(c -> entries.addAll(c.entriesOf(project)));
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return entries;
    }

    private List<Entry> completedTasks(String processInstanceId) {
        List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).finished().list();
        Map<String, String> completedBy = new HashMap<>();
        for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery()
                .processInstanceId(processInstanceId).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list()) {
            if (entry.getTaskId() != null && entry.getUserId() != null) {
                completedBy.put(entry.getTaskId(), entry.getUserId());
            }
        }
        Map<String, Map<String, String>> valuesByActivityInstance = new HashMap<>();
        for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceId(processInstanceId)
                .variableUpdates().orderByTime().asc().list()) {
            HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
            String label = DECISION_VALUES.get(update.getVariableName());
            if (label == null || update.getValue() == null) {
                continue;
            }
            String key = update.getTaskId() != null ? "task:" + update.getTaskId() : update.getActivityInstanceId();
            valuesByActivityInstance.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(label, text(update.getValue()));
        }
        List<Entry> entries = new ArrayList<>();
        for (HistoricTaskInstance task : tasks) {
            if (task.getEndTime() == null || "deleted".equals(task.getDeleteReason())
                    || (task.getDeleteReason() != null && !"completed".equals(task.getDeleteReason()))) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.putAll(valuesByActivityInstance.getOrDefault(task.getActivityInstanceId(), Map.of()));
            values.putAll(valuesByActivityInstance.getOrDefault("task:" + task.getId(), Map.of()));
            String who = completedBy.getOrDefault(task.getId(), task.getAssignee());
            entries.add(new Entry(task.getEndTime().toInstant(), "Oppgave fullført", task.getName(), who, values));
        }
        return entries;
    }

    private static String text(Object value) {
        if (value instanceof java.util.Date date) {
            return no.innforing.shared.Norwegian.date(LocalDate.ofInstant(date.toInstant(), ProjectSchedule.ZONE));
        }
        String text = String.valueOf(value);
        return switch (text) {
            case "SIGN" -> "Signer";
            case "WITHDRAW" -> "Fratre";
            case "EXTEND" -> "Utsett fristen";
            case "MOVE_WAVE" -> "Flytt til senere bølge";
            case "JOIN" -> "Kommunen deltar";
            case "DECLINE" -> "Kommunen deltar ikke";
            case "END" -> "Avslutt prosjektet";
            case "true" -> "Ja";
            case "false" -> "Nei";
            default -> text.length() >= 10 && text.matches("\\d{4}-\\d{2}-\\d{2}.*")
                    ? no.innforing.shared.Norwegian.date(LocalDate.parse(text.substring(0, 10))) : text;
        };
    }
}
