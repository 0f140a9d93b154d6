package no.innforing.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.innforing.benefit.BenefitFollowUp;
import no.innforing.municipality.Municipality;
import no.innforing.municipality.MunicipalityService;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectService;
import no.innforing.shared.DomainException;
import no.innforing.shared.Norwegian;
import no.innforing.version.MigrationReport.OpenTask;
import no.innforing.version.MigrationReport.ProjectMigration;
import no.innforing.version.MigrationReport.Status;
import no.innforing.version.MigrationReport.TaskChange;
import no.innforing.version.MigrationReport.Timer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deployed versions of the method's processes and the move of running projects to a newer one.
 *
 * <p>Each project is migrated on its own, synchronously, in a transaction of its own
 * ({@code newMigration(plan).processInstanceIds(id).execute()}): the report then says exactly what happened to
 * each, and one that fails leaves the others moved. A dry run does the very same migration and rolls it back, so
 * what it reports (refusals, renamed tasks, timers) is what the migration would do, not a prediction of it.
 *
 * <p>Timers keep their due dates: every timer job's due date is read before and put back after the migration
 * (with {@code updateEventTriggers} the engine creates timers afresh from the new version's definition, and a
 * timer the new version would compute differently must still fall on the date the project was given). Open tasks
 * keep their due dates, assignees and tenant (the engine keeps the task); a renamed task gets its new name. No
 * listener runs, so the service-agreement reminders are not planned again: the reminder timers move as they are.
 */
@Service
public class ProcessVersions {

    /** The processes whose versions RAG manages. */
    public static final List<String> PROCESS_KEYS = List.of(ProjectProcess.PROCESS_KEY, BenefitFollowUp.PROCESS_KEY);

    public record MunicipalityRef(String number, String name) {
    }

    /** One deployed version and the projects running on it. */
    public record Version(String processKey, String processName, int version, String versionTag, String definitionId,
            Instant deployedAt, boolean latest, int activeProjects, List<MunicipalityRef> municipalities) {
    }

    /** What to migrate: the process, the target version, optionally one source version, and whether to do it. */
    public record MigrationRequest(String processKey, int targetVersion, Integer fromVersion, boolean dryRun) {
    }

    /** Names an expression may use that are not process variables. */
    private static final Set<String> EXPRESSION_NAMES = Set.of("execution", "task", "externalTask", "variableScope",
            "authenticatedUserId", "true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le",
            "ge", "div", "mod", "instanceof", "dateTime", "S", "XML", "JSON");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");
    private static final Pattern WRITTEN = Pattern.compile(
            "camunda:(?:resultVariable|elementVariable)=\"(\\w+)\"|<camunda:outputParameter name=\"(\\w+)\"");

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final ProjectService projects;
    private final MunicipalityService municipalities;
    private final ApplicationContext beans;
    private final TransactionTemplate separately;

