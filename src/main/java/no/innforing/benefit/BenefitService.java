package no.innforing.benefit;

import static no.innforing.shared.Norwegian.date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectState;
import no.innforing.shared.CurrentUser;
import no.innforing.shared.DomainException;
import no.innforing.shared.Input;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of benefit realisation and the risk register. The API, the pages and the measurement process all
 * come here, so bad input gets the same Norwegian message wherever it arrives, and nothing is stored.
 */
@Service
@Transactional
public class BenefitService {

    private final ProjectService projects;
    private final BenefitPlanRepository plans;
    private final BenefitGoalRepository goals;
    private final MeasurementRepository measurements;
    private final RiskRepository risks;
    private final CurrentUser currentUser;

    BenefitService(ProjectService projects, BenefitPlanRepository plans, BenefitGoalRepository goals,
            MeasurementRepository measurements, RiskRepository risks, CurrentUser currentUser) {
        this.projects = projects;
        this.plans = plans;
        this.goals = goals;
        this.measurements = measurements;
        this.risks = risks;
        this.currentUser = currentUser;
    }

    /** The answers to the five questions of the benefit plan. */
    public record PlanAnswers(String expectedBenefits, String serviceCategories, String ambition,
            String followUpResponsibility, String replanning) {
    }

    /** A goal with its measurements, oldest first. */
    public record GoalWithMeasurements(BenefitGoal goal, List<Measurement> measurements) {

        public Optional<Measurement> latest() {
            return measurements.isEmpty() ? Optional.empty() : Optional.of(measurements.get(measurements.size() - 1));
        }

        /** Share of the way from baseline to target of the latest measurement (0 without one). */
        public double progress() {
            return latest().map(m -> goal.progress(m.getValue())).orElse(0.0);
        }
    }

    /** Everything about one project's benefits. */
    public record ProjectBenefits(ImplementationProject project, Optional<BenefitPlan> plan,
            List<GoalWithMeasurements> goals) {

        public LocalDate goLive() {
            return project.schedule().goLive();
        }
    }

    @Transactional(readOnly = true)
    public ProjectBenefits benefits(String municipalityNumber) {
        ImplementationProject project = projects.currentProject(municipalityNumber);
        return benefitsOf(project);
    }

    @Transactional(readOnly = true)
    public ProjectBenefits benefitsOf(ImplementationProject project) {
        List<BenefitGoal> projectGoals = goals.findByProjectIdOrderByFocusAreaAscIdAsc(project.getId());
        return new ProjectBenefits(project, plans.findByProjectId(project.getId()), withMeasurements(projectGoals));
    }

    /** Every goal of the given projects with its measurements (the regional view). */
    @Transactional(readOnly = true)
    public List<GoalWithMeasurements> goalsOf(List<Long> projectIds) {
        return projectIds.isEmpty() ? List.of() : withMeasurements(goals.findByProjectIdIn(projectIds));
    }

    private List<GoalWithMeasurements> withMeasurements(List<BenefitGoal> projectGoals) {
        Map<Long, List<Measurement>> byGoal = measurements.findByGoalIdInOrderByMeasuredOnAscIdAsc(
                        projectGoals.stream().map(BenefitGoal::getId).toList()).stream()
                .collect(Collectors.groupingBy(Measurement::getGoalId));
        return projectGoals.stream()
                .sorted(Comparator.comparing(BenefitGoal::getFocusArea).thenComparing(BenefitGoal::getId))
                .map(goal -> new GoalWithMeasurements(goal, byGoal.getOrDefault(goal.getId(), List.of())))
                .toList();
    }

    public BenefitPlan savePlan(String municipalityNumber, PlanAnswers answers) {
        return savePlan(changeableProject(municipalityNumber).getId(), answers, currentUser.id());
    }

    /**
     * The process's step <em>Lagre gevinstplan</em>: the answers of the benefit-plan task become the plan of the open
     * project with this id ({@link BenefitFollowUp#recordPlan}; the project is open while its process runs), answered
     * by the user who completed the task.
     */
    BenefitPlan savePlan(long projectId, PlanAnswers answers, String answeredBy) {
        checkPlan(answers);
        BenefitPlan plan = plans.findByProjectId(projectId).orElseGet(() -> new BenefitPlan(projectId));
        plan.answer(trim(answers.expectedBenefits()), trim(answers.serviceCategories()), trim(answers.ambition()),
                trim(answers.followUpResponsibility()), trim(answers.replanning()), ProjectSchedule.now(), answeredBy);
        return plans.save(plan);
    }

