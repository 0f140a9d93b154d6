package no.innforing.overview;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import no.innforing.project.ImplementationProject;
import no.innforing.project.Milestone;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectQueries.OpenTask;
import no.innforing.project.ProjectQueries;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectState;
import no.innforing.security.MunicipalityAccess;
import no.innforing.wave.Wave;
import no.innforing.wave.WaveService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the regional overview: one row per project the viewer may see, with its phase, next deadline, overdue
 * tasks and a traffic light. A fixed number of queries whatever the number of municipalities.
 */
@Service
@Transactional(readOnly = true)
public class OverviewService {

    /** Traffic light: green on track, yellow needs attention, red needs action, grey closed. */
    public enum Light {
        GREEN("På sporet"), YELLOW("Følg med"), RED("Krever handling"), GREY("Avsluttet");

        private final String label;

        Light(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String css() {
            return name().toLowerCase();
        }
    }

    public record Deadline(String label, LocalDate date) {
    }

    public record Row(String municipalityNumber, String municipalityName, String county, String waveCode,
            String waveName, ProjectState state, String stateName, ProjectPhase phase, String phaseName,
            Deadline nextDeadline, Long daysLeft, int overdueTasks, List<OpenTask> openTasks, Light light,
            String processInstanceId, ProjectSchedule schedule, boolean serviceAgreementSigned,
            List<Milestone.Dated> upcomingMilestones, String originalWaveCode, LocalDate earlyStartBegan) {
    }

    public record Filter(String wave, String county) {
        boolean accepts(ImplementationProject project) {
            return (wave == null || wave.isBlank() || wave.equals(project.getWave().getCode()))
                    && (county == null || county.isBlank() || county.equals(project.getMunicipality().getCounty()));
        }
    }

    private final ProjectService projects;
    private final ProjectQueries queries;
    private final WaveService waves;

    OverviewService(ProjectService projects, ProjectQueries queries, WaveService waves) {
        this.projects = projects;
        this.queries = queries;
        this.waves = waves;
    }

    public List<Wave> waves() {
        return waves.all();
    }

    /**
     * What the overview page shows besides its rows, read with the rows from one load of the projects;
     * {@code processDefinitions}: the process definition each running project's instance was seen on (its tasks or
     * jobs), so that its version need not be read again.
     */
    public record Page(List<Row> rows, List<Wave> waves, java.util.Map<String, String> capacityUse,
            List<String> counties, java.util.Map<String, String> processDefinitions) {
    }

    /**
     * The overview page's data: its rows, the waves, each wave's use of its capacity and the counties for the
     * filter, from one read of the projects (with their municipalities and waves) and the engine's live state.
     */
    public Page page(Set<String> viewerGroups, Filter filter) {
        List<ImplementationProject> all = projects.all();
        List<Wave> allWaves = waves.all();
        java.util.Map<String, String> definitions = new java.util.HashMap<>();
        List<Row> rows = rows(all, viewerGroups, filter, definitions);
        return new Page(rows, allWaves, capacityUse(all, allWaves), counties(all), definitions);
    }

    /** The latest project of every municipality the viewer may see, passing the filter, ordered by wave. */
    public List<Row> rows(Set<String> viewerGroups, Filter filter) {
        return rows(projects.all(), viewerGroups, filter, new java.util.HashMap<>());
    }

    /** The rows; {@code definitions} receives the process definition of each instance the live state saw. */
    private List<Row> rows(List<ImplementationProject> all, Set<String> viewerGroups, Filter filter,
            java.util.Map<String, String> definitions) {
        LocalDate today = ProjectSchedule.today();
        List<ImplementationProject> latest = latestPerMunicipality(all);
        ProjectQueries.LiveState live = queries.liveState(latest.stream().filter(p -> p.getState().isOpen())
                .map(ImplementationProject::getProcessInstanceId).toList());
        definitions.putAll(live.definitionByInstance());
        java.util.Map<String, LocalDate> earlyStarts = queries.earlyStartDays();
        List<Row> rows = new ArrayList<>();
        for (ImplementationProject project : latest) {
            if (!MunicipalityAccess.maySee(viewerGroups, project.getMunicipality().getNumber())
                    || !filter.accepts(project)) {
                continue;
            }
            rows.add(row(project, live, today, earlyStarts.get(project.getProcessInstanceId())));
        }
        rows.sort(Comparator.comparing((Row r) -> r.schedule().goLive()).thenComparing(Row::waveCode)
                .thenComparing(Row::municipalityName));
        return rows;
    }

