package no.innforing.version;

import static no.innforing.project.ProjectProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.innforing.IntegrationTest;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import no.innforing.project.TaskDeadlines;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A new version of the method moved into running projects: a second version of the implementation process is
 * derived in the test from the real file (a task added in the main project, one renamed, one removed) and deployed
 * as the real one is, without a tenant; projects in every phase are then dry-run and migrated over HTTP.
 */
class ProcessVersionMigrationTests extends IntegrationTest {

    static final String TASK_ADDED = "Task_AnchorTrainingPlan";
    static final String ADDED_NAME = "Forankre opplæringsplanen i ledergruppen";
    static final String TASK_REMOVED = TASK_COMMUNICATION_PLAN;
    static final String TASK_RENAMED = TASK_SIGN_SERVICE_AGREEMENT;
    static final String NEW_NAME = "Signer tjenesteavtalen eller fratre (ny mal)";

    @Autowired
    ProjectService projects;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TestRestTemplate http;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTheTestVersion() {
        // Left deployed, the test version would be the latest for every later test in this database.
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void projectsInEveryPhaseMoveToTheNewVersionKeepingTheirDatesExceptThoseInTheRemovedTask() {
        municipality("1554", "Averøy", 5900);
        municipality("1557", "Gjemnes", 2600);
        municipality("1560", "Tingvoll", 3000);
        municipality("1563", "Sunndal", 7100);
        municipality("1566", "Surnadal", 5900);
        Map<String, String> instances = new TreeMap<>();
        instances.put("1505", register("1505", "KI3", ProjectPhase.POLITICAL_DECISION, null, null));
        instances.put("1576", register("1576", "KI3", ProjectPhase.PRE_PROJECT, LocalDate.of(2026, 2, 1), null));
        String averoy = register("1554", "KI3", ProjectPhase.PRE_PROJECT, LocalDate.of(2026, 2, 1), null);
        instances.put("1557", register("1557", "KI3", ProjectPhase.SERVICE_AGREEMENT, LocalDate.of(2026, 2, 1), null));
        instances.put("5001", register("5001", "KI3", ProjectPhase.MAIN_PROJECT, LocalDate.of(2025, 9, 1),
                LocalDate.of(2026, 2, 20)));
        instances.put("1560", register("1560", "KI3", ProjectPhase.MAIN_PROJECT, LocalDate.of(2025, 9, 1),
                LocalDate.of(2026, 2, 20)));
        instances.put("1563", register("1563", "PD3", ProjectPhase.GO_LIVE, LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 2, 20)));
        instances.put("1566", register("1566", "PD1", ProjectPhase.STABILIZATION, null, null));
        // Averøy has established its organisation: the removed communication plan is among its open tasks.
        taskService.complete(task(averoy, TASK_ESTABLISH_PROJECT_ORGANISATION).getId());
        assertThat(taskKeys(averoy)).contains(TASK_REMOVED);
        // Tingvoll has made its training plan, so it is past the place where the new task goes in.
        taskService.complete(task(instances.get("1560"), TASK_TRAINING_PLAN).getId());
        taskService.claim(task(instances.get("1557"), TASK_SIGN_SERVICE_AGREEMENT).getId(), "pl-1557");

        ProcessDefinition v1 = repositoryService.getProcessDefinition(
                runtimeService.createProcessInstanceQuery().processInstanceId(averoy).singleResult()
                        .getProcessDefinitionId());
        int v2 = deploySecondVersion(v1);
        Map<String, Map<String, java.util.Date>> timersBefore = new TreeMap<>();
        Map<String, Map<String, Object>> tasksBefore = new TreeMap<>();
        Map<String, Object> remindersBefore = new TreeMap<>();
        instances.forEach((number, id) -> {
            timersBefore.put(number, timers(id));
            tasksBefore.put(number, tasks(id));
            remindersBefore.put(number, get("/api/projects/" + number).getBody().get("plannedReminders"));
        });
        Map<String, java.util.Date> averoyTimers = timers(averoy);
        Integer notificationsBefore = jdbc.queryForObject("select count(*) from notification", Integer.class);
        assertThat(timersBefore.get("1505")).isNotEmpty();
        assertThat((List<?>) remindersBefore.get("1505")).hasSize(4);

        // The versions: every project on the real one, none yet on the new.
        List<Map<String, Object>> versions = getList("/api/process-versions");
        Map<String, Object> real = version(versions, PROCESS_KEY, v1.getVersion());
        assertThat(real).containsEntry("activeProjects", 8);
        assertThat(real.get("municipalities").toString()).contains("Averøy").contains("Kristiansund");
        assertThat(version(versions, PROCESS_KEY, v2)).containsEntry("activeProjects", 0).containsEntry("latest", true);

        // Dry run: exactly the project waiting in the removed task cannot move; nothing changes.
        ResponseEntity<Map> dryRun = post("/api/process-versions/" + v2 + "/migration",
                "{\"dryRun\": true, \"from\": " + v1.getVersion() + "}");
        assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Map<String, Object>> planned = byMunicipality(dryRun.getBody());
        assertThat(planned.keySet()).containsExactlyInAnyOrder("1505", "1576", "1554", "1557", "5001", "1560", "1563",
                "1566");
        assertThat(planned.entrySet().stream().filter(e -> "CANNOT_MIGRATE".equals(e.getValue().get("status")))
                .map(Map.Entry::getKey)).containsExactly("1554");
        assertThat(planned.get("1554").get("reasons").toString())
                .contains("Venter i «Lag kommunikasjonsplan», som versjon " + v2 + " ikke har.");
        assertThat(planned.get("1557").get("changes").toString())
                .contains("Oppgaven «Signer tjenesteavtale eller fratre» heter nå «" + NEW_NAME + "».");
        assertThat(planned.get("5001").get("changes").toString()).contains("Ny oppgave «" + ADDED_NAME + "»");
        assertThat(dryRun.getBody()).containsEntry("migratable", 7).containsEntry("notMigratable", 1)
                .containsEntry("migrated", 0);
        assertThat(dryRun.getBody().get("versionChanges").toString()).contains("ADDED").contains("REMOVED")
                .contains("RENAMED");
        instances.forEach((number, id) -> {
            assertThat(definitionVersion(id)).as(number).isEqualTo(v1.getVersion());
            assertThat(timers(id)).as(number).isEqualTo(timersBefore.get(number));
        });
        assertThat(task(instances.get("1557"), TASK_RENAMED).getName()).isEqualTo("Signer tjenesteavtale eller fratre");

        // The migration.
        ResponseEntity<Map> migrated = post("/api/process-versions/" + v2 + "/migration", "{\"dryRun\": false}");
        assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(migrated.getBody()).containsEntry("migrated", 7).containsEntry("notMigratable", 1)
                .containsEntry("dryRun", false);
        Map<String, Map<String, Object>> outcome = byMunicipality(migrated.getBody());
        assertThat(outcome.get("1554")).containsEntry("status", "NOT_MIGRATED");
        instances.forEach((number, id) -> {
            assertThat(outcome.get(number)).as(number).containsEntry("status", "MIGRATED");
            assertThat(definitionVersion(id)).as(number).isEqualTo(v2);
            assertThat(timers(id)).as(number + " timers").isEqualTo(timersBefore.get(number));
            assertThat(tasks(id)).as(number + " tasks").isEqualTo(tasksBefore.get(number));
            assertThat(get("/api/projects/" + number).getBody().get("plannedReminders")).as(number + " reminders")
                    .isEqualTo(remindersBefore.get(number));
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getTenantId())
                    .isEqualTo(number);
            taskService.createTaskQuery().processInstanceId(id).list()
                    .forEach(t -> assertThat(t.getTenantId()).as(number).isEqualTo(number));
            assertThat(get("/api/projects/" + number).getBody().get("history").toString()).as(number)
                    .contains("PROCESS_MIGRATED").contains("til versjon " + v2);
        });
        // Averøy is left exactly as it was, and named.
        assertThat(definitionVersion(averoy)).isEqualTo(v1.getVersion());
        assertThat(timers(averoy)).isEqualTo(averoyTimers);
        assertThat(get("/api/projects/1554").getBody().get("history").toString()).doesNotContain("PROCESS_MIGRATED");
        // The reminders are planned once: no reminder was planned again (nor recorded as skipped again).
        assertThat(jdbc.queryForObject("select count(*) from notification", Integer.class))
                .isEqualTo(notificationsBefore);
        Task signing = task(instances.get("1557"), TASK_RENAMED);
        assertThat(signing.getName()).isEqualTo(NEW_NAME);
        assertThat(signing.getAssignee()).isEqualTo("pl-1557");

