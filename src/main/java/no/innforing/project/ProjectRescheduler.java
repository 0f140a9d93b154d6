package no.innforing.project;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * One call that makes a running project follow its schedule again after a date changed (a wave moved, a project
 * moved to another wave, an extension): every timer re-reads its date from the schedule
 * ({@code recalculateJobDuedate}), every open task gets its due date by the rule in {@link TaskDeadlines}, and the
 * service-agreement reminders are planned afresh (those already past are recorded as skipped, not sent).
 */
@Service
public class ProjectRescheduler {

    private final ProjectRepository projects;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final TransactionTemplate separately;

    ProjectRescheduler(ProjectRepository projects, ManagementService managementService, TaskService taskService,
            RuntimeService runtimeService, RepositoryService repositoryService, PlatformTransactionManager transactions) {
        this.projects = projects;
        this.managementService = managementService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional
    public void reschedule(String processInstanceId) {
        ImplementationProject project = projects.findByProcessInstanceId(processInstanceId).orElseThrow();
        ProjectSchedule schedule = project.schedule();
        for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            managementService.recalculateJobDuedate(timer.getId(), false);
        }
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
            String rule = TaskDeadlines.ruleKey(task.getTaskDefinitionKey(), repositoryService
                    .getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey()));
            if (TaskDeadlines.hasRule(rule)) {
                task.setDueDate(ProjectSchedule.endOfDay(TaskDeadlines.dueDay(rule, schedule)));
                taskService.saveTask(task);
            }
        }
        var modification = runtimeService.createProcessInstanceModification(processInstanceId);
        boolean remindersRunning = hasActivity(runtimeService.getActivityInstance(processInstanceId),
                ProjectProcess.SUBPROCESS_REMINDERS);
        if (remindersRunning) {
            modification.cancelAllForActivity(ProjectProcess.SUBPROCESS_REMINDERS);
        }
        if (!project.isServiceAgreementSigned()) {
            modification.startBeforeActivity(ProjectProcess.SUBPROCESS_REMINDERS);
        }
        if (remindersRunning || !project.isServiceAgreementSigned()) {
            modification.execute();
        }
    }

    /**
     * Reschedules once the current transaction has committed: for changes made while the process itself is
     * executing (a delegate), which must not modify its own instance mid-flight.
     */
    public void rescheduleAfterCommit(String processInstanceId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            reschedule(processInstanceId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                separately.executeWithoutResult(status -> reschedule(processInstanceId));
            }
        });
    }

    private static boolean hasActivity(ActivityInstance instance, String activityId) {
        if (instance == null) {
            return false;
        }
        if (activityId.equals(instance.getActivityId())) {
            return true;
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (hasActivity(child, activityId)) {
                return true;
            }
        }
        return false;
    }
}
