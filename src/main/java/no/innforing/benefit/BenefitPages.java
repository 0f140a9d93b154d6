package no.innforing.benefit;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.innforing.municipality.Municipality;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The benefit pages: {@code /benefits} for the region (RAG) and {@code /benefits/{number}} for one municipality,
 * with forms to register a measurement, add a benefit goal (from the catalogue or from scratch), add and update
 * risks and edit the benefit plan. Every form posts to {@link BenefitService}, so it gets the same checks and
 * messages as the API; every post checks {@link MunicipalityAccess#requireSee} like the page itself.
 */
@Controller
class BenefitPages {

    private final BenefitService benefits;
    private final CostShareService costShares;
    private final ProjectService projects;
    private final MunicipalityAccess access;

    BenefitPages(BenefitService benefits, CostShareService costShares, ProjectService projects,
            MunicipalityAccess access) {
        this.benefits = benefits;
        this.costShares = costShares;
        this.projects = projects;
        this.access = access;
    }

    /** One goal as the pages show it. */
    record GoalCard(String municipalityNumber, String municipalityName, BenefitGoal goal, String baseline,
            String target, String latest, String latestOn, int progressPercent, String chart,
            List<MeasurementRow> measurements) {
    }

    record MeasurementRow(String measuredOn, String value, String note, String registeredBy) {
    }

    /** Goals of one focus area, with totals per unit where the goals can be added up. */
    record FocusAreaGroup(FocusArea area, List<GoalCard> goals, List<UnitTotal> totals) {
    }

    record UnitTotal(String unit, String directionText, int goals, int measuredGoals, String planned, String achieved,
            int municipalities) {
    }

    record RiskRow(String municipalityName, Risk risk) {
    }

    /** An example of the benefit catalogue as the goal form lists it. */
    record CatalogueOption(String code, String label) {
    }

    @GetMapping("/benefits")
    String region(Model model) {
        Set<String> groups = MunicipalityAccess.currentGroups();
        if (!MunicipalityAccess.isRegional(groups)) {
            List<String> own = groups.stream().filter(g -> g.startsWith("municipality-"))
                    .map(g -> g.substring("municipality-".length())).sorted().toList();
            if (own.size() == 1) {
                return "redirect:/benefits/" + own.get(0);
            }
            throw new AccessDeniedException("Regionens gevinstoversikt er for RAG. En prosjektleder ser sin egen "
                    + "kommune på /benefits/kommunenummer.");
        }
        Map<Long, ImplementationProject> participating = projects.inStates(CostShareService.PARTICIPATING).stream()
                .collect(Collectors.toMap(ImplementationProject::getId, Function.identity()));
        List<GoalCard> cards = benefits.goalsOf(List.copyOf(participating.keySet())).stream()
                .map(g -> card(participating.get(g.goal().getProjectId()), g, false)).toList();
        model.addAttribute("focusAreas", groups(cards));
        model.addAttribute("goalCount", cards.size());
        model.addAttribute("municipalityCount", cards.stream().map(GoalCard::municipalityNumber).distinct().count());
        List<Risk> open = benefits.openRisks().stream().filter(r -> participating.containsKey(r.getProjectId()))
                .toList();
        model.addAttribute("riskMatrix", RiskMatrix.of(open).svg("Åpne risikoer i regionen"));
        model.addAttribute("topRisks", open.stream().sorted(Comparator.comparingInt(Risk::score).reversed()
                        .thenComparing(Risk::getId)).limit(10)
                .map(r -> new RiskRow(participating.get(r.getProjectId()).getMunicipality().getName(), r)).toList());
        model.addAttribute("openRiskCount", open.size());
        model.addAttribute("costShares", costShares.shares(CostShareService.REGION));
        model.addAttribute("projects", participating.values().stream()
                .map(ImplementationProject::getMunicipality).distinct()
                .sorted(Comparator.comparing(Municipality::getName)).toList());
        return "benefit/region";
    }

    /** The confirmations shown after a redirect, by the value of {@code ?lagret}. */
    private static final Map<String, String> CONFIRMATIONS = Map.of(
            "", "Målingen er registrert.",
            "maling", "Målingen er registrert.",
            "mal", "Gevinstmålet er lagt til.",
            "risiko", "Risikoen er lagt til i risikoregisteret.",
            "risiko-endret", "Risikoen er oppdatert.",
            "plan", "Gevinstplanen er lagret.",
            "risiko-vurdert", "Risikoen er merket som vurdert i dag.");

    @GetMapping("/benefits/{municipalityNumber}")
    String municipality(@PathVariable String municipalityNumber, @RequestParam(required = false) String lagret,
            Model model) {
        access.requireSee(municipalityNumber);
        fill(model, municipalityNumber);
        if (lagret != null) {
            model.addAttribute("saved", CONFIRMATIONS.getOrDefault(lagret, "Endringen er lagret."));
        }
        return "benefit/municipality";
    }

    @PostMapping("/benefits/{municipalityNumber}/measurements")
    String registerMeasurement(@PathVariable String municipalityNumber, @RequestParam(required = false) Long goalId,
            @RequestParam(required = false) String measuredOn, @RequestParam(required = false) String value,
            @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        access.requireSee(municipalityNumber);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = null;
        BigDecimal number = null;
        if (goalId == null) {
            errors.put("goalId", "Velg gevinstmålet du har målt.");
        }
        if (measuredOn == null || measuredOn.isBlank()) {
            errors.put("measuredOn", "Fyll ut måledatoen.");
        } else {
            try {
                day = LocalDate.parse(measuredOn.trim());
            } catch (DateTimeParseException e) {
                errors.put("measuredOn", "Skriv måledatoen som åååå-mm-dd, for eksempel 2026-09-01.");
            }
        }
        if (value == null || value.isBlank()) {
            errors.put("value", "Fyll ut målt verdi.");
        } else {
            try {
                number = decimal(value);
            } catch (NumberFormatException e) {
                errors.put("value", "Målt verdi må være et tall, for eksempel 1250 eller 1,3.");
            }
        }
        if (errors.isEmpty()) {
            try {
                benefits.addMeasurement(municipalityNumber, goalId, day, number, note);
                return "redirect:/benefits/" + municipalityNumber + "?lagret=maling";
            } catch (DomainException e) {
                String field = e.getMessage().startsWith("Målingen er datert") ? "measuredOn"
                        : e.kind() == DomainException.Kind.NOT_FOUND ? "goalId" : "value";
                errors.put(field, e.getMessage());
                response.setStatus(e.status().value());
            }
        } else {
            response.setStatus(400);
        }
        fill(model, municipalityNumber);
        model.addAttribute("errors", errors);
        model.addAttribute("form", Map.of("goalId", goalId == null ? "" : String.valueOf(goalId),
                "measuredOn", measuredOn == null ? "" : measuredOn, "value", value == null ? "" : value,
                "note", note == null ? "" : note));
        return "benefit/municipality";
    }

    // --- Goals, risks and the plan: the forms call the same BenefitService methods as the API, which decides
    // what is allowed (the rules, and whether a withdrawn or ended project may still be changed). The page only
    // turns text into numbers, dates and choices; on any problem nothing is stored and the page is shown again
    // with the message next to the form and what the user typed.

    static final List<String> GOAL_FIELDS = List.of("catalogueCode", "focusArea", "serviceCategory", "indicator",
            "unit", "direction", "baseline", "target", "targetDate", "responsible");
    static final List<String> RISK_FIELDS = List.of("description", "focus", "likelihood", "consequence",
            "mitigation", "owner", "status");
    static final List<String> PLAN_FIELDS = List.of("expectedBenefits", "serviceCategories", "ambition",
            "followUpResponsibility", "replanning");

    @PostMapping("/benefits/{municipalityNumber}/goals")
    String addGoal(@PathVariable String municipalityNumber, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response) {
        access.requireSee(municipalityNumber);
        Map<String, String> errors = new LinkedHashMap<>();
        FocusArea area = choice(FocusArea.class, params.get("focusArea"), "focusArea",
                "Velg et fokusområde fra listen.", errors);
        Direction direction = choice(Direction.class, params.get("direction"), "direction",
                "Velg retning fra listen (øke eller redusere).", errors);
        BigDecimal baseline = decimal(params.get("baseline"), "baseline",
                "Utgangsverdien må være et tall, for eksempel 2300 eller 1,3.", errors);
        BigDecimal target = decimal(params.get("target"), "target",
                "Målverdien må være et tall, for eksempel 100 eller 0,1.", errors);
        LocalDate targetDate = date(params.get("targetDate"), "targetDate",
                "Skriv måldatoen som åååå-mm-dd, for eksempel 2029-06-30.", errors);
        if (saved(errors, response, () -> benefits.addGoal(municipalityNumber, new GoalDefinition(area,
                params.get("serviceCategory"), params.get("indicator"), params.get("unit"), direction, baseline, target,
                targetDate, params.get("responsible"), blankToNull(params.get("catalogueCode")))))) {
            return "redirect:/benefits/" + municipalityNumber + "?lagret=mal";
        }
        fill(model, municipalityNumber);
        model.addAttribute("goalErrors", errors);
        model.addAttribute("goalForm", formOf(GOAL_FIELDS, params));
        return "benefit/municipality";
    }

    @PostMapping("/benefits/{municipalityNumber}/risks")
    String addRisk(@PathVariable String municipalityNumber, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response) {
        access.requireSee(municipalityNumber);
        Map<String, String> errors = new LinkedHashMap<>();
        RiskDefinition definition = risk(params, errors);
        if (saved(errors, response, () -> benefits.addRisk(municipalityNumber, definition))) {
            return "redirect:/benefits/" + municipalityNumber + "?lagret=risiko";
        }
        fill(model, municipalityNumber);
        model.addAttribute("riskErrors", errors);
        model.addAttribute("riskForm", formOf(RISK_FIELDS, params));
        return "benefit/municipality";
    }

    /**
     * Calls the service when the form could be read. True when it saved; otherwise the response carries 400 (the
     * form could not be read) or the service's status, and {@code errors} its message, for the page to show.
     */
    private static boolean saved(Map<String, String> errors, HttpServletResponse response, Runnable save) {
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return false;
        }
        try {
            save.run();
            return true;
        } catch (DomainException e) {
            errors.put("service", e.getMessage());
            response.setStatus(e.status().value());
            return false;
        }
    }

    @PostMapping("/benefits/{municipalityNumber}/risks/{riskId}/reviewed")
    String riskReviewed(@PathVariable String municipalityNumber, @PathVariable long riskId,
            RedirectAttributes redirect) {
        access.requireSee(municipalityNumber);
        try {
            benefits.markRiskReviewed(municipalityNumber, riskId);
            return "redirect:/benefits/" + municipalityNumber + "?lagret=risiko-vurdert";
        } catch (DomainException e) {
            redirect.addFlashAttribute("reviewError", e.getMessage());
            return "redirect:/benefits/" + municipalityNumber;
        }
    }

    @PostMapping("/benefits/{municipalityNumber}/risks/{riskId}")
    String updateRisk(@PathVariable String municipalityNumber, @PathVariable long riskId,
            @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        access.requireSee(municipalityNumber);
        Map<String, String> errors = new LinkedHashMap<>();
        RiskDefinition definition = risk(params, errors);
        if (saved(errors, response, () -> benefits.updateRisk(municipalityNumber, riskId, definition))) {
            return "redirect:/benefits/" + municipalityNumber + "?lagret=risiko-endret";
        }
        fill(model, municipalityNumber);
        model.addAttribute("riskEditId", riskId);
        model.addAttribute("riskEditKnown", benefits.risks(municipalityNumber).stream()
                .anyMatch(r -> r.getId() == riskId));
        model.addAttribute("riskEditErrors", errors);
        model.addAttribute("riskEditForm", formOf(RISK_FIELDS, params));
        return "benefit/municipality";
    }

    @PostMapping("/benefits/{municipalityNumber}/plan")
    String savePlan(@PathVariable String municipalityNumber, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response) {
        access.requireSee(municipalityNumber);
        Map<String, String> errors = new LinkedHashMap<>();
        if (saved(errors, response, () -> benefits.savePlan(municipalityNumber, new BenefitService.PlanAnswers(
                params.get("expectedBenefits"), params.get("serviceCategories"), params.get("ambition"),
                params.get("followUpResponsibility"), params.get("replanning"))))) {
            return "redirect:/benefits/" + municipalityNumber + "?lagret=plan";
        }
        fill(model, municipalityNumber);
        model.addAttribute("planErrors", errors);
        model.addAttribute("planForm", formOf(PLAN_FIELDS, params));
        return "benefit/municipality";
    }

    /** A risk as typed in the form; only what cannot be read (not a number, not in the list) is reported here. */
    private static RiskDefinition risk(Map<String, String> params, Map<String, String> errors) {
        RiskFocus focus = choice(RiskFocus.class, params.get("focus"), "focus", "Velg et fokus fra listen.", errors);
        Integer likelihood = whole(params.get("likelihood"), "likelihood",
                "Sannsynligheten må være et tall fra listen (1–5).", errors);
        Integer consequence = whole(params.get("consequence"), "consequence",
                "Konsekvensen må være et tall fra listen (1–5).", errors);
        RiskStatus status = choice(RiskStatus.class, params.get("status"), "status",
                "Velg en status fra listen.", errors);
        return new RiskDefinition(params.get("description"), focus, likelihood, consequence,
                params.get("mitigation"), params.get("owner"), status);
    }

    /** A number as a Norwegian writes it: 2 300, 1,3 or 1.3. */
    private static BigDecimal decimal(String text) {
        return new BigDecimal(text.trim().replace(" ", "").replace("\u00a0", "").replace(',', '.'));
    }

    private static BigDecimal decimal(String text, String field, String message, Map<String, String> errors) {
        if (BenefitService.blank(text)) {
            return null;
        }
        try {
            return decimal(text);
        } catch (NumberFormatException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static Integer whole(String text, String field, String message, Map<String, String> errors) {
        if (BenefitService.blank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static LocalDate date(String text, String field, String message, Map<String, String> errors) {
        if (BenefitService.blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, String field, String message,
            Map<String, String> errors) {
        if (BenefitService.blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static String blankToNull(String text) {
        return BenefitService.blank(text) ? null : text.trim();
    }

    /** What the user typed, for showing the form again; every field present, empty when not sent. */
    private static Map<String, String> formOf(List<String> fields, Map<String, String> params) {
        Map<String, String> form = new LinkedHashMap<>();
        fields.forEach(field -> form.put(field, nullToEmpty(params.get(field))));
        return form;
    }

    private static Map<String, String> formOf(List<String> fields) {
        return formOf(fields, Map.of());
    }

    private void fill(Model model, String municipalityNumber) {
        BenefitService.ProjectBenefits b = benefits.benefits(municipalityNumber);
        ImplementationProject project = b.project();
        List<GoalCard> cards = b.goals().stream().map(g -> card(project, g, true)).toList();
        model.addAttribute("project", project);
        model.addAttribute("municipality", project.getMunicipality());
        model.addAttribute("goLive", no.innforing.shared.Norwegian.date(b.goLive()));
        model.addAttribute("live", !ProjectSchedule.today().isBefore(b.goLive()));
        model.addAttribute("plan", b.plan().orElse(null));
        model.addAttribute("focusAreas", groups(cards));
        model.addAttribute("goals", b.goals().stream().map(BenefitService.GoalWithMeasurements::goal).toList());
        int quarter = MeasurementQuarters.firstOpenQuarter(b.goLive(), ProjectSchedule.today());
        if (quarter > 0) {
            model.addAttribute("nextQuarter", "Kvartal " + quarter + ": registrer målinger datert "
                    + no.innforing.shared.Norwegian.date(MeasurementQuarters.windowStart(b.goLive(), quarter))
                    + "–" + no.innforing.shared.Norwegian.date(MeasurementQuarters.due(b.goLive(), quarter))
                    + " (frist " + no.innforing.shared.Norwegian.date(MeasurementQuarters.due(b.goLive(), quarter))
                    + ").");
        }
        List<Risk> risks = benefits.risksOf(project);
        model.addAttribute("risks", risks);
        model.addAttribute("riskMatrix", RiskMatrix.of(risks.stream().filter(r -> r.getStatus() == RiskStatus.OPEN)
                .toList()).svg("Åpne risikoer for " + project.getMunicipality().getName()));
        model.addAttribute("regionShare", costShares.shareOf(CostShareService.REGION, municipalityNumber)
                .orElse(null));
        model.addAttribute("regionTotal", costShares.shares(CostShareService.REGION).totalNok());
        String wave = project.getWave().getCode();
        model.addAttribute("waveCode", wave);
        model.addAttribute("waveShare", costShares.shareOf(wave, municipalityNumber).orElse(null));
        model.addAttribute("waveTotal", costShares.shares(wave).totalNok());
        model.addAttribute("form", Map.of("goalId", "", "measuredOn", ProjectSchedule.today().toString(),
                "value", "", "note", ""));
        model.addAttribute("errors", Map.of());
        model.addAttribute("catalogue", BenefitCatalogue.EXAMPLES.stream().map(x -> new CatalogueOption(x.code(),
                x.title() + " (" + x.focusArea().displayName() + ": " + x.direction().verb() + " fra "
                        + BenefitService.number(x.baseline()) + " til " + BenefitService.number(x.target()) + " "
                        + x.unit() + " på " + x.yearsAfterGoLive() + " år)")).toList());
        model.addAttribute("focusAreaChoices", FocusArea.values());
        model.addAttribute("directionChoices", Direction.values());
        model.addAttribute("riskFocusChoices", RiskFocus.values());
        model.addAttribute("riskStatusChoices", RiskStatus.values());
        model.addAttribute("scale", List.of(1, 2, 3, 4, 5));
        model.addAttribute("goalForm", formOf(GOAL_FIELDS));
        model.addAttribute("goalErrors", Map.of());
        Map<String, String> riskForm = new LinkedHashMap<>(formOf(RISK_FIELDS));
        riskForm.put("status", RiskStatus.OPEN.name());
        model.addAttribute("riskForm", riskForm);
        model.addAttribute("riskErrors", Map.of());
        model.addAttribute("riskEditId", -1L);
        model.addAttribute("riskEditKnown", false);
        model.addAttribute("riskEditErrors", Map.of());
        model.addAttribute("riskEditForm", formOf(RISK_FIELDS));
        BenefitPlan plan = b.plan().orElse(null);
        Map<String, String> planForm = new LinkedHashMap<>(formOf(PLAN_FIELDS));
        if (plan != null) {
            planForm.put("expectedBenefits", nullToEmpty(plan.getExpectedBenefits()));
            planForm.put("serviceCategories", nullToEmpty(plan.getServiceCategories()));
            planForm.put("ambition", nullToEmpty(plan.getAmbition()));
            planForm.put("followUpResponsibility", nullToEmpty(plan.getFollowUpResponsibility()));
            planForm.put("replanning", nullToEmpty(plan.getReplanning()));
        }
        model.addAttribute("planForm", planForm);
        model.addAttribute("planErrors", Map.of());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static GoalCard card(ImplementationProject project, BenefitService.GoalWithMeasurements g,
            boolean chart) {
        BenefitGoal goal = g.goal();
        Optional<Measurement> latest = g.latest();
        int percent = (int) Math.round(Math.max(-999, Math.min(999, g.progress() * 100)));
        return new GoalCard(project.getMunicipality().getNumber(), project.getMunicipality().getName(), goal,
                BenefitService.number(goal.getBaseline()), BenefitService.number(goal.getTarget()),
                latest.map(m -> BenefitService.number(m.getValue())).orElse(null),
                latest.map(m -> no.innforing.shared.Norwegian.date(m.getMeasuredOn())).orElse(null),
                percent, chart ? GoalChart.svg(goal, g.measurements(), project.schedule().goLive()) : null,
                g.measurements().stream().map(m -> new MeasurementRow(
                        no.innforing.shared.Norwegian.date(m.getMeasuredOn()),
                        BenefitService.number(m.getValue()), m.getNote(), m.getRegisteredBy())).toList());
    }

    private static List<FocusAreaGroup> groups(List<GoalCard> cards) {
        Map<FocusArea, List<GoalCard>> byArea = new EnumMap<>(FocusArea.class);
        for (FocusArea area : FocusArea.values()) {
            byArea.put(area, new ArrayList<>());
        }
        cards.forEach(card -> byArea.get(card.goal().getFocusArea()).add(card));
        List<FocusAreaGroup> groups = new ArrayList<>();
        byArea.forEach((area, goals) -> groups.add(new FocusAreaGroup(area, goals, totals(goals))));
        return groups;
    }

    /** Sums per unit and direction: planned change (baseline to target) and change achieved by the latest values. */
    private static List<UnitTotal> totals(List<GoalCard> goals) {
        Map<String, List<GoalCard>> byUnit = goals.stream().collect(Collectors.groupingBy(
                card -> card.goal().getUnit().trim().toLowerCase() + "|" + card.goal().getDirection(),
                LinkedHashMap::new, Collectors.toList()));
        List<UnitTotal> totals = new ArrayList<>();
        byUnit.forEach((key, cards) -> {
            BenefitGoal first = cards.get(0).goal();
            BigDecimal planned = BigDecimal.ZERO;
            BigDecimal achieved = BigDecimal.ZERO;
            int measured = 0;
            for (GoalCard card : cards) {
                BenefitGoal goal = card.goal();
                planned = planned.add(goal.getTarget().subtract(goal.getBaseline()).abs());
                if (card.latest() != null) {
                    measured++;
                    BigDecimal latest = new BigDecimal(card.latest().replace(',', '.'));
                    BigDecimal change = latest.subtract(goal.getBaseline());
                    achieved = achieved.add(goal.getDirection() == Direction.DECREASE ? change.negate() : change);
                }
            }
            totals.add(new UnitTotal(first.getUnit(), first.getDirection() == Direction.DECREASE ? "reduksjon" : "økning",
                    cards.size(), measured, BenefitService.number(planned), BenefitService.number(achieved),
                    (int) cards.stream().map(GoalCard::municipalityNumber).distinct().count()));
        });
        return totals;
    }
}