    ProcessVersions(RepositoryService repository, RuntimeService runtime, TaskService tasks,
            ManagementService management, ProjectService projects, MunicipalityService municipalities,
            ApplicationContext beans, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.projects = projects;
        this.municipalities = municipalities;
        this.beans = beans;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ------------------------------------------------------------------------------------------------ versions

    /** Every deployed version of each process, newest first, with the projects running on it. */
    public List<Version> versions() {
        List<Version> versions = new ArrayList<>();
        for (String key : PROCESS_KEYS) {
            List<ProcessDefinition> definitions = definitions(key);
            int latest = definitions.isEmpty() ? 0 : definitions.get(0).getVersion();
            for (ProcessDefinition definition : definitions) {
                List<MunicipalityRef> running = runtime.createProcessInstanceQuery()
                        .processDefinitionId(definition.getId()).list().stream()
                        .map(ProcessInstance::getBusinessKey).filter(Objects::nonNull).distinct().sorted()
                        .map(this::municipality).toList();
                Instant deployedAt = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
                        .singleResult().getDeploymentTime().toInstant();
                versions.add(new Version(key, definition.getName(), definition.getVersion(),
                        definition.getVersionTag(), definition.getId(), deployedAt, definition.getVersion() == latest,
                        running.size(), running));
            }
        }
        return versions;
    }

    /** The version each of the given process instances runs (instances that ended are left out). */
    public Map<String, Integer> versionOf(Collection<String> processInstanceIds) {
        return versionOf(processInstanceIds, Map.of());
    }

    /**
     * As {@link #versionOf(Collection)}, with the process definition of some running instances already known (read
     * in the same request from their tasks or jobs, as the overview does): only the others are read from the engine
     * (at 356 projects the overview spent a quarter of its time reading and mapping every instance again).
     */
    public Map<String, Integer> versionOf(Collection<String> processInstanceIds, Map<String, String> knownDefinitions) {
        Set<String> ids = new LinkedHashSet<>(processInstanceIds);
        ids.remove(null);
        Map<String, Integer> versions = new HashMap<>();
        Map<String, Integer> versionByDefinition = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String id : ids) {
            String definition = knownDefinitions.get(id);
            if (definition == null) {
                unknown.add(id);
            } else {
                versions.put(id, versionByDefinition.computeIfAbsent(definition,
                        d -> repository.getProcessDefinition(d).getVersion()));
            }
        }
        if (!unknown.isEmpty()) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(unknown).list()) {
                versions.put(instance.getId(), versionByDefinition.computeIfAbsent(
                        instance.getProcessDefinitionId(), d -> repository.getProcessDefinition(d).getVersion()));
            }
        }
        return versions;
    }

    // ----------------------------------------------------------------------------------------------- migration

    /**
     * Reports, and without {@code dryRun} carries out, the move of every project on an older version (or on
     * {@code fromVersion}) to {@code targetVersion}. Projects that cannot move are left untouched and named.
     */
    public MigrationReport migrate(MigrationRequest request) {
        String key = request.processKey() == null ? ProjectProcess.PROCESS_KEY : request.processKey();
        if (!PROCESS_KEYS.contains(key)) {
            throw DomainException.notFound("Ukjent prosess «" + key + "». Kjente prosesser: "
                    + String.join(", ", PROCESS_KEYS) + ".");
        }
        List<ProcessDefinition> definitions = definitions(key);
        ProcessDefinition target = version(definitions, key, request.targetVersion());
        List<ProcessDefinition> sources;
        if (request.fromVersion() != null) {
            ProcessDefinition from = version(definitions, key, request.fromVersion());
            if (from.getVersion() >= target.getVersion()) {
                throw DomainException.unprocessable("Versjon " + target.getVersion() + " er ikke nyere enn versjon "
                        + from.getVersion() + "; prosjekter kan bare flyttes til en nyere versjon.");
            }
            sources = List.of(from);
        } else {
            sources = definitions.stream().filter(d -> d.getVersion() < target.getVersion())
                    .sorted(Comparator.comparingInt(ProcessDefinition::getVersion)).toList();
        }

        BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
        List<TaskChange> versionChanges = new ArrayList<>();
        List<ProjectMigration> reports = new ArrayList<>();
        for (ProcessDefinition source : sources) {
            BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
            versionChanges.addAll(taskChanges(source.getVersion(), sourceModel, targetModel));
            List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
                    .processDefinitionId(source.getId()).list().stream()
                    .sorted(Comparator.comparing(ProcessInstance::getBusinessKey,
                            Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            if (instances.isEmpty()) {
                continue;
            }
            Set<String> needed = variablesNeeded(source, target);
            MigrationPlan plan;
            try {
                plan = runtime.createMigrationPlan(source.getId(), target.getId())
                        .mapEqualActivities().updateEventTriggers().build();
            } catch (MigrationPlanValidationException invalid) {
                for (ProcessInstance instance : instances) {
                    reports.add(outcome(refused(instance, source, List.of("Versjon " + source.getVersion()
                            + " kan ikke flyttes til versjon " + target.getVersion() + " (Camunda: "
                            + invalid.getMessage() + ")")), request.dryRun()));
                }
                continue;
            }
            for (ProcessInstance instance : instances) {
                reports.add(migrateOne(instance, source, target, sourceModel, targetModel, plan, needed,
                        request.dryRun()));
            }
        }

        int migratable = (int) reports.stream().filter(r -> r.status() == Status.CAN_MIGRATE
                || r.status() == Status.MIGRATED || r.status() == Status.FAILED).count();
        int migrated = (int) reports.stream().filter(r -> r.status() == Status.MIGRATED).count();
        int failed = (int) reports.stream().filter(r -> r.status() == Status.FAILED).count();
        int notMigratable = reports.size() - migratable;
        String message = message(request.dryRun(), target.getVersion(), reports.size(), migratable, migrated,
                failed, notMigratable);
        return new MigrationReport(key, target.getName(), target.getVersion(),
                sources.stream().map(ProcessDefinition::getVersion).toList(), request.dryRun(), versionChanges,
                reports, migratable, notMigratable, migrated, failed, message);
    }

    private static String message(boolean dryRun, int target, int total, int migratable, int migrated, int failed,
            int notMigratable) {
        if (total == 0) {
            return "Ingen prosjekter kjører på en eldre versjon; det er ingenting å flytte til versjon " + target + ".";
        }
        if (dryRun) {
            return "Prøvekjøring: " + Norwegian.count(migratable, "prosjekt", "prosjekter")
                    + " kan flyttes til versjon " + target + ", " + notMigratable + " kan ikke. Ingenting er endret.";
        }
        return Norwegian.count(migrated, "prosjekt", "prosjekter") + " flyttet til versjon " + target + "; "
                + notMigratable + " kunne ikke flyttes og er uendret" + (failed > 0 ? "; " + failed + " feilet" : "")
                + ".";
    }

    private ProjectMigration migrateOne(ProcessInstance instance, ProcessDefinition source, ProcessDefinition target,
            BpmnModelInstance sourceModel, BpmnModelInstance targetModel, MigrationPlan plan, Set<String> needed,
            boolean dryRun) {
        Set<String> present = new TreeSet<>();
        runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId()).list()
                .forEach(variable -> present.add(variable.getName()));
        List<String> missing = needed.stream().filter(name -> !present.contains(name)).sorted().toList();
        if (!missing.isEmpty()) {
            return outcome(refused(instance, source, missing.stream().map(name -> "Mangler variabelen «" + name
                    + "», som versjon " + target.getVersion() + " bruker.").toList()), dryRun);
        }

        List<ProjectMigration> outcome = new ArrayList<>();
        try {
            separately.executeWithoutResult(transaction -> {
                try {
                    Snapshot before = snapshot(instance.getId(), sourceModel);
                    runtime.newMigration(plan).processInstanceIds(instance.getId()).skipCustomListeners()
                            .skipIoMappings().execute();
                    List<String> changes = new ArrayList<>();
                    keepTimers(instance.getId(), before, changes);
                    keepTasks(instance.getId(), before, targetModel, changes);
                    changes.addAll(newTasksAhead(instance.getId(), sourceModel, targetModel));
                    Snapshot after = snapshot(instance.getId(), targetModel);
                    Status status = dryRun ? Status.CAN_MIGRATE : Status.MIGRATED;
                    if (!dryRun) {
                        projects.recordProcessMigration(instance.getBusinessKey(), "«" + target.getName()
                                + "» flyttet fra versjon " + source.getVersion() + " til versjon "
                                + target.getVersion() + (changes.isEmpty() ? "" : ": " + String.join(" ", changes)));
                    } else {
                        transaction.setRollbackOnly();
                    }
                    outcome.add(report(instance, source, status, List.of(), changes, after, before));
                } catch (MigratingProcessInstanceValidationException refused) {
                    transaction.setRollbackOnly();
                    outcome.add(refused(instance, source, reasons(refused, sourceModel, targetModel, target)));
                }
            });
        } catch (ProcessEngineException | DomainException | IllegalStateException failure) {
            return new ProjectMigration(instance.getBusinessKey(), municipality(instance.getBusinessKey()).name(),
                    instance.getId(), source.getVersion(), Status.FAILED, Status.FAILED.displayName(),
                    List.of("Flyttingen feilet og er rullet tilbake: " + failure.getMessage()), List.of(), List.of(),
                    List.of());
        }
        return outcome(outcome.get(0), dryRun);
    }

    /** After a migration (not a dry run) a project that could not be moved is reported as not moved. */
    private static ProjectMigration outcome(ProjectMigration result, boolean dryRun) {
        if (!dryRun && result.status() == Status.CANNOT_MIGRATE) {
            return new ProjectMigration(result.municipalityNumber(), result.municipalityName(),
                    result.processInstanceId(), result.fromVersion(), Status.NOT_MIGRATED,
                    Status.NOT_MIGRATED.displayName(), result.reasons(), result.changes(), result.openTasks(),
                    result.timers());
        }
        return result;
    }

    private ProjectMigration refused(ProcessInstance instance, ProcessDefinition source, List<String> reasons) {
        return new ProjectMigration(instance.getBusinessKey(), municipality(instance.getBusinessKey()).name(),
                instance.getId(), source.getVersion(), Status.CANNOT_MIGRATE, Status.CANNOT_MIGRATE.displayName(),
                reasons, List.of(), List.of(), List.of());
    }

    private ProjectMigration report(ProcessInstance instance, ProcessDefinition source, Status status,
            List<String> reasons, List<String> changes, Snapshot after, Snapshot before) {
        List<OpenTask> open = after.tasks().values().stream().map(task -> new OpenTask(task.id(), task.name(),
                before.tasks().containsKey(task.id()) && !Objects.equals(before.tasks().get(task.id()).name(),
                        task.name()) ? before.tasks().get(task.id()).name() : null,
                oslo(task.due()), task.assignee())).toList();
        List<Timer> timers = after.timers().entrySet().stream().map(timer -> new Timer(after.timerNames().get(
                timer.getKey()), oslo(timer.getValue()), Objects.equals(before.timers().get(timer.getKey()),
                timer.getValue()))).sorted(Comparator.comparing(Timer::dueAt)).toList();
        return new ProjectMigration(instance.getBusinessKey(), municipality(instance.getBusinessKey()).name(),
                instance.getId(), source.getVersion(), status, status.displayName(), reasons, changes, open, timers);
    }

    /** Why the engine refuses to move the instance, in words RAG can act on. */
    private static List<String> reasons(MigratingProcessInstanceValidationException refused,
            BpmnModelInstance sourceModel, BpmnModelInstance targetModel, ProcessDefinition target) {
        List<String> reasons = new ArrayList<>();
        var report = refused.getValidationReport();
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            reasons.add(reason(activity.getSourceScopeId(), activity.getFailures(), sourceModel, targetModel, target));
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            reasons.add(reason(transition.getSourceScopeId(), transition.getFailures(), sourceModel, targetModel,
                    target));
        }
        report.getFailures().forEach(failure -> reasons.add("Camunda: " + failure));
        return reasons.stream().distinct().toList();
    }

    private static String reason(String scopeId, List<String> failures, BpmnModelInstance sourceModel,
            BpmnModelInstance targetModel, ProcessDefinition target) {
        String name = name(sourceModel, scopeId);
        if (targetModel.getModelElementById(scopeId) == null) {
            return "Venter i «" + name + "», som versjon " + target.getVersion() + " ikke har.";
        }
        return "«" + name + "» kan ikke flyttes (Camunda: " + String.join("; ", failures) + ").";
    }

    // ------------------------------------------------------------------------------------ timers, tasks, phases

    private record TaskState(String id, String key, String name, Date due, String assignee, String tenantId) {
    }

    /** Timers by a key that survives the migration (execution + handler configuration), with due date and name. */
    private record Snapshot(Map<String, TaskState> tasks, Map<String, Date> timers, Map<String, String> timerNames,
            Map<String, String> timerIds) {
    }

    private Snapshot snapshot(String processInstanceId, BpmnModelInstance model) {
        Map<String, TaskState> open = new LinkedHashMap<>();
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc()
                .list()) {
            open.put(task.getId(), new TaskState(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                    task.getDueDate(), task.getAssignee(), task.getTenantId()));
        }
        Map<String, String> activityByDefinition = new HashMap<>();
        List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).timers()
                .orderByJobDuedate().asc().list();
        for (Job job : jobs) {
            if (job.getJobDefinitionId() != null && !activityByDefinition.containsKey(job.getJobDefinitionId())) {
                JobDefinition definition = management.createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult();
                activityByDefinition.put(job.getJobDefinitionId(), definition == null ? null
                        : definition.getActivityId());
            }
        }
        Map<String, Date> timers = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Job job : jobs) {
            String configuration = job instanceof JobEntity entity ? entity.getJobHandlerConfigurationRaw()
                    : activityByDefinition.get(job.getJobDefinitionId());
            String base = job.getExecutionId() + "|" + configuration;
            int n = seen.merge(base, 1, Integer::sum);
            String timerKey = base + "#" + n;
            timers.put(timerKey, job.getDuedate());
            ids.put(timerKey, job.getId());
            names.put(timerKey, timerName(model, activityByDefinition.get(job.getJobDefinitionId()), configuration));
        }
        return new Snapshot(open, timers, names, ids);
    }

    private static String timerName(BpmnModelInstance model, String activityId, String configuration) {
        String name = name(model, activityId);
        if (configuration != null && configuration.contains("taskListener~")) {
            String listener = configuration.substring(configuration.indexOf("taskListener~") + "taskListener~".length());
            return (listener.endsWith("ForRag") ? "Varsel til RAG om forfalt oppgave: " : "Varsel om forfalt oppgave: ")
                    + name;
        }
        return name;
    }

    /** Puts back every timer's due date that the migration changed (a timer created afresh from the new version). */
    private void keepTimers(String processInstanceId, Snapshot before, List<String> changes) {
        Snapshot after = snapshot(processInstanceId, null);
        for (Map.Entry<String, Date> timer : after.timers().entrySet()) {
            Date was = before.timers().get(timer.getKey());
            if (was != null && !was.equals(timer.getValue())) {
                management.setJobDuedate(after.timerIds().get(timer.getKey()), was, false);
            }
        }
        int kept = (int) after.timers().keySet().stream().filter(before.timers()::containsKey).count();
        if (kept > 0) {
            changes.add(Norwegian.count(kept, "tidsfrist", "tidsfrister") + " beholder datoen.");
        }
        for (String gone : before.timers().keySet()) {
            if (!after.timers().containsKey(gone)) {
                changes.add("Tidsfristen «" + before.timerNames().get(gone) + "» ("
                        + Norwegian.date(oslo(before.timers().get(gone)).toLocalDate()) + ") faller bort.");
            }
        }
        for (String added : after.timers().keySet()) {
            if (!before.timers().containsKey(added)) {
                changes.add("Ny tidsfrist " + Norwegian.date(oslo(after.timers().get(added)).toLocalDate()) + ".");
            }
        }
    }

    /** Open tasks keep due date, assignee and tenant; a task the new version renames gets its new name. */
    private void keepTasks(String processInstanceId, Snapshot before, BpmnModelInstance targetModel,
            List<String> changes) {
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            TaskState was = before.tasks().get(task.getId());
            if (was == null) {
                changes.add("Ny åpen oppgave «" + task.getName() + "».");
                continue;
            }
            boolean changed = false;
            String newName = targetModel.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask userTask
                    ? userTask.getName() : null;
            if (newName != null && !newName.contains("${") && !newName.equals(task.getName())) {
                changes.add("Oppgaven «" + task.getName() + "» heter nå «" + newName + "».");
                task.setName(newName);
                changed = true;
            }
            if (!Objects.equals(was.due(), task.getDueDate())) {
                task.setDueDate(was.due());
                changed = true;
            }
            if (!Objects.equals(was.assignee(), task.getAssignee())) {
                task.setAssignee(was.assignee());
                changed = true;
            }
            if (changed) {
                tasks.saveTask(task);
            }
        }
        Set<String> after = new TreeSet<>();
        tasks.createTaskQuery().processInstanceId(processInstanceId).list().forEach(t -> after.add(t.getId()));
        before.tasks().values().stream().filter(t -> !after.contains(t.id()))
                .forEach(t -> changes.add("Oppgaven «" + t.name() + "» forsvinner."));
    }

    /** The tasks the new version adds inside a phase the project is in now: they come if the project gets there. */
    private List<String> newTasksAhead(String processInstanceId, BpmnModelInstance sourceModel,
            BpmnModelInstance targetModel) {
        Set<String> active = new LinkedHashSet<>();
        collect(runtime.getActivityInstance(processInstanceId), active);
        List<String> ahead = new ArrayList<>();
        for (UserTask task : targetModel.getModelElementsByType(UserTask.class)) {
            if (sourceModel.getModelElementById(task.getId()) != null) {
                continue;
            }
            String phase = task.getParentElement() instanceof FlowElement parent ? parent.getName() : "prosessen";
            boolean inPhaseNow = task.getParentElement() instanceof FlowElement parent
                    && active.contains(parent.getId());
            ahead.add("Ny oppgave «" + task.getName() + "» i «" + phase + "»" + (inPhaseNow
                    ? ", som prosjektet er i nå: den kommer hvis prosjektet ikke har passert stedet den står."
                    : ": den kommer hvis prosjektet ikke har passert den fasen."));
        }
        return ahead;
    }

    private static void collect(ActivityInstance instance, Set<String> activities) {
        if (instance == null) {
            return;
        }
        activities.add(instance.getActivityId());
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collect(child, activities);
        }
    }

    /** User tasks the target adds, removes or renames compared with the source. */
    private static List<TaskChange> taskChanges(int fromVersion, BpmnModelInstance source, BpmnModelInstance target) {
        List<TaskChange> changes = new ArrayList<>();
        for (UserTask task : target.getModelElementsByType(UserTask.class)) {
            if (source.getModelElementById(task.getId()) instanceof UserTask old) {
                if (!Objects.equals(old.getName(), task.getName())) {
                    changes.add(new TaskChange(fromVersion, "RENAMED", task.getId(), task.getName(), old.getName()));
                }
            } else {
                changes.add(new TaskChange(fromVersion, "ADDED", task.getId(), task.getName(), null));
            }
        }
        for (UserTask task : source.getModelElementsByType(UserTask.class)) {
            if (!(target.getModelElementById(task.getId()) instanceof UserTask)) {
                changes.add(new TaskChange(fromVersion, "REMOVED", task.getId(), task.getName(), null));
            }
        }
        return changes;
    }

    // ---------------------------------------------------------------------------------------------- variables

    /**
     * The process variables the target version reads that the source version never read nor the target writes:
     * a project without one would fail when it gets there, so it is not moved. Names of beans, and those an
     * expression knows without a variable ({@code execution} …), are not variables.
     */
    Set<String> variablesNeeded(ProcessDefinition source, ProcessDefinition target) {
        String targetXml = xml(target);
        Set<String> needed = identifiers(targetXml);
        needed.removeAll(identifiers(xml(source)));
        Matcher written = WRITTEN.matcher(targetXml);
        while (written.find()) {
            needed.remove(written.group(1) != null ? written.group(1) : written.group(2));
        }
        needed.removeIf(name -> EXPRESSION_NAMES.contains(name) || beans.containsBean(name));
        return needed;
    }

    private static Set<String> identifiers(String xml) {
        Set<String> names = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(xml);
        while (expression.find()) {
            String body = QUOTED.matcher(expression.group(1).replace("&#39;", "'").replace("&quot;", "\""))
                    .replaceAll("''");
            Matcher identifier = IDENTIFIER.matcher(body);
            while (identifier.find()) {
                names.add(identifier.group(1));
            }
        }
        return names;
    }

    private String xml(ProcessDefinition definition) {
        try (InputStream in = repository.getProcessModel(definition.getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private List<ProcessDefinition> definitions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().desc().list();
    }

    private static ProcessDefinition version(List<ProcessDefinition> definitions, String key, int version) {
        return definitions.stream().filter(d -> d.getVersion() == version).findFirst()
                .orElseThrow(() -> DomainException.notFound("Prosessen «" + key + "» har ingen versjon " + version
                        + ". Kjente versjoner: " + String.join(", ", definitions.stream()
                        .map(d -> String.valueOf(d.getVersion())).sorted().toList()) + "."));
    }

    private static String name(BpmnModelInstance model, String id) {
        if (id == null || model == null) {
            return id;
        }
        return model.getModelElementById(id) instanceof FlowElement element && element.getName() != null
                ? element.getName() : id;
    }

    private MunicipalityRef municipality(String number) {
        if (number == null) {
            return new MunicipalityRef(null, "–");
        }
        return new MunicipalityRef(number, municipalities.find(number).map(Municipality::getName).orElse(number));
    }

    private static OffsetDateTime oslo(Date date) {
        return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), Norwegian.ZONE);
    }
}
