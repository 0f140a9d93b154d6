package no.innforing.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo benefit plans, goals, measurements, risks and cost totals for the embedded default, so that every benefit
 * page shows something on first start. Runs after the project demo data, and only while the benefit tables are
 * empty.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "innforing.demo.enabled", havingValue = "true", matchIfMissing = true)
class BenefitDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenefitDemoData.class);

    private final BenefitService benefits;
    private final CostShareService costShares;
    private final BenefitFollowUp followUp;
    private final ProjectService projects;
    private final BenefitGoalRepository goals;
    private final RiskRepository risks;
    private final CostTotalRepository totals;
    private final TransactionTemplate transaction;

    BenefitDemoData(BenefitService benefits, CostShareService costShares, BenefitFollowUp followUp,
            ProjectService projects, BenefitGoalRepository goals, RiskRepository risks, CostTotalRepository totals,
            TransactionTemplate transaction) {
        this.benefits = benefits;
        this.costShares = costShares;
        this.followUp = followUp;
        this.projects = projects;
        this.goals = goals;
        this.risks = risks;
        this.totals = totals;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (goals.count() > 0 || risks.count() > 0 || totals.count() > 0) {
            log.info("Benefit demo data already present; leaving it as it is");
            return;
        }
        if (project("5001").isEmpty()) {
            log.info("No demo projects; no benefit demo data");
            return;
        }
        transaction.executeWithoutResult(status -> {
            trondheim();
            stjordal();
            kristiansund();
            risk("1576", "Lite fagmiljø: få ansatte kan være superbrukere samtidig med drift", RiskFocus.STAFF, 4, 3,
                    "Samarbeid med Kristiansund om superbrukeropplæring", "Kommunalsjef helse og omsorg");
            risk("1560", "Uklart om kommunestyret bevilger egenandelen", RiskFocus.COST, 3, 5,
                    "Sak til kommunestyret med kostnadsandel og gevinstplan", "Kommunedirektør");
            costShares.setTotal(CostShareService.REGION, new BigDecimal("180000000"));
            costShares.setTotal("PD2", new BigDecimal("24000000"));
        });
        transaction.executeWithoutResult(status -> followUp.startFor("5001"));
        log.info("Benefit demo data created: plans, goals, measurements, risks and cost totals");
    }

    /** Live since about three months: goals with measurements, and the quarterly follow-up running. */
    private void trondheim() {
        ImplementationProject project = project("5001").orElseThrow();
        benefits.savePlan("5001", new BenefitService.PlanAnswers(
                "Færre legemiddelfeil, mindre tid på å lete etter og bringe opplysninger, bedre samhandling med"
                        + " St. Olavs hospital.",
                "Hjemmetjenester og sykehjem (legemidler), skolehelsetjenesten (helsekort), legevakt.",
                "−80 % legemiddelrelaterte pasientskader innen tre år; helsekortarbeidet (2 300 timer, 1,3 årsverk)"
                        + " nesten borte innen to år.",
                "Kommunalsjef helse og velferd eier gevinstplanen; hver tjenesteleder måler sin indikator hvert"
                        + " kvartal og rapporterer til styringsgruppen.",
                "Ja: styringsgruppen vurderer tiltak og nye mål hvert halvår."));
        LocalDate goLive = project.schedule().goLive();
        long injuries = goal("5001", "legemiddel-pasientskader", "Kommunalsjef helse og velferd");
        long hours = goal("5001", "helsekort-timer", "Leder skolehelsetjenesten");
        long fte = goal("5001", "helsekort-arsverk", "Leder skolehelsetjenesten");
        long emergency = goal("5001", "legevakt-innhenting", "Legevaktsjef");
        measure("5001", injuries, goLive.plusDays(20), "47");
        measure("5001", injuries, goLive.plusDays(50), "43");
        measure("5001", injuries, goLive.plusDays(85), "39");
        measure("5001", hours, goLive.plusDays(30), "1900");
        measure("5001", hours, goLive.plusDays(85), "1400");
        measure("5001", fte, goLive.plusDays(85), "0.8");
        measure("5001", emergency, goLive.plusDays(40), "11");
        measure("5001", emergency, goLive.plusDays(85), "8");
        risk("5001", "Forsinkelser i integrasjonen mot St. Olavs hospital gir dobbeltregistrering", RiskFocus.TECHNICAL,
                3, 4, "Felles feilrettingsmøte hver uke med leverandøren", "IKT-leder");
        risk("5001", "Høyt sykefravær i hjemmetjenesten etter overgangen", RiskFocus.STAFF, 3, 3,
                "Ekstra superbrukere på kveld og helg i stabiliseringen", "Kommunalsjef helse og velferd");
        risk("5001", "Kostnadsoverskridelse i stabiliseringen", RiskFocus.COST, 2, 3, "Månedlig økonomirapport",
                "Økonomisjef");
    }

    /** Go-live in three weeks: plan and goals ready, risks at their highest. */
    private void stjordal() {
        String number = "5035";
        if (project(number).isEmpty()) {
            return;
        }
        benefits.savePlan(number, new BenefitService.PlanAnswers(
                "Sikrere legemiddelhåndtering og mer digital dialog med innbyggerne.",
                "Hjemmetjenester, helsestasjon.",
                "Halvere legemiddelavvik på tre år; seks av ti foreldre bruker digital dialog innen to år.",
                "Virksomhetsleder hjemmetjenester og leder helsestasjon; rapport til rådmannens ledergruppe.",
                "Ja, ved årlig revisjon av gevinstplanen."));
        benefits.addGoal(number, new GoalDefinition(null, null, null, null, null, new BigDecimal("30"),
                new BigDecimal("15"), null, "Virksomhetsleder hjemmetjenester", "legemiddel-pasientskader"));
        goal(number, "helsestasjon-digital-dialog", "Leder helsestasjon");
        goal(number, "helsekort-timer", "Leder skolehelsetjenesten");
        risk(number, "Press på ansatte: opplæring samtidig med ferieavvikling", RiskFocus.STAFF, 4, 4,
                "Opplæringen flyttet fram; vikarbudsjett", "Kommunalsjef");
        risk(number, "Krevende organisasjonsendring i hjemmetjenesten", RiskFocus.ORGANISATIONAL_CHANGE, 4, 5,
                "Endringsledere i hver sone, tett oppfølging etter produksjonssetting", "Virksomhetsleder");
        risk(number, "Ulike interesser med Helse Nord-Trøndelag om arbeidsflyt", RiskFocus.HOSPITAL_COLLABORATION, 3, 4,
                "Felles arbeidsgruppe for pasientforløp", "Prosjektleder");
    }

    /** In its early start: the plan is being made. */
    private void kristiansund() {
        String number = "1505";
        if (project(number).isEmpty()) {
            return;
        }
        benefits.savePlan(number, new BenefitService.PlanAnswers(
                "Mindre tid på logistikk og bedre styringsinformasjon.", "Skolehelsetjenesten, sykehjem.",
                "Helsekortarbeidet ned 90 % innen to år etter produksjonssetting.",
                "Kommunalsjef oppvekst og kommunalsjef helse; gevinstansvarlig i prosjektet.", "Ja."));
        goal(number, "helsekort-timer", "Leder skolehelsetjenesten");
        goal(number, "styringsinformasjon-rapporter", "Kommunalsjef helse");
        risk(number, "Utvikling av felles løsninger blir ikke prioritert høyt nok i regionen",
                RiskFocus.DEVELOPMENT_PRIORITY, 3, 3, "Meld behov til RAG gjennom Nordmøre-samarbeidet",
                "Prosjektleder");
        risk(number, "Kostnadsoverskridelse i hovedprosjektet", RiskFocus.COST, 2, 4, "Budsjettreserve på 10 %",
                "Økonomisjef");
    }

    private Optional<ImplementationProject> project(String number) {
        try {
            ImplementationProject project = projects.currentProject(number);
            return CostShareService.PARTICIPATING.contains(project.getState()) ? Optional.of(project)
                    : Optional.empty();
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    private long goal(String number, String catalogueCode, String responsible) {
        return benefits.addGoal(number, new GoalDefinition(null, null, null, null, null, null, null, null,
                responsible, catalogueCode)).getId();
    }

    private void measure(String number, long goal, LocalDate on, String value) {
        if (!on.isAfter(ProjectSchedule.today())) {
            benefits.addMeasurement(number, goal, on, new BigDecimal(value), null);
        }
    }

    private void risk(String number, String description, RiskFocus focus, int likelihood, int consequence,
            String mitigation, String owner) {
        if (project(number).isPresent()) {
            benefits.addRisk(number, new RiskDefinition(description, focus, likelihood, consequence, mitigation, owner,
                    RiskStatus.OPEN));
        }
    }
}
