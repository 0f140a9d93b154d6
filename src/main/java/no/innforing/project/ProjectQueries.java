package no.innforing.project;

import static no.innforing.project.ProjectProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Reads a project's live state from its process instance: the phase it is in and its open tasks. */
@Component
public class ProjectQueries {

    /** Activities outside the phase subprocesses that still belong to a phase (waiting for the next one). */
    static final Map<String, ProjectPhase> PHASE_OF_ACTIVITY = Map.ofEntries(
            Map.entry(SUBPROCESS_POLITICAL_DECISION, ProjectPhase.POLITICAL_DECISION),
            Map.entry(TIMER_PRE_PROJECT_START, ProjectPhase.POLITICAL_DECISION),
            Map.entry(SUBPROCESS_EARLY_START, ProjectPhase.EARLY_START),
            Map.entry(SUBPROCESS_PRE_PROJECT, ProjectPhase.PRE_PROJECT),
            Map.entry(SUBPROCESS_SERVICE_AGREEMENT, ProjectPhase.SERVICE_AGREEMENT),
            Map.entry(TIMER_MAIN_PROJECT_START, ProjectPhase.SERVICE_AGREEMENT),
            Map.entry(SUBPROCESS_MAIN_PROJECT, ProjectPhase.MAIN_PROJECT),
            Map.entry(SUBPROCESS_GO_LIVE, ProjectPhase.GO_LIVE),
            // after no-go, RAG chooses a later wave and moves the project on the top level, outside the go-live phase
            // it then begins again
            Map.entry(TASK_DECIDE_AFTER_NO_GO, ProjectPhase.GO_LIVE),
            Map.entry(SERVICE_TASK_MOVE_TO_LATER_WAVE_AFTER_NO_GO, ProjectPhase.GO_LIVE),
            Map.entry(SUBPROCESS_STABILIZATION, ProjectPhase.STABILIZATION));

    private final TaskService taskService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final EngineRows engineRows;
    private final Map<String, Map<String, ProjectPhase>> phaseMaps = new ConcurrentHashMap<>();

    ProjectQueries(TaskService taskService, ManagementService managementService,
            RepositoryService repositoryService, HistoryService historyService, EngineRows engineRows) {
        this.engineRows = engineRows;
        this.historyService = historyService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
    }

    /**
     * The engine's live state of the given instances: their phase, their open tasks, and the process definition
     * (version) each runs, as far as its tasks and jobs show it (an instance with neither is not in that map).
     */
    public record LiveState(Map<String, ProjectPhase> phaseByInstance, Map<String, List<OpenTask>> tasksByInstance,
            Map<String, String> definitionByInstance) {
    }

