package no.innforing.benefit;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.innforing.security.MunicipalityAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Benefit plan, goals, measurements, risks and cost shares under {@code /api}. */
@RestController
@RequestMapping("/api")
class BenefitController {

    private final BenefitService benefits;
    private final CostShareService costShares;
    private final MunicipalityAccess access;

    BenefitController(BenefitService benefits, CostShareService costShares, MunicipalityAccess access) {
        this.benefits = benefits;
        this.costShares = costShares;
        this.access = access;
    }

    // --- Views

    record PlanView(String expectedBenefits, String serviceCategories, String ambition, String followUpResponsibility,
            String replanning, Instant updatedAt, String updatedBy) {

        static PlanView of(BenefitPlan plan) {
            return new PlanView(plan.getExpectedBenefits(), plan.getServiceCategories(), plan.getAmbition(),
                    plan.getFollowUpResponsibility(), plan.getReplanning(), plan.getUpdatedAt(), plan.getUpdatedBy());
        }
    }

    record MeasurementView(long id, long goalId, LocalDate measuredOn, BigDecimal value, String note,
            String registeredBy, Instant registeredAt) {

        static MeasurementView of(Measurement m) {
            return new MeasurementView(m.getId(), m.getGoalId(), m.getMeasuredOn(), m.getValue(), m.getNote(),
                    m.getRegisteredBy(), m.getRegisteredAt());
        }
    }

    record GoalView(long id, FocusArea focusArea, String focusAreaName, String serviceCategory, String indicator,
            String unit, Direction direction, BigDecimal baseline, BigDecimal target, LocalDate targetDate,
            String responsible, String catalogueCode, BigDecimal latestValue, Double progress,
            List<MeasurementView> measurements) {

        static GoalView of(BenefitService.GoalWithMeasurements g) {
            BenefitGoal goal = g.goal();
            return new GoalView(goal.getId(), goal.getFocusArea(), goal.getFocusArea().displayName(),
                    goal.getServiceCategory(), goal.getIndicator(), goal.getUnit(), goal.getDirection(),
                    goal.getBaseline(), goal.getTarget(), goal.getTargetDate(), goal.getResponsible(),
                    goal.getCatalogueCode(), g.latest().map(Measurement::getValue).orElse(null),
                    g.latest().isPresent() ? Math.round(g.progress() * 1000) / 1000.0 : null,
                    g.measurements().stream().map(MeasurementView::of).toList());
        }

        static GoalView of(BenefitGoal goal) {
            return of(new BenefitService.GoalWithMeasurements(goal, List.of()));
        }
    }

    record QuarterView(int quarter, LocalDate quarterEnd, LocalDate windowStart, LocalDate due) {
    }

    record BenefitsView(String municipalityNumber, String municipalityName, String waveCode, LocalDate goLive,
            PlanView plan, List<GoalView> goals, List<QuarterView> measurementQuarters) {
    }

    record RiskView(long id, String description, RiskFocus focus, String focusName, int likelihood, int consequence,
            int score, String level, String mitigation, String owner, RiskStatus status, Instant reviewedAt,
            String reviewedBy) {

        static RiskView of(Risk r) {
            return new RiskView(r.getId(), r.getDescription(), r.getFocus(), r.getFocus().displayName(),
                    r.getLikelihood(), r.getConsequence(), r.score(), r.level(), r.getMitigation(), r.getOwner(),
                    r.getStatus(), r.getReviewedAt(), r.getReviewedBy());
        }
    }

    // --- Benefits

    @GetMapping("/projects/{municipalityNumber}/benefits")
    BenefitsView benefits(@PathVariable String municipalityNumber) {
        access.requireSee(municipalityNumber);
        BenefitService.ProjectBenefits b = benefits.benefits(municipalityNumber);
        LocalDate goLive = b.goLive();
        List<QuarterView> quarters = java.util.stream.IntStream.rangeClosed(1, MeasurementQuarters.QUARTERS)
                .mapToObj(q -> new QuarterView(q, MeasurementQuarters.quarterEnd(goLive, q),
                        MeasurementQuarters.windowStart(goLive, q), MeasurementQuarters.due(goLive, q)))
                .toList();
        return new BenefitsView(b.project().getMunicipality().getNumber(), b.project().getMunicipality().getName(),
                b.project().getWave().getCode(), goLive, b.plan().map(PlanView::of).orElse(null),
                b.goals().stream().map(GoalView::of).toList(), quarters);
    }

