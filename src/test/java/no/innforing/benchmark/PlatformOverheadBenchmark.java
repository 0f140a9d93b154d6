package no.innforing.benchmark;

import static no.innforing.benchmark.BenchmarkReport.format;
import static no.innforing.benchmark.BenchmarkReport.median;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import no.innforing.IntegrationTest;
import no.innforing.PostgresTestDatabase;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import no.innforing.security.MunicipalityAccess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Benchmark, not a test: what the platform's own logic (schedule lookups for every timer and due date, listeners,
 * delegates, audit, access grants, notifications queued) costs on top of the engine. The same projects are
 * registered and driven through every phase (time travel, job executor off) twice, interleaved project by project
 * on one PostgreSQL server: by the platform, and by a bare engine of its own (a database of its own) running the same
 * BPMN stripped of everything the platform adds: the stripped model is derived from the real file with the model
 * API (listeners removed; delegates and bean expressions replaced by {@code ${true}}; due dates, candidate groups
 * and timer dates made constants), so it cannot drift from the real one. Per operation: median time and SQL
 * statements (counted with datasource-proxy; a batch counts each of its statements). The tests' process-coverage
 * recorder is left out of the platform's engine, as in production; the main thread's median CPU time per operation
 * is printed too (less disturbed by other load than wall time), and per user task for the completions. Each
 * municipality is known to the platform before its registration is measured, with its tenant, group and rights, as
 * every municipality is in production (reference data at start-up, CSV import). Measured after a warm-up
 * ({@link #WARM_UP} projects on both engines, figures discarded).
 */
class PlatformOverheadBenchmark extends IntegrationTest {

    static final int PROJECTS = Integer.getInteger("benchmark.projects", 356);
    /**
     * Projects registered and driven on both engines first, their figures discarded (municipalities 7000 …, numbers
     * no real municipality has): the JIT compiles what a registration and a completion run on either side before
     * anything is measured, as in a server that has been up a while. Without it the first of the 356 registrations
     * measured the platform's code paths (Hibernate, Spring's transactions, access checks) while they were still
     * interpreted; {@code -Dbenchmark.warm-up=0} measures that way.
     */
    static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 30);
    static final String WAVE = "KI3";
    static final List<String> PATH_TIMERS = List.of(ProjectProcess.TIMER_PRE_PROJECT_START,
            ProjectProcess.TIMER_MAIN_PROJECT_START, ProjectProcess.TIMER_GO_LIVE_READINESS,
            ProjectProcess.TIMER_GO_LIVE_DATE, ProjectProcess.TIMER_STABILIZATION_END);

    enum Operation { REGISTRATION, TASK_COMPLETION, TIMER, OTHER_JOB }

    static final AtomicLong PLATFORM_STATEMENTS = new AtomicLong();
    static final AtomicLong BARE_STATEMENTS = new AtomicLong();

    /**
     * {@code -Dbenchmark.sql-summary=true}: the completions' statements grouped by side and text, with their count and
     * time in the JDBC driver (nanoseconds, measured around each execution).
     */
    static final boolean SQL_SUMMARY_ON = Boolean.getBoolean("benchmark.sql-summary");
    /** The operation the SQL summary is about: {@code -Dbenchmark.sql-summary-of=REGISTRATION}; task completions. */
    static final Operation SQL_SUMMARY_OF = Operation.valueOf(System.getProperty("benchmark.sql-summary-of",
            Operation.TASK_COMPLETION.name()));
    static final Map<String, long[]> SQL_SUMMARY = new java.util.concurrent.ConcurrentHashMap<>();
    static final AtomicLong[] SQL_NANOS = {new AtomicLong(), new AtomicLong()};
    static final ThreadLocal<Long> QUERY_START = ThreadLocal.withInitial(() -> 0L);
    static final ThreadLocal<Long> METHOD_START = ThreadLocal.withInitial(() -> 0L);
    static volatile Operation summarising;

    @TestConfiguration
    static class CountStatements {
        @Bean
        static BeanPostProcessor countPlatformStatements() {
            return new OrderedPostProcessor();
        }
    }

    static final class OrderedPostProcessor implements BeanPostProcessor, Ordered {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource source && !(bean instanceof ProxyDataSource)) {
                return counting(source, PLATFORM_STATEMENTS);
            }
            if (bean instanceof AbstractCamundaConfiguration
                    && bean.getClass().getName().startsWith("org.camunda.community.process_test_coverage.")) {
                // The tests' process-coverage recorder (IntegrationTest imports it) adds a listener to every activity
                // and sequence flow, in the platform's engine only; production has none: measured without it.
                return new AbstractCamundaConfiguration() {
                };
            }
            return bean;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Autowired
    ProjectService projects;

    @Autowired
    MunicipalityAccess access;

    private static ProcessEngine bare;
    private static HikariDataSource barePool;

    /** What a measured operation cost: nanoseconds and statements, per engine and operation. */
    private final Map<Operation, List<Double>> platformMillis = new EnumMap<>(Operation.class);
    private final Map<Operation, List<Double>> bareMillis = new EnumMap<>(Operation.class);
    private final Map<Operation, List<Double>> platformSql = new EnumMap<>(Operation.class);
    private final Map<Operation, List<Double>> bareSql = new EnumMap<>(Operation.class);
    private final Map<Operation, List<Double>> platformCpu = new EnumMap<>(Operation.class);
    private final Map<Operation, List<Double>> bareCpu = new EnumMap<>(Operation.class);
    /** Main-thread CPU per completion of each user task (task definition key): where the completions' median sits. */
    private final Map<String, List<Double>> platformCpuPerTask = new java.util.TreeMap<>();
    private final Map<String, List<Double>> bareCpuPerTask = new java.util.TreeMap<>();
    /** The same in wall time: which tasks lie on either side of the completions' median. */
    private final Map<String, List<Double>> platformMillisPerTask = new java.util.TreeMap<>();
    private final Map<String, List<Double>> bareMillisPerTask = new java.util.TreeMap<>();

    @Test
    void platformAgainstTheBareEngine() throws Exception {
        startBareEngine();
        registerAndDrive(WARM_UP, 7000);
        for (Map<?, ?> figures : List.of(platformMillis, bareMillis, platformSql, bareSql, platformCpu, bareCpu,
                platformCpuPerTask, bareCpuPerTask, platformMillisPerTask, bareMillisPerTask, SQL_SUMMARY)) {
            figures.clear();
        }
        SQL_NANOS[0].set(0);
        SQL_NANOS[1].set(0);
        registerAndDrive(PROJECTS, 6000);

        for (Operation operation : Operation.values()) {
            System.out.printf("CPU %s platform %.2f ms bare %.2f ms (median main-thread CPU)%n", operation,
                    median(platformCpu.get(operation)), median(bareCpu.get(operation)));
        }
        platformCpuPerTask.forEach((key, cpu) -> System.out.printf(
                "CPU completing %-36s platform %.2f ms bare %.2f ms (median main-thread CPU)%n",
                key, median(cpu), median(bareCpuPerTask.get(key))));
        platformMillisPerTask.forEach((key, millis) -> System.out.printf(
                "Wall completing %-35s platform %.2f ms bare %.2f ms (median)%n",
                key, median(millis), median(bareMillisPerTask.get(key))));
        if (SQL_SUMMARY_ON) {
            int completions = platformMillis.get(SQL_SUMMARY_OF).size();
            System.out.printf("SQL in %s: platform %.2f ms, bare %.2f ms per operation (driver time)%n", SQL_SUMMARY_OF,
                    SQL_NANOS[0].get() / 1e6 / completions, SQL_NANOS[1].get() / 1e6 / completions);
            SQL_SUMMARY.entrySet().stream().sorted((a, b) -> a.getKey().substring(2).compareTo(b.getKey().substring(2)))
                    .forEach(e -> System.out.printf("SQL %6.2f per operation %8.1f us each %7.3f ms per operation  %s%n",
                            e.getValue()[0] / (double) completions, e.getValue()[1] / 1e3 / e.getValue()[0],
                            e.getValue()[1] / 1e6 / completions, e.getKey()));
        }
        StringBuilder rows = new StringBuilder();
        for (Operation operation : Operation.values()) {
            double platform = median(platformMillis.get(operation));
            double engine = median(bareMillis.get(operation));
            rows.append(format("| %s | %d | %.1f | %.1f | **%.2f** | %.0f | %.0f |%n", label(operation),
                    platformMillis.get(operation).size(), platform, engine, platform / engine,
                    median(platformSql.get(operation)), median(bareSql.get(operation))));
        }
        BenchmarkReport.write("overhead", "Platform overhead per operation", format("""
                `PlatformOverheadBenchmark`: %d projects registered in one wave and driven through every phase
                (political decision to closing) with time travel on PostgreSQL, by the platform and, interleaved
                project by project, by a bare engine running the same BPMN stripped of the platform's delegates,
                listeners and bean expressions (derived from the real file with the model API), after %d projects
                driven the same way on both and not measured (JIT warm-up). Each municipality is
                known to the platform before its registration is measured (its tenant, group and rights, as the
                reference data and the CSV import give them). Median per operation; statements counted with
                datasource-proxy. Targets: task completion ≤ 1.3×, registration ≤ 1.5×,
                timer ≤ 1.3× the bare engine.

                | operation | count per engine | platform ms | bare engine ms | ratio | platform statements | bare statements |
                |---|---|---|---|---|---|---|
                %s
                A timer is one of the five timers on the main path (pre-project start, main-project start, go-live
                readiness, go-live, stabilization end); other jobs are the asynchronous service tasks (phase notices,
                saving the benefit plan, starting the benefit follow-up).
                """, PROJECTS, WARM_UP, rows));
    }

    private static String label(Operation operation) {
        return switch (operation) {
            case REGISTRATION -> "registration";
            case TASK_COMPLETION -> "task completion";
            case TIMER -> "timer firing";
            case OTHER_JOB -> "other job (asynchronous service task)";
        };
    }

    /**
     * Registers {@code count} projects (municipalities {@code firstNumber} …) on both engines, interleaved, then
     * drives each through every phase on both, interleaved project by project.
     */
    private void registerAndDrive(int count, int firstNumber) {
        List<String> platformInstances = new ArrayList<>();
        List<String> bareInstances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = String.valueOf(firstNumber + i);
            // known to the platform as every municipality is before its project is registered (reference data at
            // start-up, CSV import): the row, and its tenant, group and rights (MunicipalityImport), not measured
            municipality(number, "Kommune " + number, 1000 + 37 * i);
            access.provision(number, "Kommune " + number);
            setClock(TODAY);
            platformInstances.add(measure(true, Operation.REGISTRATION, () -> projects.register(
                    Registration.of(number, WAVE)).getProcessInstanceId()));
            bareInstances.add(measure(false, Operation.REGISTRATION, () -> bare.getRuntimeService()
                    .startProcessInstanceByKey(ProjectProcess.PROCESS_KEY, number, bareStartVariables())
                    .getId()));
        }
        for (int i = 0; i < count; i++) {
            setClock(TODAY);
            drive(processEngine, true, platformInstances.get(i));
            setClock(TODAY);
            drive(bare, false, bareInstances.get(i));
        }
        ClockUtil.reset();
    }

    /** Completes tasks and fires jobs until the project is closed: tasks first, then jobs, then the next timer. */
    private void drive(ProcessEngine engine, boolean platform, String instanceId) {
        int steps = 0;
        while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
            assertThat(steps++).as("steps of project %s", instanceId).isLessThan(200);
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).list().stream()
                    .min(java.util.Comparator.comparing(Task::getTaskDefinitionKey)).orElse(null);
            if (task != null) {
                Map<String, Object> variables = variables(task.getTaskDefinitionKey());
                measure(platform, Operation.TASK_COMPLETION, () -> {
                    engine.getTaskService().complete(task.getId(), variables);
                    return null;
                });
                List<Double> cpu = (platform ? platformCpu : bareCpu).get(Operation.TASK_COMPLETION);
                (platform ? platformCpuPerTask : bareCpuPerTask)
                        .computeIfAbsent(task.getTaskDefinitionKey(), key -> new ArrayList<>()).add(cpu.get(cpu.size() - 1));
                List<Double> wall = (platform ? platformMillis : bareMillis).get(Operation.TASK_COMPLETION);
                (platform ? platformMillisPerTask : bareMillisPerTask)
                        .computeIfAbsent(task.getTaskDefinitionKey(), key -> new ArrayList<>()).add(wall.get(wall.size() - 1));
                continue;
            }
            Job message = engine.getManagementService().createJobQuery().processInstanceId(instanceId).messages()
                    .listPage(0, 1).stream().findFirst().orElse(null);
            if (message != null) {
                measure(platform, Operation.OTHER_JOB, () -> {
                    engine.getManagementService().executeJob(message.getId());
                    return null;
                });
                continue;
            }
            Job timer = PATH_TIMERS.stream().flatMap(id -> engine.getManagementService().createJobQuery()
                    .processInstanceId(instanceId).activityId(id).list().stream()).findFirst()
                    .orElseThrow(() -> new AssertionError("project " + instanceId + " waits with no task and no timer"));
            if (platform) {
                ClockUtil.setCurrentTime(timer.getDuedate());
            }
            measure(platform, Operation.TIMER, () -> {
                engine.getManagementService().executeJob(timer.getId());
                return null;
            });
        }
    }

    /**
     * What the project leader enters, dates being today's (the clock's) date: every required field of the task's form
     * (Tasklist submits no form without them), with the answers that choose the main path where the path depends on
     * them. Both engines get the same variables.
     */
    private static Map<String, Object> variables(String taskKey) {
        String today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), OSLO).toString();
        Map<String, Object> variables = requiredFields(taskKey, today);
        switch (taskKey) {
            case ProjectProcess.TASK_REGISTER_POLITICAL_DECISION -> {
                variables.put("councilDecision", "JOIN");
                variables.put("politicalDecisionDate", today);
            }
            case ProjectProcess.TASK_SIGN_CALL_OFF_AGREEMENT -> {
                variables.put(ProjectProcess.VAR_CALL_OFF_SIGNED_ON, today);
                variables.put("callOffAgreementSignedBy", "Kommunedirektøren");
            }
            case ProjectProcess.TASK_ESTABLISH_PROJECT_ORGANISATION ->
                    variables.put("implementationLeadName", "Kari Nordmann");
            case ProjectProcess.TASK_BENEFIT_PLAN -> {
                variables.put("benefitExpected", "Færre legemiddelfeil");
                variables.put("benefitAmbition", "−80 % innen tre år");
            }
            case ProjectProcess.TASK_SIGN_SERVICE_AGREEMENT -> {
                variables.put(ProjectProcess.VAR_SERVICE_AGREEMENT_DECISION, "SIGN");
                variables.put(ProjectProcess.VAR_SERVICE_AGREEMENT_SIGNED_ON, today);
            }
            case ProjectProcess.TASK_REVIEW_RISKS_MAIN_PROJECT, ProjectProcess.TASK_REVIEW_RISKS_STABILIZATION ->
                    variables.put("risksReviewed", true);
            case ProjectProcess.TASK_ASSESS_GO_LIVE_READINESS -> {
                variables.put("technicalReady", true);
                variables.put("accessOrdered", true);
                variables.put("superUsersTrained", true);
                variables.put("endUserTrainingPercent", 95);
                variables.put("openCriticalRisks", 0);
            }
            case ProjectProcess.TASK_CUT_OVER -> variables.put("wentLiveOn", today);
            case ProjectProcess.TASK_CLOSE_PROJECT -> variables.put("finalReport", "Alt gikk bra.");
            default -> {
            }
        }
        return variables;
    }

    /** Each user task's form (camunda:formRef), from the real BPMN. */
    private static final Map<String, String> FORM_OF_TASK = formsOfTasks();
    /** Each form's required fields, from forms/*.form: form id → field key → the field. */
    private static final Map<String, Map<String, JsonNode>> REQUIRED_FIELDS = requiredFieldsOfForms();

    /** A plausible answer to every required field of the task's form, of the type Tasklist submits. */
    private static Map<String, Object> requiredFields(String taskKey, String today) {
        Map<String, Object> variables = new HashMap<>();
        REQUIRED_FIELDS.getOrDefault(FORM_OF_TASK.get(taskKey), Map.of()).forEach((key, field) -> {
            String firstOption = field.path("values").path(0).path("value").asText("");
            variables.put(key, switch (field.path("type").asText()) {
                case "datetime" -> today;
                case "number" -> 1;
                case "checkbox" -> true;
                case "radio", "select" -> firstOption;
                case "checklist" -> SpinValues.jsonValue("[\"" + firstOption + "\"]").create();
                default -> key.toLowerCase(java.util.Locale.ROOT).contains("email") ? "kari.nordmann@kommune.no"
                        : "Fylt ut i " + taskKey;
            });
        });
        return variables;
    }

    private static Map<String, String> formsOfTasks() {
        try (InputStream real = PlatformOverheadBenchmark.class.getResourceAsStream("/bpmn/municipal-implementation.bpmn")) {
            Map<String, String> forms = new HashMap<>();
            Bpmn.readModelFromStream(real).getModelElementsByType(UserTask.class)
                    .forEach(task -> forms.put(task.getId(), task.getCamundaFormRef()));
            return forms;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Map<String, JsonNode>> requiredFieldsOfForms() {
        Map<String, Map<String, JsonNode>> forms = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = new ObjectMapper().readTree(in);
                    Map<String, JsonNode> required = new HashMap<>();
                    collectRequired(form.path("components"), required);
                    forms.put(form.path("id").asText(), required);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return forms;
    }

    private static void collectRequired(JsonNode components, Map<String, JsonNode> required) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && component.path("validate").path("required").asBoolean(false)) {
                required.put(component.get("key").asText(), component);
            }
            collectRequired(component.path("components"), required);
        }
    }

    private <T> T measure(boolean platform, Operation operation, Supplier<T> work) {
        AtomicLong counter = platform ? PLATFORM_STATEMENTS : BARE_STATEMENTS;
        if (Boolean.getBoolean("benchmark.sql-log")) {
            System.out.println("=== " + (platform ? "platform" : "bare") + " " + operation);
        }
        long statements = counter.get();
        summarising = SQL_SUMMARY_ON ? operation : null;
        long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        T result = work.get();
        double millis = (System.nanoTime() - start) / 1e6;
        summarising = null;
        (platform ? platformCpu : bareCpu).computeIfAbsent(operation, o -> new ArrayList<>()).add(
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e6);
        (platform ? platformMillis : bareMillis).computeIfAbsent(operation, o -> new ArrayList<>()).add(millis);
        (platform ? platformSql : bareSql).computeIfAbsent(operation, o -> new ArrayList<>())
                .add((double) (counter.get() - statements));
        return result;
    }

    /** What the platform's start listeners would have set and the stripped model still reads. */
    private static Map<String, Object> bareStartVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("startPhase", "POLITICAL_DECISION");
        variables.put("earlyStart", false);
        variables.put("plannedReminders", List.of(60, 30, 14, 7));
        return variables;
    }

    // --- the bare engine -------------------------------------------------------------------------------------

    private void startBareEngine() throws Exception {
        if (jdbc.queryForList("select 1 from pg_database where datname = 'innforing_bare'").isEmpty()) {
            jdbc.execute("create database innforing_bare");
        }
        String url = PostgresTestDatabase.url();
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String bareUrl = url.substring(0, slash + 1) + "innforing_bare" + (query < 0 ? "" : url.substring(query));
        barePool = new HikariDataSource();
        barePool.setJdbcUrl(bareUrl);
        barePool.setUsername(PostgresTestDatabase.username());
        barePool.setPassword(PostgresTestDatabase.password());

        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare");
        configuration.setDataSource(counting(barePool, BARE_STATEMENTS));
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        configuration.setAuthorizationEnabled(true);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorAcquireByDueDate(true);
        configuration.setJobExecutorPreferTimerJobs(true);
        configuration.setDefaultSerializationFormat("application/json");
        configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        bare = configuration.buildProcessEngine();

        try (InputStream dmn = getClass().getResourceAsStream("/bpmn/go-live-readiness.dmn")) {
            bare.getRepositoryService().createDeployment().name("bare")
                    .addModelInstance("municipal-implementation.bpmn", strippedModel())
                    .addInputStream("go-live-readiness.dmn", dmn).deploy();
        }
    }

    /** The real process with the platform taken out, as the class comment says. */
    static BpmnModelInstance strippedModel() throws Exception {
        BpmnModelInstance model;
        try (InputStream real = PlatformOverheadBenchmark.class.getResourceAsStream("/bpmn/municipal-implementation.bpmn")) {
            model = Bpmn.readModelFromStream(real);
        }
        for (CamundaExecutionListener listener : List.copyOf(model.getModelElementsByType(CamundaExecutionListener.class))) {
            if (!engineLevel(listener.getCamundaExpression())) {
                listener.getParentElement().removeChildElement(listener);
            }
        }
        for (CamundaTaskListener listener : List.copyOf(model.getModelElementsByType(CamundaTaskListener.class))) {
            if (!engineLevel(listener.getCamundaExpression())) {
                listener.getParentElement().removeChildElement(listener);
            }
        }
        for (CamundaFailedJobRetryTimeCycle cycle : model.getModelElementsByType(CamundaFailedJobRetryTimeCycle.class)) {
            cycle.setTextContent("R3/PT5M");
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (engineLevel(task.getCamundaExpression())) {
                continue;
            }
            for (String attribute : List.of("class", "delegateExpression", "resultVariable", "type", "topic")) {
                task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, attribute);
            }
            task.setCamundaExpression("${true}");
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaDueDate() != null && task.getCamundaDueDate().contains("${")) {
                task.setCamundaDueDate("2099-12-31T23:59:00");
            }
            if (task.getCamundaCandidateGroups() != null && task.getCamundaCandidateGroups().contains("${")) {
                task.setCamundaCandidateGroups("municipality-bare");
            }
        }
        for (Class<? extends ModelElementInstance> type : List.of(TimeDate.class, TimeDuration.class, TimeCycle.class)) {
            for (ModelElementInstance timer : model.getModelElementsByType(type)) {
                if (timer.getTextContent().contains("${")) {
                    timer.setTextContent(type == TimeDate.class ? "2099-01-01T00:00:00" : "P100Y");
                }
            }
        }
        assertThat(model.getModelElementsByType(FlowElement.class)).isNotEmpty();
        Bpmn.validateModel(model);
        return model;
    }

    /** An expression that only sets a variable on the execution (the gateways read it): the engine's own work. */
    private static boolean engineLevel(String expression) {
        return expression != null && expression.startsWith("${execution.setVariable(");
    }

    private static DataSource counting(DataSource source, AtomicLong counter) {
        boolean platform = counter == PLATFORM_STATEMENTS;
        QueryExecutionListener count = new QueryExecutionListener() {
            @Override
            public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo execution, List<net.ttddyy.dsproxy.QueryInfo> queries) {
                QUERY_START.set(System.nanoTime());
            }

            @Override
            public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo execution, List<net.ttddyy.dsproxy.QueryInfo> queries) {
                long nanos = System.nanoTime() - QUERY_START.get();
                for (net.ttddyy.dsproxy.QueryInfo query : queries) {
                    counter.addAndGet(Math.max(1, query.getParametersList().size()));
                }
                if (summarising == SQL_SUMMARY_OF) {
                    SQL_NANOS[platform ? 0 : 1].addAndGet(nanos);
                    String text = queries.get(0).getQuery().replaceAll("\\s+", " ");
                    text = text.substring(0, Math.min(text.length(), 110));
                    SQL_SUMMARY.computeIfAbsent((platform ? "P " : "B ") + text, t -> new long[2]);
                    long[] sum = SQL_SUMMARY.get((platform ? "P " : "B ") + text);
                    sum[0]++;
                    sum[1] += nanos;
                }
            }
        };
        ProxyDataSourceBuilder proxy = ProxyDataSourceBuilder.create(source).listener(count);
        if (SQL_SUMMARY_ON) {
            proxy.methodListener(new net.ttddyy.dsproxy.listener.MethodExecutionListener() {
                @Override
                public void beforeMethod(net.ttddyy.dsproxy.listener.MethodExecutionContext context) {
                    METHOD_START.set(System.nanoTime());
                }

                @Override
                public void afterMethod(net.ttddyy.dsproxy.listener.MethodExecutionContext context) {
                    String method = context.getMethod().getName();
                    if (summarising == SQL_SUMMARY_OF && !method.startsWith("execute")
                            && !method.startsWith("set") && !method.startsWith("get")) {
                        long nanos = System.nanoTime() - METHOD_START.get();
                        String key = (platform ? "P " : "B ") + "call " + context.getTarget().getClass().getSimpleName()
                                + "." + method;
                        long[] sum = SQL_SUMMARY.computeIfAbsent(key, t -> new long[2]);
                        sum[0]++;
                        sum[1] += nanos;
                    }
                }
            });
        }
        if (Boolean.getBoolean("benchmark.sql-log")) {
            proxy.name(counter == PLATFORM_STATEMENTS ? "platform" : "bare").logQueryToSysOut();
        }
        return proxy.build();
    }

    @AfterAll
    static void closeBareEngine() {
        if (bare != null) {
            bare.close();
            barePool.close();
        }
    }
}