    /**
     * What many projects are doing, in three queries whatever their number: the phase each is in (from its open
     * tasks, and from its waiting timers and pending jobs, such as a phase notice that has not run yet) and its open
     * tasks. For the regional overview: {@code processInstanceIds} are the instances whose phase is wanted. The
     * tasks and jobs are read with {@link EngineRows}, only the columns needed.
     */
    public LiveState liveState(java.util.Collection<String> processInstanceIds) {
        Map<String, ProjectPhase> phases = new java.util.HashMap<>();
        Map<String, List<OpenTask>> tasks = new java.util.HashMap<>();
        Map<String, String> definitions = new java.util.HashMap<>();
        for (EngineRows.TaskRow task : engineRows.openTasks(PROCESS_KEY)) {
            definitions.put(task.processInstanceId(), task.processDefinitionId());
            tasks.computeIfAbsent(task.processInstanceId(), id -> new java.util.ArrayList<>())
                    .add(openTask(task.id(), task.taskDefinitionKey(), task.name(), task.due(), null));
            ProjectPhase phase = phaseMap(task.processDefinitionId()).get(task.taskDefinitionKey());
            if (phase != null) {
                phases.putIfAbsent(task.processInstanceId(), phase);
            }
        }
        // An instance with an open task is in that task's phase; only the others need their jobs (a waiting timer,
        // a pending phase notice). Reading the jobs of every instance would read their reminders for nothing.
        List<String> withoutTasks = processInstanceIds.stream().filter(java.util.Objects::nonNull)
                .filter(id -> !tasks.containsKey(id)).distinct().toList();
        if (!withoutTasks.isEmpty()) {
            Map<String, String> activityByJobDefinition = new java.util.HashMap<>();
            managementService.createJobDefinitionQuery().processDefinitionKey(PROCESS_KEY).list()
                    .forEach(d -> activityByJobDefinition.put(d.getId(), d.getActivityId()));
            for (EngineRows.JobRow job : engineRows.jobs(withoutTasks)) {
                if (job.processDefinitionId() != null) {
                    definitions.put(job.processInstanceId(), job.processDefinitionId());
                }
                ProjectPhase phase = job.processDefinitionId() == null ? null
                        : phaseMap(job.processDefinitionId()).get(activityByJobDefinition.get(job.jobDefinitionId()));
                if (phase != null) {
                    phases.putIfAbsent(job.processInstanceId(), phase);
                }
            }
        }
        tasks.values().forEach(list -> list.sort(java.util.Comparator.comparing(OpenTask::due,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))));
        return new LiveState(phases, tasks, definitions);
    }

    /** The day each project's early start (tjuvstart) began, by process instance: one history query for all. */
    public Map<String, LocalDate> earlyStartDays() {
        Map<String, LocalDate> days = new java.util.HashMap<>();
        historyService.createHistoricActivityInstanceQuery().activityId(SUBPROCESS_EARLY_START).list()
                .forEach(a -> days.merge(a.getProcessInstanceId(),
                        LocalDate.ofInstant(a.getStartTime().toInstant(), ProjectSchedule.ZONE),
                        (x, y) -> x.isBefore(y) ? x : y));
        return days;
    }

    /** The day the instance first entered the activity (Oslo date), or null when it never has. */
    public LocalDate enteredOn(String processInstanceId, String activityId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(activityId).orderByHistoricActivityInstanceStartTime().asc().listPage(0, 1).stream()
                .findFirst().map(a -> LocalDate.ofInstant(a.getStartTime().toInstant(), ProjectSchedule.ZONE))
                .orElse(null);
    }

    /** Every activity of the process mapped to the phase it belongs to (its enclosing phase subprocess). */
    private Map<String, ProjectPhase> phaseMap(String processDefinitionId) {
        return phaseMaps.computeIfAbsent(processDefinitionId, id -> {
            Map<String, ProjectPhase> map = new java.util.HashMap<>(PHASE_OF_ACTIVITY);
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(id);
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                ModelElementInstance parent = node;
                while (parent != null) {
                    ProjectPhase phase = parent instanceof BaseElement element ? PHASE_OF_ACTIVITY.get(element.getId())
                            : null;
                    if (phase != null) {
                        map.put(node.getId(), phase);
                        break;
                    }
                    parent = parent.getParentElement();
                }
            }
            return map;
        });
    }

    /** The phase the running instance is in, or null when the instance has ended. */
    public ProjectPhase currentPhase(String processInstanceId) {
        return processInstanceId == null ? null : currentPhases(List.of(processInstanceId)).get(processInstanceId);
    }

    /**
     * The phase each running instance is in, with one query for all of them (a wave move plans all its members at
     * once): the phase subprocess (or the wait between two phases) whose activity instance is open. An instance that
     * has ended, or waits outside every phase, is not in the map. The main path runs one phase at a time; should an
     * instance have two open (a process-instance modification could start one beside another), the later one counts.
     */
    public Map<String, ProjectPhase> currentPhases(java.util.Collection<String> processInstanceIds) {
        List<String> ids = processInstanceIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, ProjectPhase> phases = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return phases;
        }
        for (EngineRows.OpenActivity open : engineRows.openActivities(ids, PHASE_OF_ACTIVITY.keySet())) {
            phases.merge(open.processInstanceId(), PHASE_OF_ACTIVITY.get(open.activityId()),
                    (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return phases;
    }

    /** An open user task as the API shows it. */
    public record OpenTask(String id, String taskDefinitionKey, String name, LocalDate due, String candidateGroup) {
    }

    public List<OpenTask> openTasks(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        return taskService.createTaskQuery().processInstanceId(processInstanceId).orderByDueDate().asc()
                .orderByTaskName().asc().list().stream().map(task -> toOpenTask(task, candidateGroup(task)))
                .toList();
    }

    private String candidateGroup(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse(null);
    }

    private OpenTask toOpenTask(Task task, String group) {
        return openTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), group);
    }

    /** An open task with its due moment as the Oslo day it falls on. */
    private static OpenTask openTask(String id, String taskDefinitionKey, String name, Instant due, String group) {
        return new OpenTask(id, taskDefinitionKey, name,
                due == null ? null : LocalDate.ofInstant(due, ProjectSchedule.ZONE), group);
    }
}
