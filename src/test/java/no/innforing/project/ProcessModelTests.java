package no.innforing.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.innforing.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checks the files in {@code bpmn/} and {@code forms/} against what the engine deployed: every formRef has a
 * deployed form, every user task has a Norwegian name, a candidate group and a due-date rule, and every process
 * keeps its history for years.
 */
class ProcessModelTests extends IntegrationTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.springframework.context.ApplicationContext applicationContext;

    @Test
    void everyFormRefInBpmnHasADeployedForm() throws IOException {
        Set<String> deployedForms = deployedFormIds();
        List<String> missing = new ArrayList<>();
        for (File file : bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String formRef = task.getCamundaFormRef();
                assertThat(formRef).as("formRef of " + task.getId() + " in " + file.getName()).isNotBlank();
                assertThat(task.getCamundaFormRefBinding()).as("formRefBinding of " + task.getId()).isEqualTo("latest");
                if (!deployedForms.contains(formRef)) {
                    missing.add(file.getName() + ": " + task.getId() + " -> " + formRef);
                }
            }
        }
        assertThat(missing).as("formRefs without a deployed form").isEmpty();
        assertThat(deployedForms).as("forms/ files deployed").hasSize(new File("forms").listFiles().length);
    }

    @Test
    void everyUserTaskHasANameACandidateGroupAndADueDate() {
        for (File file : bpmnFiles()) {
            for (UserTask task : Bpmn.readModelFromFile(file).getModelElementsByType(UserTask.class)) {
                assertThat(task.getName()).as("name of " + task.getId()).isNotBlank();
                assertThat(task.getCamundaCandidateGroups()).as("candidate group of " + task.getId()).isNotBlank();
                assertThat(task.getCamundaDueDate()).as("due date of " + task.getId()).matches("\\$\\{.+}");
            }
        }
    }

    @Test
    void everyTaskOfTheImplementationProcessIsDueByARuleOnTheSchedule() {
        for (UserTask task : Bpmn.readModelFromFile(new File("bpmn/municipal-implementation.bpmn"))
                .getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaDueDate()).as("due date of " + task.getId())
                    .isEqualTo("${schedule.taskDue(execution)}");
            assertThat(TaskDeadlines.hasRule(task.getId())).as("due-date rule for " + task.getId()).isTrue();
        }
    }

    /**
     * The overdue notices come from one periodic sweep, not from timers on every user task: the deployed
     * implementation process has no timeout listeners and no overdue timers (its user tasks create no job), and the
     * {@code overdue-sweep} process starts every quarter hour and queues the notices in a job of its own with retries.
     */
    @Test
    void overdueNoticesComeFromOneQuarterHourlySweepNotFromTimersOnEveryTask() {
        ProcessDefinition deployed = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProjectProcess.PROCESS_KEY).latestVersion().singleResult();
        ProcessDefinitionEntity parsed = (ProcessDefinitionEntity) ((RepositoryServiceImpl) repositoryService)
                .getDeployedProcessDefinition(deployed.getId());
        List<UserTask> userTasks = List.copyOf(Bpmn.readModelFromFile(new File("bpmn/municipal-implementation.bpmn"))
                .getModelElementsByType(UserTask.class));
        assertThat(userTasks).hasSize(25);
        for (UserTask task : userTasks) {
            TaskDefinition definition = parsed.getTaskDefinitions().get(task.getId());
            assertThat(definition.getTimeoutTaskListener("TaskOverdue")).as("overdue listener of " + task.getId()).isNull();
            assertThat(TimerDeclarationImpl.getTimeoutListenerDeclarationsForScope(parsed.findActivity(task.getId())))
                    .as("timeout timers of " + task.getId()).isEmpty();
        }
        assertThat(managementService.createJobDefinitionQuery().processDefinitionId(deployed.getId())
                .jobType(TimerTaskListenerJobHandler.TYPE).list()).isEmpty();

        BpmnModelInstance sweep = Bpmn.readModelFromFile(new File("bpmn/overdue-sweep.bpmn"));
        assertThat(sweep.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimeCycle.class))
                .extracting(org.camunda.bpm.model.bpmn.instance.TimeCycle::getTextContent)
                .containsExactly("0 0/15 * * * ?");
        ServiceTask queue = sweep.getModelElementById("ServiceTask_QueueOverdueNotices");
        assertThat(queue.isCamundaAsyncBefore()).isTrue();
        assertThat(queue.getCamundaExpression()).isEqualTo("${overdueNotices.sweep()}");
        assertThat(queue.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
                .singleResult().getTextContent()).isEqualTo("R3/PT5M");
        assertThat(managementService.createJobQuery().processDefinitionKey("overdue-sweep").timers().count())
                .as("one sweep timer in the whole engine").isOne();
    }

    /**
     * A version deployed before the sweep got the two overdue listeners per user task while the engine parsed it, which
     * made its user tasks scopes: read again from the database (after a restart) it must be parsed the same way, or the
     * engine would misread its running instances' execution trees. Its listeners do nothing now. A copy of the
     * process is deployed, given the old overdue timer's job definition as such a deployment has it, and read again.
     */
    @Test
    void aVersionDeployedWithTheOldOverdueTimersIsReadWithThemAndTheirListenersDoNothing() {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProjectProcess.PROCESS_KEY).latestVersion().singleResult();
        var deployment = repositoryService.createDeployment().name("old overdue timers")
                .addModelInstance("municipal-implementation.bpmn", repositoryService.getBpmnModelInstance(latest.getId()))
                .deploy();
        try {
            ProcessDefinition old = repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
                    .singleResult();
            RepositoryServiceImpl repository = (RepositoryServiceImpl) repositoryService;
            String task = ProjectProcess.TASK_ESTABLISH_PROJECT_ORGANISATION;
            assertThat(((ProcessDefinitionEntity) repository.getDeployedProcessDefinition(old.getId()))
                    .getTaskDefinitions().get(task).getTimeoutTaskListener("TaskOverdue")).as("a new deployment")
                    .isNull();

            jdbc.update("insert into ACT_RU_JOBDEF (ID_, REV_, PROC_DEF_ID_, PROC_DEF_KEY_, ACT_ID_, JOB_TYPE_, "
                    + "JOB_CONFIGURATION_, SUSPENSION_STATE_, DEPLOYMENT_ID_) values (?, 1, ?, ?, ?, ?, ?, 1, ?)",
                    "old-overdue-" + old.getId().hashCode(), old.getId(), ProjectProcess.PROCESS_KEY, task,
                    TimerTaskListenerJobHandler.TYPE, "DATE: ${reminders.taskOverdue(execution)}", deployment.getId());
            ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine
                    .getProcessEngineConfiguration()).getDeploymentCache().removeProcessDefinition(old.getId());

            ProcessDefinitionEntity reread = (ProcessDefinitionEntity) repository.getDeployedProcessDefinition(old.getId());
            for (String id : List.of("TaskOverdue", "TaskOverdueForRag")) {
                TaskListener listener = reread.getTaskDefinitions().get(task).getTimeoutTaskListener(id);
                assertThat(listener).as(id).isInstanceOf(DelegateExpressionTaskListener.class);
                assertThat(TimerDeclarationImpl.getTimeoutListenerDeclarationsForScope(reread.findActivity(task))
                        .get(task)).containsKey(id);
            }
            assertThat(reread.findActivity(task).isScope()).isTrue();
            org.camunda.bpm.engine.delegate.DelegateTask noTask = null;
            applicationContext.getBean("taskOverdue", TaskListener.class).notify(noTask);   // does nothing
            applicationContext.getBean("taskOverdueForRag", TaskListener.class).notify(noTask);
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    /**
     * Issue 16: notifications are named service tasks the diagram shows, not execution listeners. Each runs in its
     * own job (asynchronous before) with the notification retry cycle, and has a Norwegian name and a shape.
     */
    @Test
    void notificationsOfTheImplementationProcessAreServiceTasksNotListeners() {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/municipal-implementation.bpmn"));
        assertThat(model.getModelElementsByType(CamundaExecutionListener.class))
                .filteredOn(listener -> listener.getCamundaExpression() != null
                        && listener.getCamundaExpression().contains("notifications."))
                .extracting(listener -> ((org.camunda.bpm.model.bpmn.instance.BaseElement) listener.getParentElement()
                        .getParentElement()).getId())
                .as("execution listeners that send notifications").isEmpty();

        List<ServiceTask> notifying = model.getModelElementsByType(ServiceTask.class).stream()
                .filter(task -> task.getCamundaExpression() != null
                        && task.getCamundaExpression().startsWith("${notifications."))
                .toList();
        assertThat(notifying).extracting(ServiceTask::getId).contains(
                ProjectProcess.SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT,
                ProjectProcess.SERVICE_TASK_NOTIFY_PHASE_STARTED_MAIN_PROJECT,
                ProjectProcess.SERVICE_TASK_NOTIFY_PHASE_STARTED_TRAINING,
                ProjectProcess.SERVICE_TASK_NOTIFY_PHASE_STARTED_GO_LIVE_IN_FOUR_WEEKS,
                ProjectProcess.SERVICE_TASK_NOTIFY_RAG_DEADLINE_MISSED, ProjectProcess.SERVICE_TASK_NOTIFY_RAG_NO_GO);
        Set<String> shown = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(shape -> shown.add(shape.getBpmnElement().getId()));
        for (ServiceTask task : notifying) {
            assertThat(task.getName()).as("name of " + task.getId()).startsWith("Varsle");
            assertThat(task.isCamundaAsyncBefore()).as("asyncBefore on " + task.getId()).isTrue();
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
                    .singleResult().getTextContent()).as("retry cycle of " + task.getId())
                    .isEqualTo("${notifications.retryCycle()}");
            assertThat(shown).as("shapes in the diagram").contains(task.getId());
        }
    }

    @Test
    void everyProcessKeepsItsHistoryForTenYears() {
        for (File file : bpmnFiles()) {
            for (Process process : Bpmn.readModelFromFile(file).getModelElementsByType(Process.class)) {
                // the sweep's runs and a wave move's notice job record nothing of their own (the notices they queue
                // are in the notification log, the move in the wave's and projects' history)
                assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isEqualTo(
                        java.util.Set.of("overdue-sweep", "schedule-change-notices").contains(process.getId()) ? "P30D"
                                : "P3650D");
            }
        }
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProjectProcess.PROCESS_KEY).latestVersion().singleResult();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
        assertThat(definition.getTenantId()).isNull();
    }

    private Set<String> deployedFormIds() throws IOException {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProjectProcess.PROCESS_KEY).latestVersion().singleResult();
        Set<String> ids = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String name : repositoryService.getDeploymentResourceNames(definition.getDeploymentId())) {
            if (name.endsWith(".form")) {
                try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), name)) {
                    ids.add(json.readTree(in).get("id").asText());
                }
            }
        }
        return ids;
    }

    /** The beans the BPMN calls methods on are found before process variables ({@link BeansBeforeVariables}). */
    @Test
    void everyBeanTheBpmnCallsIsResolvedBeforeVariables() throws IOException {
        Set<String> called = new HashSet<>();
        for (File file : bpmnFiles()) {
            java.util.regex.Matcher call = java.util.regex.Pattern.compile("\\$\\{(\\w+)\\.\\w+\\(")
                    .matcher(java.nio.file.Files.readString(file.toPath()));
            while (call.find()) {
                if (applicationContext.containsBean(call.group(1))) {
                    called.add(call.group(1));
                }
            }
        }
        assertThat(called).contains("schedule", "projectLeaders");
        assertThat(BeansBeforeVariables.EXPRESSION_BEANS).containsExactlyInAnyOrderElementsOf(called);
    }

    private static List<File> bpmnFiles() {
        File[] files = new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"));
        assertThat(files).isNotEmpty();
        return List.of(files);
    }
}