    public BenefitGoal addGoal(String municipalityNumber, GoalDefinition definition) {
        ImplementationProject project = changeableProject(municipalityNumber);
        GoalDefinition checked = checkedGoal(project, fromCatalogue(project, definition));
        BenefitGoal goal = new BenefitGoal(project.getId(), ProjectSchedule.now());
        goal.define(checked, ProjectSchedule.now());
        return goals.save(goal);
    }

    public BenefitGoal updateGoal(String municipalityNumber, long goalId, GoalDefinition definition) {
        ImplementationProject project = changeableProject(municipalityNumber);
        BenefitGoal goal = goalOf(project, goalId);
        GoalDefinition checked = checkedGoal(project, definition);
        goal.define(checked, ProjectSchedule.now());
        return goal;
    }

    public Measurement addMeasurement(String municipalityNumber, long goalId, LocalDate measuredOn, BigDecimal value,
            String note) {
        ImplementationProject project = projects.currentProject(municipalityNumber);
        if (project.getState() == ProjectState.WITHDRAWN || project.getState() == ProjectState.ENDED) {
            throw closed(project);
        }
        BenefitGoal goal = goalOf(project, goalId);
        List<String> missing = new ArrayList<>();
        if (measuredOn == null) {
            missing.add("measuredOn (måledato)");
        }
        if (value == null) {
            missing.add("value (målt verdi)");
        }
        if (!missing.isEmpty()) {
            throw DomainException.invalid("Fyll ut " + String.join(" og ", missing) + ".");
        }
        checkLength("note", note, 1000);
        if (value.abs().compareTo(new BigDecimal("99999999999999")) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalid("Målt verdi " + value.toPlainString()
                    + " kan ha høyst to desimaler og 14 sifre før komma.");
        }
        LocalDate goLive = project.schedule().goLive();
        if (measuredOn.isBefore(goLive)) {
            throw DomainException.unprocessable("Målingen er datert " + date(measuredOn)
                    + ", før produksjonssettingen " + date(goLive) + ". Gevinster måles fra produksjonssetting;"
                    + " utgangsverdien før den står i gevinstmålet.");
        }
        if (measuredOn.isAfter(ProjectSchedule.today())) {
            throw DomainException.unprocessable("Målingen er datert " + date(measuredOn)
                    + ", som er fram i tid. Registrer verdien når den er målt.");
        }
        return measurements.save(new Measurement(goal.getId(), measuredOn, value, trim(note), currentUser.id(),
                ProjectSchedule.now()));
    }

