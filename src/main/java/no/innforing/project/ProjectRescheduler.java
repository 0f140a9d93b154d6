package no.innforing.project;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * One call that makes a running project follow its schedule again after a date changed (a wave moved, a project
 * moved to another wave, an extension): every timer re-reads its date from the schedule ({@link RecalculateTimers},
 * the engine's {@code recalculateJobDuedate} for each), every open task gets its due date by the rule in
 * {@link TaskDeadlines}, and the service-agreement reminders are planned afresh (those already past are recorded as
 * skipped, not sent). When planning them afresh would plan exactly the reminders already waiting
 * ({@link ReminderPlanning}), their recalculated timers are all it takes, and the reminders subprocess is left
 * running instead of being cancelled and started again (which costs some 170 SQL statements per member).
 */
@Service
public class ProjectRescheduler {

    private final ProjectRepository projects;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final TransactionTemplate separately;
    private final Supplier<ReminderPlanning> reminderPlanning;
    private final CommandExecutor engineCommand;

    ProjectRescheduler(ProjectRepository projects, TaskService taskService,
            RuntimeService runtimeService, RepositoryService repositoryService, PlatformTransactionManager transactions,
            ObjectProvider<ReminderPlanning> reminderPlanning, ProcessEngine engine) {
        // looked up once it is first needed (the notification feature implements it), not once per member of a move
        this.reminderPlanning = SingletonSupplier.of(reminderPlanning::getIfAvailable);
        this.engineCommand = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.projects = projects;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional
    public void reschedule(String processInstanceId) {
        reschedule(projects.findByProcessInstanceId(processInstanceId).orElseThrow());
    }

    /** The same for a project already at hand (a wave move has every member loaded: no query, no flush per member). */
    @Transactional
    public void reschedule(ImplementationProject project) {
        String processInstanceId = project.getProcessInstanceId();
        ProjectSchedule schedule = project.schedule();
        List<String> timers = engineCommand.execute(new RecalculateTimers(processInstanceId));
        var models = new java.util.HashMap<String, org.camunda.bpm.model.bpmn.BpmnModelInstance>();
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
            String rule = TaskDeadlines.ruleKey(task.getTaskDefinitionKey(), models
                    .computeIfAbsent(task.getProcessDefinitionId(), repositoryService::getBpmnModelInstance)
                    .getModelElementById(task.getTaskDefinitionKey()));
            if (TaskDeadlines.hasRule(rule)) {
                task.setDueDate(ProjectSchedule.endOfDay(TaskDeadlines.dueDay(rule, schedule)));
                taskService.saveTask(task);
            }
        }
        int reminderTimers = (int) timers.stream().filter(ProjectProcess.TIMER_REMINDER::equals).count();
        if (remindersFollowTheirTimers(project, processInstanceId, reminderTimers)) {
            return;
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

    /** True when the waiting reminders, their timers now recalculated, are exactly those a fresh plan would give. */
    private boolean remindersFollowTheirTimers(ImplementationProject project, String processInstanceId,
            int waitingTimers) {
        ReminderPlanning planning = reminderPlanning.get();
        if (planning == null || project.isServiceAgreementSigned()) {
            return false;
        }
        List<VariableInstance> reminders = runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId).variableName(ProjectProcess.VAR_REMINDER_DAYS).list();
        if (reminders.isEmpty() || reminders.size() != waitingTimers) {
            return false;   // none planned, or one is past its timer (being sent): plan afresh
        }
        return planning.plansExactly(project, reminders.stream()
                .map(variable -> ((Number) variable.getValue()).intValue()).toList());
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
