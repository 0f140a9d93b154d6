package no.innforing.benefit;

import static no.innforing.shared.Norwegian.date;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.innforing.municipality.Municipality;
import no.innforing.notification.NotificationProperties;
import no.innforing.notification.NotificationService;
import no.innforing.notification.NotificationType;
import no.innforing.project.ImplementationProject;
import no.innforing.project.OpenSchedules;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.CurrentUser;
import no.innforing.shared.DomainException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly benefit measurement after go-live ({@code bpmn/benefit-measurement.bpmn}): starts it for a
 * municipality, gives its timers and task their dates, refuses to complete a quarter with a goal unmeasured, and
 * tells RAG when a quarter passes without measurements.
 *
 * <p>The implementation process calls {@code ${benefitFollowUp.start(execution)}} from its asynchronous service task
 * {@code ServiceTask_StartBenefitFollowUp} when the municipality goes live, and {@code
 * ${benefitFollowUp.recordPlan(execution)}} from {@code ServiceTask_SaveBenefitPlan}; demo data calls
 * {@link #startFor(String)}.
 */
@Component("benefitFollowUp")
public class BenefitFollowUp {

    public static final String PROCESS_KEY = "benefit-measurement";
    public static final String TIMER_NEXT_QUARTER = "Timer_NextQuarter";
    public static final String TASK_REGISTER_MEASUREMENTS = "Task_RegisterMeasurements";
    public static final String TIMER_MEASUREMENT_OVERDUE = "Timer_MeasurementOverdue";
    public static final String SERVICE_TASK_NOTIFY_RAG = "ServiceTask_NotifyRagMeasurementSkipped";
    public static final String END_FOLLOW_UP_COMPLETED = "EndEvent_FollowUpCompleted";
    public static final String VAR_QUARTER = "quarter";
    /** Who completed the benefit-plan task, set by {@link #checkPlan} for the step that saves the plan. */
    public static final String VAR_PLAN_ANSWERED_BY = "benefitPlanAnsweredBy";

    private static final Logger LOG = LoggerFactory.getLogger(BenefitFollowUp.class);

    private final ProjectService projects;
    private final OpenSchedules openProjects;
    private final BenefitService benefits;
    private final RuntimeService runtimeService;
    private final NotificationService notifications;
    private final NotificationProperties properties;
    private final CurrentUser currentUser;

    BenefitFollowUp(ProjectService projects, OpenSchedules openProjects, BenefitService benefits,
            RuntimeService runtimeService, NotificationService notifications, NotificationProperties properties,
            CurrentUser currentUser) {
        this.projects = projects;
        this.openProjects = openProjects;
        this.benefits = benefits;
        this.runtimeService = runtimeService;
        this.notifications = notifications;
        this.properties = properties;
        this.currentUser = currentUser;
    }

    /**
     * {@code ServiceTask_StartBenefitFollowUp} of the implementation process, once the municipality has gone live:
     * starts the quarterly measurement for its municipality (the instance's business key). The task is asynchronous,
     * so this runs in the job executor as the platform, not in the transaction of the project leader who confirmed the
     * cut-over in Tasklist: no user's authorization applies to the start.
     */
    public void start(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        if (number == null) {
            number = String.valueOf(execution.getVariable(ProjectProcess.VAR_MUNICIPALITY_NUMBER));
        }
        startFor(number);
    }

    /**
     * Starts the quarterly measurement for the municipality's current project, from the first quarter whose
     * registration deadline is still ahead. Does nothing (and returns the running instance) when one already runs,
     * and returns empty when all twelve quarters are past.
     */
    @Transactional
    public Optional<ProcessInstance> startFor(String municipalityNumber) {
        ImplementationProject project = projects.currentProject(municipalityNumber);
        LocalDate goLive = project.schedule().goLive();
        int quarter = MeasurementQuarters.firstOpenQuarter(goLive, ProjectSchedule.today());
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(municipalityNumber).active().singleResult();
        if (running != null) {
            return Optional.of(running);
        }
        if (quarter == 0) {
            LOG.info("All measurement quarters of {} are past; no follow-up started", municipalityNumber);
            return Optional.empty();
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProjectProcess.VAR_MUNICIPALITY_NUMBER, municipalityNumber);
        variables.put(ProjectProcess.VAR_MUNICIPALITY_NAME, project.getMunicipality().getName());
        variables.put(VAR_QUARTER, quarter);
        return Optional.of(runtimeService.startProcessInstanceByKey(PROCESS_KEY, municipalityNumber, variables));
    }

    /**
     * The benefit-plan task's complete listener ({@code Task_BenefitPlan}): refuses a plan the platform would not
     * store (no answer, an answer too long), so the project leader reads why at once and the task stays open, and
     * notes who completed it for the step that saves the plan.
     */
    public void checkPlan(DelegateTask task) {
        BenefitService.checkPlan(answers(task));
        task.setVariable(VAR_PLAN_ANSWERED_BY, currentUser.id());
    }

    /**
     * Stores the answers of the pre-project's benefit-plan form ({@code form-benefit-plan}: benefitExpected,
     * benefitServiceAreas, benefitAmbition, benefitResponsibility, benefitReplanning) as the project's benefit plan,
     * so that the plan made in Tasklist shows on the benefit pages and in the API. Called by
     * {@code ServiceTask_SaveBenefitPlan} after {@code Task_BenefitPlan}, as a job of its own (the project leader's
     * completion does not wait for it; it is retried and ends as an incident in Cockpit if it keeps failing).
     */
    public void recordPlan(DelegateExecution execution) {
        long project = openProjects.projectIdOf(execution.getProcessBusinessKey());
        Object answeredBy = execution.getVariable(VAR_PLAN_ANSWERED_BY);
        benefits.savePlan(project, answers(execution), answeredBy == null ? CurrentUser.SYSTEM : answeredBy.toString());
    }

    private static BenefitService.PlanAnswers answers(VariableScope scope) {
        return new BenefitService.PlanAnswers(text(scope, "benefitExpected"), text(scope, "benefitServiceAreas"),
                text(scope, "benefitAmbition"), text(scope, "benefitResponsibility"), text(scope, "benefitReplanning"));
    }

    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** When the current quarter ends (start of that day, Oslo): the measurement task opens. */
    public Date quarterEnd(DelegateExecution execution) {
        return Date.from(ProjectSchedule.startOfDay(MeasurementQuarters.quarterEnd(goLive(execution),
                quarter(execution))));
    }

    /** The end of the registration deadline day, {@value MeasurementQuarters#DAYS_TO_REGISTER} days after. */
    public Date measurementDue(DelegateExecution execution) {
        return ProjectSchedule.endOfDay(MeasurementQuarters.due(goLive(execution), quarter(execution)));
    }

    void requireMeasurements(DelegateExecution execution) {
        ImplementationProject project = projects.currentProject(execution.getProcessBusinessKey());
        int quarter = quarter(execution);
        LocalDate goLive = project.schedule().goLive();
        if (benefits.goals(project).isEmpty()) {
            throw DomainException.unprocessable(project.getMunicipality().getName() + " har ingen gevinstmål å måle."
                    + " Legg inn gevinstmålene fra gevinstplanen på gevinstsiden, registrer målingene og fullfør så"
                    + " oppgaven.");
        }
        List<BenefitGoal> missing = benefits.goalsWithoutMeasurement(project, quarter);
        if (!missing.isEmpty()) {
            throw DomainException.unprocessable("Kvartal " + quarter + " mangler måling for "
                    + missing.stream().map(g -> "«" + g.getIndicator() + "»").collect(Collectors.joining(", "))
                    + ". Registrer en måling datert mellom "
                    + date(MeasurementQuarters.windowStart(goLive, quarter)) + " og "
                    + date(MeasurementQuarters.due(goLive, quarter))
                    + " for hvert mål på gevinstsiden, og fullfør så oppgaven.");
        }
    }

    void notifySkipped(DelegateExecution execution) {
        ImplementationProject project = projects.currentProject(execution.getProcessBusinessKey());
        int quarter = quarter(execution);
        LocalDate goLive = project.schedule().goLive();
        List<BenefitGoal> goals = benefits.goals(project);
        List<BenefitGoal> missing = benefits.goalsWithoutMeasurement(project, quarter);
        if (!goals.isEmpty() && missing.isEmpty()) {
            LOG.info("Quarter {} of {} is measured though the task was not completed; RAG is not told", quarter,
                    project.getMunicipality().getNumber());
            return;
        }
        Municipality municipality = project.getMunicipality();
        Map<String, Object> model = new HashMap<>();
        model.put("municipalityName", municipality.getName());
        model.put("municipalityNumber", municipality.getNumber());
        model.put("waveCode", project.getWave().getCode());
        model.put("headline", municipality.getName() + " har ikke registrert gevinstmålinger for kvartal " + quarter);
        model.put("details", "Fristen for kvartal " + quarter + " etter produksjonssettingen " + date(goLive)
                + " var " + date(MeasurementQuarters.due(goLive, quarter)) + ". "
                + (goals.isEmpty() ? "Kommunen har ingen gevinstmål registrert."
                        : "Mangler måling: " + missing.stream().map(BenefitGoal::getIndicator)
                                .collect(Collectors.joining("; ")) + ".")
                + " Målingene fortsetter neste kvartal.");
        model.put("link", properties.baseUrl() + "/benefits/" + municipality.getNumber());
        notifications.enqueue(new NotificationService.Request(NotificationType.RAG_MEASUREMENT_SKIPPED,
                "project:" + project.getId() + ":quarter:" + quarter, project.getId(), municipality,
                ProjectSchedule.now(), "rag-alert", model, null));
    }

    private LocalDate goLive(DelegateExecution execution) {
        return projects.currentProject(execution.getProcessBusinessKey()).schedule().goLive();
    }

    private static int quarter(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable(VAR_QUARTER)).intValue();
    }

    @Configuration
    static class Delegates {

        /**
         * Listener on the flow out of {@code Task_RegisterMeasurements} (taken only when the task is completed, not
         * when the deadline interrupts it): every goal measured this quarter, or the completion is refused.
         */
        @Bean
        ExecutionListener requireBenefitMeasurements(BenefitFollowUp followUp) {
            return followUp::requireMeasurements;
        }

        /** {@code ServiceTask_NotifyRagMeasurementSkipped}. */
        @Bean
        JavaDelegate notifyRagMeasurementSkipped(BenefitFollowUp followUp) {
            return followUp::notifySkipped;
        }
    }
}