    /** The project's goals that have no measurement in the window of the quarter (see {@link MeasurementQuarters}). */
    @Transactional(readOnly = true)
    public List<BenefitGoal> goalsWithoutMeasurement(ImplementationProject project, int quarter) {
        LocalDate goLive = project.schedule().goLive();
        LocalDate from = MeasurementQuarters.windowStart(goLive, quarter);
        LocalDate to = MeasurementQuarters.due(goLive, quarter);
        return goals.findByProjectIdOrderByFocusAreaAscIdAsc(project.getId()).stream()
                .filter(goal -> !measurements.existsByGoalIdAndMeasuredOnBetween(goal.getId(), from, to))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<BenefitGoal> goals(ImplementationProject project) {
        return goals.findByProjectIdOrderByFocusAreaAscIdAsc(project.getId());
    }

    // --- Risks

    /** A risk of the municipality's project, which must still be open for changes. */
    private Risk changeableRisk(String municipalityNumber, long riskId) {
        ImplementationProject project = changeableProject(municipalityNumber);
        return risks.findById(riskId).filter(r -> r.getProjectId().equals(project.getId()))
                .orElseThrow(() -> DomainException.notFound("Fant ingen risiko med id " + riskId + " for kommune "
                        + municipalityNumber + "."));
    }

    @Transactional(readOnly = true)
    public List<Risk> risks(String municipalityNumber) {
        return risks.findByProjectIdOrderByIdAsc(projects.currentProject(municipalityNumber).getId());
    }

    @Transactional(readOnly = true)
    public List<Risk> risksOf(ImplementationProject project) {
        return risks.findByProjectIdOrderByIdAsc(project.getId());
    }

    @Transactional(readOnly = true)
    public List<Risk> openRisks() {
        return risks.findByStatus(RiskStatus.OPEN);
    }

    public Risk addRisk(String municipalityNumber, RiskDefinition definition) {
        ImplementationProject project = changeableProject(municipalityNumber);
        check(definition);
        Risk risk = new Risk(project.getId());
        risk.assess(trimmed(definition), ProjectSchedule.now(), currentUser.id());
        return risks.save(risk);
    }

    /** The risk was looked at and still stands as it is: stamps today's review by the current user. */
    public Risk markRiskReviewed(String municipalityNumber, long riskId) {
        Risk risk = changeableRisk(municipalityNumber, riskId);
        risk.reviewed(ProjectSchedule.now(), currentUser.id());
        return risk;
    }

    public Risk updateRisk(String municipalityNumber, long riskId, RiskDefinition definition) {
        Risk risk = changeableRisk(municipalityNumber, riskId);
        check(definition);
        risk.assess(trimmed(definition), ProjectSchedule.now(), currentUser.id());
        return risk;
    }

    private static void check(RiskDefinition risk) {
        if (risk == null) {
            throw DomainException.invalid("Risikoen mangler: oppgi beskrivelse, fokus, sannsynlighet, konsekvens og eier.");
        }
        List<String> problems = new ArrayList<>();
        if (blank(risk.description())) {
            problems.add("description (beskrivelse) må fylles ut");
        }
        if (risk.focus() == null) {
            problems.add("focus må være en av " + Arrays.stream(RiskFocus.values())
                    .map(f -> f.name() + " (" + f.displayName().toLowerCase() + ")").collect(Collectors.joining(", ")));
        }
        scale(problems, "Sannsynlighet (likelihood)", risk.likelihood());
        scale(problems, "Konsekvens (consequence)", risk.consequence());
        if (blank(risk.owner())) {
            problems.add("owner (risikoeier) må fylles ut");
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(capitalised(String.join("; ", problems)) + ".");
        }
        checkLength("description", risk.description(), 2000);
        checkLength("mitigation", risk.mitigation(), 2000);
        checkLength("owner", risk.owner(), 200);
    }

    private static void scale(List<String> problems, String label, Integer value) {
        if (value == null) {
            problems.add(label + " må fylles ut med et tall fra 1 til 5");
        } else if (value < 1 || value > 5) {
            problems.add(label + " må være et tall fra 1 til 5, ikke " + value);
        }
    }

    private static RiskDefinition trimmed(RiskDefinition risk) {
        return new RiskDefinition(trim(risk.description()), risk.focus(), risk.likelihood(), risk.consequence(),
                trim(risk.mitigation()), trim(risk.owner()), risk.status());
    }

    // --- Goals

    private GoalDefinition fromCatalogue(ImplementationProject project, GoalDefinition definition) {
        if (definition == null || blank(definition.catalogueCode())) {
            return definition;
        }
        BenefitCatalogue.Example example = BenefitCatalogue.find(definition.catalogueCode().trim())
                .orElseThrow(() -> DomainException.notFound("Fant ikke «" + definition.catalogueCode()
                        + "» i gevinstkatalogen. Se GET /api/benefit-catalogue."));
        return new GoalDefinition(
                or(definition.focusArea(), example.focusArea()),
                blank(definition.serviceCategory()) ? example.serviceCategory() : definition.serviceCategory(),
                blank(definition.indicator()) ? example.indicator() : definition.indicator(),
                blank(definition.unit()) ? example.unit() : definition.unit(),
                or(definition.direction(), example.direction()),
                or(definition.baseline(), example.baseline()),
                or(definition.target(), example.target()),
                or(definition.targetDate(), project.schedule().goLive().plusYears(example.yearsAfterGoLive())),
                definition.responsible(), example.code());
    }

    private GoalDefinition checkedGoal(ImplementationProject project, GoalDefinition goal) {
        if (goal == null) {
            throw DomainException.invalid("Gevinstmålet mangler.");
        }
        List<String> missing = new ArrayList<>();
        if (goal.focusArea() == null) {
            missing.add("focusArea (fokusområde, en av " + Arrays.stream(FocusArea.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (blank(goal.serviceCategory())) {
            missing.add("serviceCategory (tjenesteområde)");
        }
        if (blank(goal.indicator())) {
            missing.add("indicator (indikator)");
        }
        if (blank(goal.unit())) {
            missing.add("unit (enhet)");
        }
        if (goal.direction() == null) {
            missing.add("direction (INCREASE eller DECREASE)");
        }
        if (goal.baseline() == null) {
            missing.add("baseline (utgangsverdi)");
        }
        if (goal.target() == null) {
            missing.add("target (målverdi)");
        }
        if (goal.targetDate() == null) {
            missing.add("targetDate (måldato)");
        }
        if (blank(goal.responsible())) {
            missing.add("responsible (ansvarlig)");
        }
        if (!missing.isEmpty()) {
            throw DomainException.invalid("Fyll ut " + String.join(", ", missing) + ".");
        }
        checkLength("serviceCategory", goal.serviceCategory(), 200);
        checkLength("indicator", goal.indicator(), 500);
        checkLength("unit", goal.unit(), 50);
        checkLength("responsible", goal.responsible(), 200);
        for (BigDecimal number : List.of(goal.baseline(), goal.target())) {
            if (number.abs().compareTo(new BigDecimal("99999999999999")) > 0
                    || number.stripTrailingZeros().scale() > 2) {
                throw DomainException.invalid("Tallet " + number.toPlainString()
                        + " kan ha høyst to desimaler og 14 sifre før komma.");
            }
        }
        int side = goal.target().compareTo(goal.baseline());
        if (goal.direction() == Direction.DECREASE && side >= 0 || goal.direction() == Direction.INCREASE && side <= 0) {
            throw DomainException.unprocessable("Målet skal " + goal.direction().verb() + " «" + goal.indicator().trim()
                    + "», så målverdien (" + number(goal.target()) + ") må være "
                    + (goal.direction() == Direction.DECREASE ? "lavere" : "høyere") + " enn utgangsverdien ("
                    + number(goal.baseline()) + ").");
        }
        LocalDate goLive = project.schedule().goLive();
        if (!goal.targetDate().isAfter(goLive)) {
            throw DomainException.unprocessable("Måldatoen " + date(goal.targetDate())
                    + " må være etter produksjonssettingen " + date(goLive) + ".");
        }
        if (goal.targetDate().isAfter(goLive.plusYears(Input.MAX_YEARS_AHEAD))) {
            throw DomainException.unprocessable("Måldatoen " + date(goal.targetDate()) + " kan være høyst "
                    + Input.MAX_YEARS_AHEAD + " år etter produksjonssettingen " + date(goLive) + ".");
        }
        return new GoalDefinition(goal.focusArea(), goal.serviceCategory().trim(), goal.indicator().trim(),
                goal.unit().trim(), goal.direction(), goal.baseline(), goal.target(), goal.targetDate(),
                goal.responsible().trim(), trim(goal.catalogueCode()));
    }

    private BenefitGoal goalOf(ImplementationProject project, long goalId) {
        return goals.findById(goalId).filter(goal -> goal.getProjectId().equals(project.getId()))
                .orElseThrow(() -> DomainException.notFound("Fant ikke gevinstmål " + goalId + " for kommune "
                        + project.getMunicipality().getNumber() + "."));
    }

    /** Plans, goals and risks can be changed while the project is running or after it completed, not after it ended. */
    private ImplementationProject changeableProject(String municipalityNumber) {
        ImplementationProject project = projects.currentProject(municipalityNumber);
        if (project.getState() == ProjectState.WITHDRAWN || project.getState() == ProjectState.ENDED) {
            throw closed(project);
        }
        return project;
    }

    private static DomainException closed(ImplementationProject project) {
        return DomainException.conflict("Prosjektet til " + project.getMunicipality().getName() + " er avsluttet (status «"
                + project.getState().displayName() + "»); gevinster og risikoer kan ikke lenger endres.");
    }

    /**
     * Refuses a plan with no answer or an answer longer than its column: the plan's own rule, checked when it is saved
     * and already when the benefit-plan task is completed ({@link BenefitFollowUp#checkPlan}), so that the project
     * leader reads the refusal instead of the step that saves the plan failing later.
     */
    static void checkPlan(PlanAnswers answers) {
        if (answers == null || Arrays.asList(answers.expectedBenefits(), answers.serviceCategories(),
                answers.ambition(), answers.followUpResponsibility(), answers.replanning()).stream()
                .allMatch(BenefitService::blank)) {
            throw DomainException.invalid("Gevinstplanen er tom: svar på minst ett av de fem spørsmålene.");
        }
        checkLength("expectedBenefits", answers.expectedBenefits(), 4000);
        checkLength("serviceCategories", answers.serviceCategories(), 4000);
        checkLength("ambition", answers.ambition(), 4000);
        checkLength("followUpResponsibility", answers.followUpResponsibility(), 4000);
        checkLength("replanning", answers.replanning(), 4000);
    }

    /** A number as a Norwegian reads it: 1,3 and 2300. */
    public static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw DomainException.invalid(field + " kan ha høyst " + max + " tegn (har " + value.length() + ").");
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return blank(value) ? null : value.trim();
    }

    static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
    }
}
