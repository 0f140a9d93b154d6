package no.innforing.project;

import static no.innforing.shared.Norwegian.date;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.innforing.project.MovePlan.Blocker;
import no.innforing.project.MovePlan.DateMove;
import no.innforing.project.MovePlan.MilestoneMove;
import no.innforing.shared.DomainException;
import no.innforing.wave.Wave;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Computes a move once, for the preview and for the move alike: which milestones each member has reached (facts,
 * which keep their dates), the new dates of what lies ahead, and who blocks the move. A member blocks when the move
 * would change the go-live of a member that has gone live, or put its next milestone in the past; a full target wave
 * blocks unless RAG overrides it. What the move does to tasks, timers and reminders is measured around applying it
 * ({@link #snapshot}, {@link #withConsequences}): the preview applies it in a transaction that is rolled back.
 */
@Component
class MovePlanner {

    private final ProjectRepository projects;
    private final ProjectQueries queries;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;

    MovePlanner(ProjectRepository projects, ProjectQueries queries, TaskService taskService,
            ManagementService managementService, RepositoryService repositoryService) {
        this.projects = projects;
        this.queries = queries;
        this.taskService = taskService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
    }

    /** One member's move: its schedule before and after, and the facts to record before its dates change. */
    record Step(ImplementationProject project, ProjectPhase phase, ProjectSchedule before, ProjectSchedule planned,
            ProjectSchedule after, Facts facts) {
    }

    /** The days the milestones the project has reached happened; null for those ahead. */
    record Facts(LocalDate preProjectStarted, boolean serviceAgreementSigned, LocalDate mainProjectStarted,
            LocalDate wentLive) {

        boolean reached(Milestone milestone) {
            return switch (milestone) {
                case PRE_PROJECT_START -> preProjectStarted != null;
                case SERVICE_AGREEMENT_DUE -> serviceAgreementSigned;
                case MAIN_PROJECT_START -> mainProjectStarted != null;
                case GO_LIVE -> wentLive != null;
                case STABILIZATION_END -> false;
            };
        }
    }

    /** The plan (without consequences yet) and the steps that apply it. */
    record Planned(MovePlan plan, List<Step> steps) {
    }

    /** Moving a wave's go-live date: every open member follows with what lies ahead of it. */
    Planned forWave(Wave wave, LocalDate newGoLive, String reason) {
        List<Step> steps = new ArrayList<>();
        List<ImplementationProject> members = projects.findByWaveCodeAndStateIn(wave.getCode(), ProjectState.OPEN);
        Map<String, ProjectPhase> phases = queries.currentPhases(members.stream()
                .map(ImplementationProject::getProcessInstanceId).toList());
        for (ImplementationProject member : members) {
            ProjectSchedule planned = ProjectSchedule.forGoLive(newGoLive);
            if (member.getServiceAgreementExtendedTo() != null) {
                planned = planned.withServiceAgreementDue(member.getServiceAgreementExtendedTo());
            }
            steps.add(step(member, planned, phases.get(member.getProcessInstanceId())));
        }
        steps.sort(Comparator.comparing(s -> s.project().getMunicipality().getNumber()));
        List<Blocker> blockers = new ArrayList<>();
        steps.forEach(step -> blockers.addAll(blockers(step)));
        MovePlan plan = new MovePlan(wave.getCode(), null, wave.getGoLiveDate(), newGoLive, reason,
                blockers.isEmpty(), members(steps), blockers, null, List.of());
        return new Planned(plan, steps);
    }

    /** Moving one municipality to another wave: its capacity and cost-share effect too. */
    Planned forProject(ImplementationProject project, Wave target, String reason, boolean overrideCapacity) {
        Step step = step(project, ProjectSchedule.forGoLive(target.getGoLiveDate()),
                queries.currentPhase(project.getProcessInstanceId()));
        List<Blocker> blockers = new ArrayList<>(blockers(step));
        MovePlan.Capacity capacity = capacity(project, target, overrideCapacity);
        if (capacity.exceeded() && !overrideCapacity) {
            blockers.add(new Blocker(project.getMunicipality().getNumber(), project.getMunicipality().getName(),
                    "Kapasitet", "Bølge " + target.getCode() + " er full (" + use(capacity) + "); RAG kan overstyre "
                            + "kapasiteten med en begrunnelse"));
        }
        MovePlan plan = new MovePlan(project.getWave().getCode(), target.getCode(), project.getWave().getGoLiveDate(),
                target.getGoLiveDate(), reason, blockers.isEmpty(), members(List.of(step)), blockers, capacity,
                costShares(project, target));
        return new Planned(plan, List.of(step));
    }

    /** The 422 refusal of a blocked move: every blocking member with its milestone and why. */
    static DomainException refusal(MovePlan plan) {
        String who = plan.blockers().stream()
                .map(b -> b.municipalityName() + " (" + b.municipalityNumber() + "): " + b.milestone() + " – " + b.why())
                .collect(Collectors.joining("; "));
        String what = plan.targetWaveCode() == null
                ? "Bølge " + plan.waveCode() + " kan ikke flyttes til " + date(plan.newGoLive())
                : "Kommunen kan ikke flyttes til bølge " + plan.targetWaveCode();
        return DomainException.unprocessable(what + ". " + who + ". Ingenting er endret.");
    }

    static String use(MovePlan.Capacity c) {
        List<String> parts = new ArrayList<>();
        if (c.maxMunicipalities() != null) {
            parts.add(c.municipalitiesAfter() + " av " + c.maxMunicipalities() + " kommuner");
        }
        if (c.maxInhabitants() != null) {
            parts.add(c.inhabitantsAfter() + " av " + c.maxInhabitants() + " innbyggere");
        }
        return String.join(", ", parts);
    }

    private Step step(ImplementationProject project, ProjectSchedule planned, ProjectPhase phase) {
        ProjectSchedule before = project.schedule();
        Facts facts = facts(project, phase, before, queries);
        ProjectSchedule after = planned.withFacts(facts.preProjectStarted(), facts.mainProjectStarted(),
                facts.wentLive());
        return new Step(project, phase, before, planned, after, facts);
    }

    /**
     * The milestones reached, from the phase the process is in, on the dates they have in the schedule now (the
     * date recorded at an earlier move, else the planned one): a reached milestone keeps its date, and so do the
     * due dates of the tasks that follow from it.
     */
    private static Facts facts(ImplementationProject project, ProjectPhase phase, ProjectSchedule schedule,
            ProjectQueries queries) {
        if (phase == null) {
            return new Facts(null, project.isServiceAgreementSigned(), null, null);
        }
        return new Facts(phase.compareTo(ProjectPhase.PRE_PROJECT) >= 0 ? preProjectStarted(project, schedule, queries)
                : null,
                project.isServiceAgreementSigned(),
                phase.compareTo(ProjectPhase.MAIN_PROJECT) >= 0 ? schedule.mainProjectStart() : null,
                phase.compareTo(ProjectPhase.STABILIZATION) >= 0 ? schedule.goLive() : null);
    }

    /**
     * The day the pre-project began: the planned day, or the day it actually began when that was earlier (an early
     * start opens the pre-project months before its planned date; a project registered mid-programme entered it on
     * the day it was registered, after the planned day, which stays the fact).
     */
    private static LocalDate preProjectStarted(ImplementationProject project, ProjectSchedule schedule,
            ProjectQueries queries) {
        LocalDate planned = schedule.preProjectStart();
        if (!project.isEarlyStart() || project.getPreProjectStartedOn() != null) {
            return planned;
        }
        LocalDate entered = queries.enteredOn(project.getProcessInstanceId(), ProjectProcess.SUBPROCESS_PRE_PROJECT);
        return entered != null && entered.isBefore(planned) ? entered : planned;
    }

    private static List<Blocker> blockers(Step step) {
        List<Blocker> blockers = new ArrayList<>();
        ImplementationProject p = step.project();
        String number = p.getMunicipality().getNumber();
        String name = p.getMunicipality().getName();
        Facts facts = step.facts();
        if (facts.wentLive() != null && !step.planned().goLive().equals(facts.wentLive())) {
            blockers.add(new Blocker(number, name, Milestone.GO_LIVE.label(), "gikk i produksjon "
                    + date(facts.wentLive()) + "; den datoen kan ikke flyttes til " + date(step.planned().goLive())));
        }
        LocalDate today = ProjectSchedule.today();
        for (Milestone milestone : Milestone.values()) {
            if (facts.reached(milestone)) {
                continue;
            }
            LocalDate from = milestone.dateIn(step.before());
            LocalDate to = milestone.dateIn(step.after());
            if (to.isBefore(today) && !to.equals(from)) {
                blockers.add(new Blocker(number, name, milestone.label(), "neste milepæl ville blitt " + date(to)
                        + ", som er passert"));
            }
            break;
        }
        return blockers;
    }

    /** The members with their milestones (facts keep their dates; a signed agreement has no deadline to move). */
    private static List<MovePlan.Member> members(List<Step> steps) {
        return steps.stream().map(step -> new MovePlan.Member(step.project().getMunicipality().getNumber(),
                step.project().getMunicipality().getName(), step.phase() == null ? null : step.phase().displayName(),
                java.util.Arrays.stream(Milestone.values()).map(m -> {
                    boolean reached = step.facts().reached(m);
                    LocalDate from = m.dateIn(step.before());
                    LocalDate to = reached && m == Milestone.SERVICE_AGREEMENT_DUE ? from : m.dateIn(step.after());
                    return new MilestoneMove(m.id(), m.label(), from, to, reached);
                }).toList(), List.of(), List.of(), List.of())).toList();
    }

    private MovePlan.Capacity capacity(ImplementationProject project, Wave target, boolean override) {
        List<ImplementationProject> members = projects.findByWaveCodeAndStateIn(target.getCode(), ProjectState.OPEN);
        long inhabitants = members.stream().mapToLong(m -> m.getMunicipality().getPopulation()).sum();
        int after = members.size() + 1;
        long inhabitantsAfter = inhabitants + project.getMunicipality().getPopulation();
        boolean exceeded = (target.getCapacityMunicipalities() != null && after > target.getCapacityMunicipalities())
                || (target.getCapacityInhabitants() != null && inhabitantsAfter > target.getCapacityInhabitants());
        return new MovePlan.Capacity(target.getCode(), target.getCapacityMunicipalities(),
                target.getCapacityInhabitants(), members.size(), after, inhabitants, inhabitantsAfter, exceeded,
                exceeded && override);
    }

    private List<MovePlan.CostShare> costShares(ImplementationProject project, Wave target) {
        int population = project.getMunicipality().getPopulation();
        List<MovePlan.CostShare> shares = new ArrayList<>();
        for (Wave wave : List.of(project.getWave(), target)) {
            List<ImplementationProject> participants = projects.findByWaveCodeAndStateIn(wave.getCode(),
                    ProjectState.COST_SHARING);
            long inhabitants = participants.stream().mapToLong(m -> m.getMunicipality().getPopulation()).sum();
            boolean joins = wave == target;
            int count = participants.size() + (joins ? 1 : -1);
            long after = inhabitants + (joins ? population : -population);
            shares.add(new MovePlan.CostShare(wave.getCode(), participants.size(), count, inhabitants, after,
                    joins && after > 0 ? Math.round(10000.0 * population / after) / 100.0 : 0));
        }
        return shares;
    }

    // ------------------------------------------------------------------------------------------- consequences

    /** A member's open tasks, timers and reminders with their times, before or after a move. */
    record Snapshot(Map<String, Dated> tasks, Map<String, List<OffsetDateTime>> timers,
            Map<String, List<OffsetDateTime>> reminders) {
    }

    record Dated(String name, OffsetDateTime at) {
    }

    /**
     * The members' open tasks, timers and reminders: two queries for all members (tasks and timer jobs by process
     * instance), and each process model read once.
     */
    Map<String, Snapshot> snapshot(List<Step> steps) {
        Map<String, JobDefinition> definitions = new HashMap<>();
        managementService.createJobDefinitionQuery().processDefinitionKey(ProjectProcess.PROCESS_KEY).list()
                .forEach(d -> definitions.put(d.getId(), d));
        Map<String, List<Task>> tasksByInstance = new HashMap<>();
        Map<String, List<Job>> timersByInstance = new HashMap<>();
        List<String> instances = steps.stream().map(step -> step.project().getProcessInstanceId())
                .filter(Objects::nonNull).distinct().toList();
        for (int from = 0; from < instances.size(); from += QUERY_CHUNK) {
            List<String> chunk = instances.subList(from, Math.min(instances.size(), from + QUERY_CHUNK));
            for (Task task : taskService.createTaskQuery().processInstanceIdIn(chunk.toArray(String[]::new)).list()) {
                tasksByInstance.computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>()).add(task);
            }
            for (Job job : managementService.createJobQuery().processInstanceIds(new java.util.HashSet<>(chunk))
                    .timers().orderByJobDuedate().asc().orderByJobId().asc().list()) {
                timersByInstance.computeIfAbsent(job.getProcessInstanceId(), k -> new ArrayList<>()).add(job);
            }
        }
        Map<String, org.camunda.bpm.model.bpmn.BpmnModelInstance> models = new HashMap<>();
        Map<String, Snapshot> snapshots = new LinkedHashMap<>();
        for (Step step : steps) {
            String instance = step.project().getProcessInstanceId();
            Map<String, Dated> tasks = new TreeMap<>();
            for (Task task : tasksByInstance.getOrDefault(instance, List.of())) {
                tasks.put(task.getId(), new Dated(task.getName(), at(task.getDueDate())));
            }
            Map<String, List<OffsetDateTime>> timers = new TreeMap<>();
            Map<String, List<OffsetDateTime>> reminders = new TreeMap<>();
            for (Job job : timersByInstance.getOrDefault(instance, List.of())) {
                JobDefinition definition = definitions.get(job.getJobDefinitionId());
                if (definition != null && TimerTaskListenerJobHandler.TYPE.equals(definition.getJobType())) {
                    continue;   // a legacy overdue timer (LegacyOverdueTimers): it sends nothing, the sweep does
                }
                String activity = definition == null ? "?" : definition.getActivityId();
                boolean reminder = ProjectProcess.TIMER_REMINDER.equals(activity);
                (reminder ? reminders : timers).computeIfAbsent(label(job, definition, models), k -> new ArrayList<>())
                        .add(at(job.getDuedate()));
            }
            snapshots.put(step.project().getMunicipality().getNumber(), new Snapshot(tasks, timers, reminders));
        }
        return snapshots;
    }

    /** How many process instances one task or job query asks for at most. */
    private static final int QUERY_CHUNK = 500;

    /** The plan with what the move did (or would do) to each member's tasks, timers and reminders. */
    static MovePlan withConsequences(MovePlan plan, Map<String, Snapshot> before, Map<String, Snapshot> after) {
        List<MovePlan.Member> members = plan.members().stream().map(member -> {
            Snapshot b = before.get(member.municipalityNumber());
            Snapshot a = after.get(member.municipalityNumber());
            List<DateMove> tasks = new ArrayList<>();
            for (String id : b.tasks().keySet()) {
                Dated from = b.tasks().get(id);
                Dated to = a.tasks().get(id);
                if (to != null && !Objects.equals(from.at(), to.at())) {
                    tasks.add(new DateMove(from.name(), from.at(), to.at()));
                }
            }
            return new MovePlan.Member(member.municipalityNumber(), member.municipalityName(), member.phase(),
                    member.milestones(), tasks, changes(b.timers(), a.timers()), changes(b.reminders(), a.reminders()));
        }).toList();
        return new MovePlan(plan.waveCode(), plan.targetWaveCode(), plan.oldGoLive(), plan.newGoLive(), plan.reason(),
                plan.allowed(), members, plan.blockers(), plan.capacity(), plan.costShares());
    }

    private static List<DateMove> changes(Map<String, List<OffsetDateTime>> before,
            Map<String, List<OffsetDateTime>> after) {
        List<DateMove> moves = new ArrayList<>();
        java.util.SortedSet<String> labels = new java.util.TreeSet<>(before.keySet());
        labels.addAll(after.keySet());
        for (String label : labels) {
            List<OffsetDateTime> from = before.getOrDefault(label, List.of());
            List<OffsetDateTime> to = after.getOrDefault(label, List.of());
            for (int i = 0; i < Math.max(from.size(), to.size()); i++) {
                OffsetDateTime f = i < from.size() ? from.get(i) : null;
                OffsetDateTime t = i < to.size() ? to.get(i) : null;
                if (!Objects.equals(f, t)) {
                    moves.add(new DateMove(label, f, t));
                }
            }
        }
        return moves;
    }

    private String label(Job job, JobDefinition definition,
            Map<String, org.camunda.bpm.model.bpmn.BpmnModelInstance> models) {
        if (definition == null) {
            return "Tidtaker";
        }
        String name = definition.getActivityId();
        FlowElement element = models.computeIfAbsent(job.getProcessDefinitionId(), repositoryService::getBpmnModelInstance)
                .getModelElementById(definition.getActivityId());
        if (element != null && element.getName() != null) {
            name = element.getName();
        }
        return name;
    }

    private static OffsetDateTime at(Date date) {
        return date == null ? null : date.toInstant().atZone(ProjectSchedule.ZONE).toOffsetDateTime();
    }
}
