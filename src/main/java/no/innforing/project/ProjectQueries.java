package no.innforing.project;

import static no.innforing.project.ProjectProcess.*;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Reads a project's live state from its process instance: the phase it is in and its open tasks. */
@Component
public class ProjectQueries {

    /** Activities outside the phase subprocesses that still belong to a phase (waiting for the next one). */
    private static final Map<String, ProjectPhase> PHASE_OF_ACTIVITY = Map.ofEntries(
            Map.entry(SUBPROCESS_POLITICAL_DECISION, ProjectPhase.POLITICAL_DECISION),
            Map.entry(TIMER_PRE_PROJECT_START, ProjectPhase.POLITICAL_DECISION),
            Map.entry(SUBPROCESS_EARLY_START, ProjectPhase.EARLY_START),
            Map.entry(SUBPROCESS_PRE_PROJECT, ProjectPhase.PRE_PROJECT),
            Map.entry(SUBPROCESS_SERVICE_AGREEMENT, ProjectPhase.SERVICE_AGREEMENT),
            Map.entry(TIMER_MAIN_PROJECT_START, ProjectPhase.SERVICE_AGREEMENT),
            Map.entry(SUBPROCESS_MAIN_PROJECT, ProjectPhase.MAIN_PROJECT),
            Map.entry(SUBPROCESS_GO_LIVE, ProjectPhase.GO_LIVE),
            Map.entry(SUBPROCESS_STABILIZATION, ProjectPhase.STABILIZATION));

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    ProjectQueries(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** The phase the running instance is in, or null when the instance has ended. */
    public ProjectPhase currentPhase(String processInstanceId) {
        ActivityInstance root = processInstanceId == null ? null : runtimeService.getActivityInstance(processInstanceId);
        if (root == null) {
            return null;
        }
        Deque<ActivityInstance> queue = new ArrayDeque<>(List.of(root.getChildActivityInstances()));
        while (!queue.isEmpty()) {
            ActivityInstance child = queue.poll();
            ProjectPhase phase = PHASE_OF_ACTIVITY.get(child.getActivityId());
            if (phase != null) {
                return phase;
            }
            queue.addAll(List.of(child.getChildActivityInstances()));
        }
        return null;
    }

    /** An open user task as the API shows it. */
    public record OpenTask(String id, String taskDefinitionKey, String name, LocalDate due, String candidateGroup) {
    }

    public List<OpenTask> openTasks(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        return taskService.createTaskQuery().processInstanceId(processInstanceId).orderByDueDate().asc()
                .orderByTaskName().asc().list().stream().map(this::toOpenTask).toList();
    }

    private OpenTask toOpenTask(Task task) {
        String group = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse(null);
        LocalDate due = task.getDueDate() == null ? null
                : LocalDate.ofInstant(task.getDueDate().toInstant(), ProjectSchedule.ZONE);
        return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), due, group);
    }
}