    @PutMapping("/projects/{municipalityNumber}/benefits/plan")
    PlanView savePlan(@PathVariable String municipalityNumber, @RequestBody BenefitService.PlanAnswers answers) {
        access.requireSee(municipalityNumber);
        return PlanView.of(benefits.savePlan(municipalityNumber, answers));
    }

    @PostMapping("/projects/{municipalityNumber}/benefits/goals")
    ResponseEntity<GoalView> addGoal(@PathVariable String municipalityNumber, @RequestBody GoalDefinition goal) {
        access.requireSee(municipalityNumber);
        BenefitGoal saved = benefits.addGoal(municipalityNumber, goal);
        return ResponseEntity.created(URI.create("/api/projects/" + municipalityNumber + "/benefits/goals/"
                + saved.getId())).body(GoalView.of(saved));
    }

    @PutMapping("/projects/{municipalityNumber}/benefits/goals/{goalId}")
    GoalView updateGoal(@PathVariable String municipalityNumber, @PathVariable long goalId,
            @RequestBody GoalDefinition goal) {
        access.requireSee(municipalityNumber);
        return GoalView.of(benefits.updateGoal(municipalityNumber, goalId, goal));
    }

    record MeasurementRequest(LocalDate measuredOn, BigDecimal value, String note) {
    }

    @PostMapping("/projects/{municipalityNumber}/benefits/goals/{goalId}/measurements")
    ResponseEntity<MeasurementView> addMeasurement(@PathVariable String municipalityNumber,
            @PathVariable long goalId, @RequestBody MeasurementRequest request) {
        access.requireSee(municipalityNumber);
        Measurement saved = benefits.addMeasurement(municipalityNumber, goalId,
                request == null ? null : request.measuredOn(), request == null ? null : request.value(),
                request == null ? null : request.note());
        return ResponseEntity.created(URI.create("/api/projects/" + municipalityNumber + "/benefits"))
                .body(MeasurementView.of(saved));
    }

    @GetMapping("/benefit-catalogue")
    List<BenefitCatalogue.Example> catalogue() {
        return BenefitCatalogue.EXAMPLES;
    }

    // --- Risks

    @GetMapping("/projects/{municipalityNumber}/risks")
    List<RiskView> risks(@PathVariable String municipalityNumber) {
        access.requireSee(municipalityNumber);
        return benefits.risks(municipalityNumber).stream().map(RiskView::of).toList();
    }

    @PostMapping("/projects/{municipalityNumber}/risks")
    ResponseEntity<RiskView> addRisk(@PathVariable String municipalityNumber, @RequestBody RiskDefinition risk) {
        access.requireSee(municipalityNumber);
        Risk saved = benefits.addRisk(municipalityNumber, risk);
        return ResponseEntity.created(URI.create("/api/projects/" + municipalityNumber + "/risks/" + saved.getId()))
                .body(RiskView.of(saved));
    }

    @PutMapping("/projects/{municipalityNumber}/risks/{riskId}")
    RiskView updateRisk(@PathVariable String municipalityNumber, @PathVariable long riskId,
            @RequestBody RiskDefinition risk) {
        access.requireSee(municipalityNumber);
        return RiskView.of(benefits.updateRisk(municipalityNumber, riskId, risk));
    }

    // --- Cost share

    /** Population shares are no secret: every logged-in user may read them. */
    @GetMapping("/cost-shares")
    CostShareService.CostShareView costShares(@RequestParam(defaultValue = CostShareService.REGION) String scope) {
        CostShareService.CostShareView view = costShares.shares(scope);
        if (view.totalNok() == null) {
            throw no.innforing.shared.DomainException.notFound("Ingen totalkostnad er satt for " + view.scope()
                    + ". RAG setter den med PUT /api/cost-totals/" + view.scope() + ".");
        }
        return view;
    }

    record CostTotalRequest(BigDecimal amountNok) {
    }

    record CostTotalView(String scope, long amountNok, String setBy, Instant setAt) {
    }

    @PutMapping("/cost-totals/{scope}")
    CostTotalView setCostTotal(@PathVariable String scope, @RequestBody CostTotalRequest request) {
        access.requireRegional("sette totalkostnaden som fordeles på kommunene");
        CostTotal total = costShares.setTotal(scope, request == null ? null : request.amountNok());
        return new CostTotalView(total.getScope(), total.getAmountNok(), total.getSetBy(), total.getSetAt());
    }
}