    /** Use against capacity of each wave that has one: "3 av 4 kommuner, 30000 av 50000 innbyggere". */
    private static java.util.Map<String, String> capacityUse(List<ImplementationProject> all, List<Wave> allWaves) {
        java.util.Map<String, List<ImplementationProject>> byWave = all.stream().filter(p -> p.getState().isOpen())
                .collect(java.util.stream.Collectors.groupingBy(p -> p.getWave().getCode()));
        java.util.Map<String, String> use = new java.util.HashMap<>();
        for (Wave wave : allWaves) {
            List<ImplementationProject> members = byWave.getOrDefault(wave.getCode(), List.of());
            List<String> parts = new ArrayList<>();
            if (wave.getCapacityMunicipalities() != null) {
                parts.add(members.size() + " av " + wave.getCapacityMunicipalities() + " kommuner");
            }
            if (wave.getCapacityInhabitants() != null) {
                parts.add(members.stream().mapToLong(p -> p.getMunicipality().getPopulation()).sum() + " av "
                        + wave.getCapacityInhabitants() + " innbyggere");
            }
            if (!parts.isEmpty()) {
                use.put(wave.getCode(), "Kapasitet: " + String.join(", ", parts));
            }
        }
        return use;
    }

    private static List<String> counties(List<ImplementationProject> all) {
        return all.stream().map(p -> p.getMunicipality().getCounty()).distinct().sorted().toList();
    }

    private static List<ImplementationProject> latestPerMunicipality(List<ImplementationProject> all) {
        java.util.Map<String, ImplementationProject> latest = new java.util.LinkedHashMap<>();
        for (ImplementationProject project : all) {
            latest.merge(project.getMunicipality().getNumber(), project, (a, b) ->
                    a.getState().isOpen() && !b.getState().isOpen() ? a
                            : b.getState().isOpen() && !a.getState().isOpen() ? b
                            : a.getCreatedAt().isAfter(b.getCreatedAt()) ? a : b);
        }
        return new ArrayList<>(latest.values());
    }

    private static Row row(ImplementationProject project, ProjectQueries.LiveState live, LocalDate today,
            LocalDate earlyStartBegan) {
        ProjectSchedule schedule = project.schedule();
        boolean open = project.getState().isOpen();
        List<OpenTask> tasks = open ? live.tasksByInstance().getOrDefault(project.getProcessInstanceId(), List.of())
                : List.of();
        ProjectPhase phase = open ? live.phaseByInstance().get(project.getProcessInstanceId()) : null;
        int overdue = (int) tasks.stream().filter(t -> t.due() != null && t.due().isBefore(today)).count();
        List<Milestone.Dated> upcoming = open ? upcoming(project) : List.of();
        Deadline next = open ? nextDeadline(upcoming, tasks, today) : null;
        Long daysLeft = next == null ? null : ChronoUnit.DAYS.between(today, next.date());
        return new Row(project.getMunicipality().getNumber(), project.getMunicipality().getName(),
                project.getMunicipality().getCounty(), project.getWave().getCode(), project.getWave().getName(),
                project.getState(), project.getState().displayName(), phase, phase == null ? "–" : phase.displayName(),
                next, daysLeft, overdue, tasks, light(project, schedule, tasks, today, daysLeft),
                project.getProcessInstanceId(), schedule, project.isServiceAgreementSigned(),
                upcoming.stream().filter(m -> !m.date().isBefore(today)).toList(),
                project.getOriginalWave().getCode(), earlyStartBegan);
    }

    private static Deadline nextDeadline(List<Milestone.Dated> upcoming, List<OpenTask> tasks, LocalDate today) {
        List<Deadline> candidates = new ArrayList<>();
        tasks.stream().filter(t -> t.due() != null && !t.due().isBefore(today))
                .forEach(t -> candidates.add(new Deadline(t.name(), t.due())));
        upcoming.forEach(m -> candidates.add(new Deadline(m.label(), m.date())));
        return candidates.stream().filter(d -> !d.date().isBefore(today))
                .min(Comparator.comparing(Deadline::date)).orElse(null);
    }

    /**
     * The milestones the overview counts down to. The pre-project start is left out: a project registered in a
     * later phase has passed it whatever its date says, and one in the political decision has its tasks' deadlines.
     */
    private static List<Milestone.Dated> upcoming(ImplementationProject project) {
        return Milestone.of(project).stream().filter(m -> m.milestone() != Milestone.PRE_PROJECT_START).toList();
    }

    private static Light light(ImplementationProject project, ProjectSchedule schedule, List<OpenTask> tasks,
            LocalDate today, Long daysLeft) {
        if (!project.getState().isOpen()) {
            return Light.GREY;
        }
        boolean ragDecisionPending = tasks.stream().anyMatch(t -> ProjectProcess.TASK_DECIDE_MISSED_DEADLINE
                .equals(t.taskDefinitionKey()) || ProjectProcess.TASK_DECIDE_AFTER_NO_GO.equals(t.taskDefinitionKey()));
        boolean longOverdue = tasks.stream().anyMatch(t -> t.due() != null && t.due().plusDays(7).isBefore(today));
        if (ragDecisionPending || longOverdue) {
            return Light.RED;
        }
        boolean overdue = tasks.stream().anyMatch(t -> t.due() != null && t.due().isBefore(today));
        boolean signingSoon = !project.isServiceAgreementSigned()
                && !schedule.serviceAgreementDue().isAfter(today.plusDays(30));
        if (overdue || signingSoon || (daysLeft != null && daysLeft <= 7 && !tasks.isEmpty())) {
            return Light.YELLOW;
        }
        return Light.GREEN;
    }
}
