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
import no.innforing.project.DomainException;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectRepository;
import no.innforing.project.ProjectSchedule;
import no.innforing.security.MunicipalityAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The benefit pages: {@code /benefits} for the region (RAG) and {@code /benefits/{number}} for one municipality,
 * with a form to register a measurement that gets the same checks and messages as the API.
 */
@Controller
class BenefitPages {

    private final BenefitService benefits;
    private final CostShareService costShares;
    private final ProjectRepository projects;
    private final MunicipalityAccess access;

    BenefitPages(BenefitService benefits, CostShareService costShares, ProjectRepository projects,
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
        Map<Long, ImplementationProject> participating = projects.findAll().stream()
                .filter(p -> CostShareService.PARTICIPATING.contains(p.getState()))
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

    @GetMapping("/benefits/{municipalityNumber}")
    String municipality(@PathVariable String municipalityNumber, @RequestParam(required = false) String lagret,
            Model model) {
        access.requireSee(municipalityNumber);
        fill(model, municipalityNumber);
        if (lagret != null) {
            model.addAttribute("saved", "Målingen er registrert.");
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
                number = new BigDecimal(value.trim().replace(" ", "").replace("\u00a0", "").replace(',', '.'));
            } catch (NumberFormatException e) {
                errors.put("value", "Målt verdi må være et tall, for eksempel 1250 eller 1,3.");
            }
        }
        if (errors.isEmpty()) {
            try {
                benefits.addMeasurement(municipalityNumber, goalId, day, number, note);
                return "redirect:/benefits/" + municipalityNumber + "?lagret";
            } catch (DomainException e) {
                String field = e.getMessage().startsWith("Målingen er datert") ? "measuredOn"
                        : e.kind() == DomainException.Kind.NOT_FOUND ? "goalId" : "value";
                errors.put(field, e.getMessage());
                response.setStatus(e.kind() == DomainException.Kind.UNPROCESSABLE ? 422
                        : e.kind() == DomainException.Kind.NOT_FOUND ? 404 : 400);
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

    private void fill(Model model, String municipalityNumber) {
        BenefitService.ProjectBenefits b = benefits.benefits(municipalityNumber);
        ImplementationProject project = b.project();
        List<GoalCard> cards = b.goals().stream().map(g -> card(project, g, true)).toList();
        model.addAttribute("project", project);
        model.addAttribute("municipality", project.getMunicipality());
        model.addAttribute("goLive", no.innforing.project.FormValues.norwegian(b.goLive()));
        model.addAttribute("live", !ProjectSchedule.today().isBefore(b.goLive()));
        model.addAttribute("plan", b.plan().orElse(null));
        model.addAttribute("focusAreas", groups(cards));
        model.addAttribute("goals", b.goals().stream().map(BenefitService.GoalWithMeasurements::goal).toList());
        int quarter = MeasurementQuarters.firstOpenQuarter(b.goLive(), ProjectSchedule.today());
        if (quarter > 0) {
            model.addAttribute("nextQuarter", "Kvartal " + quarter + ": registrer målinger datert "
                    + no.innforing.project.FormValues.norwegian(MeasurementQuarters.windowStart(b.goLive(), quarter))
                    + "–" + no.innforing.project.FormValues.norwegian(MeasurementQuarters.due(b.goLive(), quarter))
                    + " (frist " + no.innforing.project.FormValues.norwegian(MeasurementQuarters.due(b.goLive(), quarter))
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
    }

    private static GoalCard card(ImplementationProject project, BenefitService.GoalWithMeasurements g,
            boolean chart) {
        BenefitGoal goal = g.goal();
        Optional<Measurement> latest = g.latest();
        int percent = (int) Math.round(Math.max(-999, Math.min(999, g.progress() * 100)));
        return new GoalCard(project.getMunicipality().getNumber(), project.getMunicipality().getName(), goal,
                BenefitService.number(goal.getBaseline()), BenefitService.number(goal.getTarget()),
                latest.map(m -> BenefitService.number(m.getValue())).orElse(null),
                latest.map(m -> no.innforing.project.FormValues.norwegian(m.getMeasuredOn())).orElse(null),
                percent, chart ? GoalChart.svg(goal, g.measurements(), project.schedule().goLive()) : null,
                g.measurements().stream().map(m -> new MeasurementRow(
                        no.innforing.project.FormValues.norwegian(m.getMeasuredOn()),
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