        List<Map<String, Object>> after = getList("/api/process-versions");
        assertThat(version(after, PROCESS_KEY, v2)).containsEntry("activeProjects", 7);
        assertThat(version(after, PROCESS_KEY, v1.getVersion())).containsEntry("activeProjects", 1);

        // Trondheim, still before the new task, reaches it, with the training plan's due date; Tingvoll does not.
        String trondheim = instances.get("5001");
        taskService.complete(task(trondheim, TASK_TRAINING_PLAN).getId());
        Task added = task(trondheim, TASK_ADDED);
        assertThat(added.getName()).isEqualTo(ADDED_NAME);
        assertThat(added.getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 5, 31)));
        // The overdue sweep reports it like any other task: to the project leader the working day after it is due.
        java.util.Date clock = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
        setClock(LocalDate.of(2027, 6, 1).atTime(8, 0));
        sweepOverdueTasks();
        assertThat(jdbc.queryForList("select type from notification where idempotency_key like ?", String.class,
                "%:task:" + added.getId() + ":2027-05-31")).containsExactly("TASK_OVERDUE");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(clock);
        assertThat(taskKeys(instances.get("1560"))).doesNotContain(TASK_ADDED).contains(TASK_TECHNICAL_READINESS);
        assertThat(historicTaskKeys(instances.get("1560"))).doesNotContain(TASK_ADDED);

        // A second migration finds nothing more to move but Averøy.
        assertThat(byMunicipality(post("/api/process-versions/" + v2 + "/migration", "{\"dryRun\": true}").getBody())
                .keySet()).containsExactly("1554");
    }

    @Test
    void badRequestsAreRefusedInNorwegianAndAProjectLeaderMayNotMigrate() {
        ProcessDefinition v1 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        int v2 = deploySecondVersion(v1);

        ResponseEntity<Map> unknown = post("/api/process-versions/9999/migration", "{\"dryRun\": true}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").toString()).startsWith("Prosessen «municipal-implementation» har "
                + "ingen versjon 9999.");
        ResponseEntity<Map> older = post("/api/process-versions/" + v1.getVersion() + "/migration",
                "{\"dryRun\": true, \"from\": " + v2 + "}");
        assertThat(older.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(older.getBody()).containsEntry("detail", "Versjon " + v1.getVersion() + " er ikke nyere enn versjon "
                + v2 + "; prosjekter kan bare flyttes til en nyere versjon.");
        assertThat(post("/api/process-versions/" + v2 + "/migration", "{\"dryRun\": tru").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/process-versions/" + v2 + "/migration", "{\"dryRun\": \"ja\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> notANumber = post("/api/process-versions/to/migration", "{\"dryRun\": true}");
        assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notANumber.getBody().get("detail").toString()).contains("Versjonen må være et helt tall");
        assertThat(post("/api/process-versions/" + v2 + "/migration", "").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        // a user of its own: the users outlive the test class, and other classes give pl-1505 another password
        user("pl-1505-versjoner", "pl-1505-versjoner", "municipality-1505");
        ResponseEntity<Map> refused = send("pl-1505-versjoner", HttpMethod.POST, "/api/process-versions/" + v2 + "/migration",
                "{\"dryRun\": false}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("detail").toString()).contains("Bare RAG og administratorer");
        assertThat(http.withBasicAuth("pl-1505-versjoner", "pl-1505-versjoner").getForEntity("/api/process-versions", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onThePageRagSeesTheVersionsDryRunsAndConfirmsAndTheOverviewShowsTheVersion() {
        municipality("1554", "Averøy", 5900);
        String kristiansund = register("1505", "KI3", ProjectPhase.POLITICAL_DECISION, null, null);
        String averoy = register("1554", "KI3", ProjectPhase.PRE_PROJECT, LocalDate.of(2026, 2, 1), null);
        taskService.complete(task(averoy, TASK_ESTABLISH_PROJECT_ORGANISATION).getId());
        int v1 = definitionVersion(kristiansund);
        int v2 = deploySecondVersion(repositoryService.getProcessDefinition(runtimeService.createProcessInstanceQuery()
                .processInstanceId(kristiansund).singleResult().getProcessDefinitionId()));
        user("ragside", "ragside-passord", "rag");

        ResponseEntity<String> page = http.withBasicAuth("ragside", "ragside-passord")
                .getForEntity("/process-versions", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Prosessversjoner", "Kommunalt innføringsprosjekt", "Averøy (1554)",
                "Prøvekjør");
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.getBody());
        assertThat(csrf.find()).isTrue();

        ResponseEntity<String> dryRun = form(cookie, csrf.group(1), "/process-versions/dry-run", "process", PROCESS_KEY,
                "targetVersion", String.valueOf(v2), "fromVersion", "");
        assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dryRun.getBody()).contains("Prøvekjøring: 1 prosjekt kan flyttes til versjon " + v2
                        + ", 1 kan ikke. Ingenting er endret.", "Venter i «Lag kommunikasjonsplan»",
                "Flytt 1 prosjekt til versjon " + v2, "name=\"_csrf\"");
        assertThat(definitionVersion(kristiansund)).isEqualTo(v1);
        assertThat(form(cookie, csrf.group(1), "/process-versions/dry-run", "process", PROCESS_KEY,
                "targetVersion", "x", "fromVersion", "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<String> confirmed = form(cookie, csrf.group(1), "/process-versions/migration", "process",
                PROCESS_KEY, "targetVersion", String.valueOf(v2), "fromVersion", "");
        assertThat(confirmed.getBody()).contains("1 prosjekt flyttet til versjon " + v2);
        assertThat(definitionVersion(kristiansund)).isEqualTo(v2);
        assertThat(definitionVersion(averoy)).isEqualTo(v1);

        String overview = http.withBasicAuth("ragside", "ragside-passord").getForObject("/overview", String.class);
        assertThat(overview).contains("Metodeversjon").contains("<td>" + v2 + "</td>").contains("<td>" + v1 + "</td>");

        user("pl-1505-versjoner", "pl-1505-versjoner", "municipality-1505");
        assertThat(http.withBasicAuth("pl-1505-versjoner", "pl-1505-versjoner").getForEntity("/process-versions", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> form(String cookie, String csrf, String path, String... fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        org.springframework.util.MultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("_csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        return http.withBasicAuth("ragside", "ragside-passord").exchange(path, HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }

    // ------------------------------------------------------------------------------------- the second version

    /**
     * The real process with the changes of a new method, made with the model API from the deployed file (so it
     * follows changes to that file), deployed as the real one is: without a tenant, shared by every municipality.
     * The diagram is left out: the engine does not need it and it would have to follow the removed elements.
     */
    private int deploySecondVersion(ProcessDefinition real) {
        BpmnModelInstance model;
        try (InputStream in = repositoryService.getProcessModel(real.getId())) {
            model = Bpmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new ArrayList<>(model.getModelElementsByType(BpmnDiagram.class))
                .forEach(diagram -> diagram.getParentElement().removeChildElement(diagram));

        // Added: after the training plan, before the main project's parallel work.
        UserTask trainingPlan = model.getModelElementById(TASK_TRAINING_PLAN);
        SequenceFlow afterPlan = trainingPlan.getOutgoing().iterator().next();
        FlowNode next = afterPlan.getTarget();
        UserTask added = model.newInstance(UserTask.class);
        added.setId(TASK_ADDED);
        added.setName(ADDED_NAME);
        added.setCamundaCandidateGroups(trainingPlan.getCamundaCandidateGroups());
        added.setCamundaDueDate(trainingPlan.getCamundaDueDate());
        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        CamundaProperty dueLike = model.newInstance(CamundaProperty.class);
        dueLike.setCamundaName(TaskDeadlines.DUE_LIKE_PROPERTY);
        dueLike.setCamundaValue(TASK_TRAINING_PLAN);
        properties.addChildElement(dueLike);
        extensions.addChildElement(properties);
        added.setExtensionElements(extensions);
        trainingPlan.getParentElement().addChildElement(added);
        afterPlan.setTarget(added);
        added.getIncoming().add(afterPlan);
        next.getIncoming().remove(afterPlan);
        connect(model, added, next, "Flow_AnchorTrainingPlanDone");

        // Renamed.
        ((UserTask) model.getModelElementById(TASK_RENAMED)).setName(NEW_NAME);

        // Removed: its branch goes straight from the split to the join.
        UserTask removed = model.getModelElementById(TASK_REMOVED);
        SequenceFlow into = removed.getIncoming().iterator().next();
        SequenceFlow out = removed.getOutgoing().iterator().next();
        FlowNode join = out.getTarget();
        into.setTarget(join);
        join.getIncoming().add(into);
        join.getIncoming().remove(out);
        out.getParentElement().removeChildElement(out);
        removed.getParentElement().removeChildElement(removed);

        Process process = model.getModelElementById(PROCESS_KEY);
        process.setCamundaVersionTag("test-2");
        Bpmn.validateModel(model);
        var deployment = repositoryService.createDeployment().name("Innføring metode versjon 2 (test)")
                .addModelInstance("municipal-implementation.bpmn", model).deploy();
        deployments.add(deployment.getId());
        ProcessDefinition second = repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
                .singleResult();
        assertThat(second.getTenantId()).isNull();
        assertThat(second.getVersion()).isGreaterThan(real.getVersion());
        return second.getVersion();
    }

    private static void connect(BpmnModelInstance model, FlowNode from, FlowNode to, String id) {
        SequenceFlow flow = model.newInstance(SequenceFlow.class);
        flow.setId(id);
        from.getParentElement().addChildElement(flow);
        flow.setSource(from);
        flow.setTarget(to);
        from.getOutgoing().add(flow);
        to.getIncoming().add(flow);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String register(String number, String wave, ProjectPhase phase, LocalDate callOff, LocalDate signed) {
        ImplementationProject project = projects.register(new Registration(number, wave, false, phase, callOff,
                signed));
        // The phase notices run at once, as the job executor would.
        managementService.createJobQuery().processInstanceId(project.getProcessInstanceId()).messages().list()
                .forEach(job -> managementService.executeJob(job.getId()));
        return project.getProcessInstanceId();
    }

    private Task task(String processInstanceId, String key) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
                .singleResult();
    }

    private List<String> taskKeys(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    private List<String> historicTaskKeys(String processInstanceId) {
        return processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .list().stream().map(t -> t.getTaskDefinitionKey()).toList();
    }

    private int definitionVersion(String processInstanceId) {
        return repositoryService.getProcessDefinition(runtimeService.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult().getProcessDefinitionId()).getVersion();
    }

    /** Every open task: due date and assignee by task definition key. */
    private Map<String, Object> tasks(String processInstanceId) {
        Map<String, Object> due = new TreeMap<>();
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
            due.put(task.getTaskDefinitionKey(), task.getDueDate() + " " + task.getAssignee());
        }
        return due;
    }

    /** Every timer job (phase timers, deadlines, reminders, overdue notices) by activity, in due order. */
    private Map<String, java.util.Date> timers(String processInstanceId) {
        Map<String, String> activity = new HashMap<>();
        managementService.createJobDefinitionQuery().list().forEach(d -> activity.put(d.getId(), d.getActivityId()));
        Map<String, java.util.Date> due = new TreeMap<>();
        List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
                .orderByJobDuedate().asc().list();
        for (int i = 0; i < jobs.size(); i++) {
            due.put(activity.get(jobs.get(i).getJobDefinitionId()) + "#" + i, jobs.get(i).getDuedate());
        }
        return due;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byMunicipality(Map<String, Object> report) {
        Map<String, Map<String, Object>> projects = new TreeMap<>();
        for (Map<String, Object> project : (List<Map<String, Object>>) report.get("projects")) {
            projects.put((String) project.get("municipalityNumber"), project);
        }
        return projects;
    }

    private static Map<String, Object> version(List<Map<String, Object>> versions, String key, int version) {
        return versions.stream().filter(v -> key.equals(v.get("processKey")) && Integer.valueOf(version)
                .equals(v.get("version"))).findFirst().orElseThrow();
    }

    private ResponseEntity<Map> get(String path) {
        return http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity(path, Map.class);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> getList(String path) {
        return http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject(path, List.class);
    }

    private ResponseEntity<Map> post(String path, String json) {
        return send("admin", HttpMethod.POST, path, json);
    }

    private ResponseEntity<Map> send(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String password = "admin".equals(user) ? ADMIN_PASSWORD : user;
        return http.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }
}
