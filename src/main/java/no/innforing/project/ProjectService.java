package no.innforing.project;

import static no.innforing.project.ProjectProcess.*;
import static no.innforing.shared.Norwegian.date;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.innforing.municipality.Municipality;
import no.innforing.municipality.MunicipalityService;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.CurrentUser;
import no.innforing.shared.DomainException;
import no.innforing.shared.Input;
import no.innforing.wave.Wave;
import no.innforing.wave.WaveService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of a municipality's implementation project: registration, withdrawal (fratre), the service
 * agreement and its deadline, wave moves and closing. The API and the process delegates both come here, so a
 * rule holds whichever way a request arrives.
 */
@Service
@Transactional
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectAuditRepository audits;
    private final MunicipalityService municipalities;
    private final WaveService waves;
    private final MunicipalityAccess access;
    private final RuntimeService runtimeService;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final ProjectRescheduler rescheduler;
    private final MovePlanner planner;
    private final TransactionTemplate trial;
    private final EntityManager entityManager;

    ProjectService(ProjectRepository projects, ProjectAuditRepository audits, MunicipalityService municipalities,
            WaveService waves, MunicipalityAccess access, RuntimeService runtimeService, CurrentUser currentUser,
            ApplicationEventPublisher events, ProjectRescheduler rescheduler, MovePlanner planner,
            PlatformTransactionManager transactions, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.planner = planner;
        this.trial = new TransactionTemplate(transactions);
        this.trial.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.projects = projects;
        this.audits = audits;
        this.municipalities = municipalities;
        this.waves = waves;
        this.access = access;
        this.runtimeService = runtimeService;
        this.currentUser = currentUser;
        this.events = events;
        this.rescheduler = rescheduler;
    }

    /** What it takes to register a project; only municipality and wave are required. */
    public record Registration(String municipalityNumber, String waveCode, boolean earlyStart, ProjectPhase startPhase,
            LocalDate callOffAgreementSignedOn, LocalDate serviceAgreementSignedOn) {

        public Registration {
            startPhase = startPhase == null ? ProjectPhase.POLITICAL_DECISION : startPhase;
        }

        public static Registration of(String municipalityNumber, String waveCode) {
            return new Registration(municipalityNumber, waveCode, false, null, null, null);
        }
    }

    /**
     * Registers a municipality's project in a wave and starts its process instance (business key = the
     * municipality number). A project already under way starts at the phase it has reached.
     */
    public ImplementationProject register(Registration registration) {
        if (registration.municipalityNumber() == null || !registration.municipalityNumber().matches("\\d{4}")) {
            throw DomainException.invalid("Kommunenummer må ha fire sifre, for eksempel 1505.");
        }
        if (!registration.startPhase().isStartPhase()) {
            throw DomainException.invalid("Et prosjekt kan ikke registreres i fasen «"
                    + registration.startPhase().displayName() + "»; bruk earlyStart sammen med en annen startfase.");
        }
        Municipality municipality = municipalities.lock(registration.municipalityNumber());
        // the wave and the open project's wave (all the refusal needs) in one statement, after the lock: it sees a
        // competing registration's project once that has committed and released the municipality
        ProjectLookups.WaveAndOpenProject found = projects.findWaveAndOpenProject(registration.waveCode(),
                municipality.getNumber()).orElseThrow(() -> DomainException.notFound("Fant ingen bølge med kode «"
                        + registration.waveCode() + "». Kjente bølger: " + waveCodes() + "."));
        if (found.openProjectWave() != null) {
            throw DomainException.conflict(municipality.getName() + " (" + municipality.getNumber()
                    + ") har allerede et aktivt innføringsprosjekt i bølge " + found.openProjectWave() + ".");
        }
        Wave wave = found.wave();

        Instant now = ProjectSchedule.now();
        Input.pastDate(registration.callOffAgreementSignedOn(), "callOffAgreementSignedOn", ProjectSchedule.today(now));
        Input.pastDate(registration.serviceAgreementSignedOn(), "serviceAgreementSignedOn", ProjectSchedule.today(now));
        ProjectSchedule schedule = ProjectSchedule.forGoLive(wave.getGoLiveDate());
        ProjectPhase phase = registration.startPhase();
        if (phase.beforeServiceAgreementSigned() && schedule.serviceAgreementDeadlinePassed(now)) {
            throw DomainException.unprocessable("Fristen for å signere tjenesteavtale for bølge " + wave.getCode()
                    + " var " + date(schedule.serviceAgreementDue()) + " og er passert. Velg en senere bølge, "
                    + "eller registrer prosjektet i hovedprosjektet med signert tjenesteavtale.");
        }
        if (!ProjectSchedule.today(now).isBefore(schedule.stabilizationEnd())) {
            throw DomainException.unprocessable("Bølge " + wave.getCode() + " avsluttet stabiliseringen "
                    + date(schedule.stabilizationEnd()) + "; det er ingenting igjen å følge opp.");
        }

        ImplementationProject project = new ImplementationProject(municipality, wave, phase,
                registration.earlyStart(), now);
        if (phase.compareTo(ProjectPhase.PRE_PROJECT) >= 0) {
            project.recordCallOffAgreement(registration.callOffAgreementSignedOn());
        }
        if (!phase.beforeServiceAgreementSigned()) {
            project.recordServiceAgreement(registration.serviceAgreementSignedOn());
        }
        projects.saveAndFlush(project);
        var known = OpenProjectsInTransaction.current();
        if (known != null) {
            known.put(municipality.getNumber(), project);   // the process's start reads it: no query
        }
        audit(project, "REGISTERED", "Registrert i bølge " + wave.getCode() + " med start i fasen «"
                + phase.displayName() + "»" + (registration.earlyStart() ? ", med tjuvstart" : ""));

        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_MUNICIPALITY_NUMBER, municipality.getNumber());
        variables.put(VAR_MUNICIPALITY_NAME, municipality.getName());
        variables.put(VAR_START_PHASE, phase.name());
        variables.put(VAR_EARLY_START, registration.earlyStart());
        ProcessInstantiationBuilder start = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(municipality.getNumber()).setVariables(variables);
        if (phase != ProjectPhase.POLITICAL_DECISION) {
            // Mid-programme: start at the phase's subprocess instead of the start event, and start by hand what the
            // start event's parallel fork (Gateway_Fork) starts beside the phases: the service-agreement reminders
            // (their start listener plans them, or none once the agreement is signed). The withdrawal event
            // subprocess and the boundary timers come with their scopes, as on the ordinary path.
            start.startBeforeActivity(SUBPROCESS_REMINDERS).startBeforeActivity(ProjectProcess.phaseActivity(phase));
        }
        // One engine command for the access (a municipality without a tenant gets it here) and the process start
        ProcessInstance instance = access.inOneCommand(() -> {
            access.provision(municipality.getNumber(), municipality.getName());
            return start.execute();
        });
        project.attachProcessInstance(instance.getId());
        return project;
    }

    /**
     * The municipality's open project, if it has one. The process reads it for every due date, timer date and
     * overdue notice, often many times in one engine command (a phase opening five tasks asks fifteen times): within
     * a transaction the answer is remembered, and a repeated read returns the same entity of the persistence context
     * (no SQL, no repository call) as long as it is still managed there and still open.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ImplementationProject> openProject(String municipalityNumber) {
        Map<String, ImplementationProject> known = OpenProjectsInTransaction.current();
        ImplementationProject remembered = known == null ? null : known.get(municipalityNumber);
        if (remembered != null && ProjectState.OPEN.contains(remembered.getState())
                && entityManager.contains(remembered)) {
            return java.util.Optional.of(remembered);
        }
        var found = projects.findOpen(municipalityNumber).stream().findFirst();
        if (known != null) {
            found.ifPresent(project -> known.put(municipalityNumber, project));
        }
        return found;
    }

    /** The open project or else the latest one: what a reader of the municipality's project wants to see. */
    @Transactional(readOnly = true)
    public ImplementationProject currentProject(String municipalityNumber) {
        return openProject(municipalityNumber).or(() -> projects
                        .findByMunicipalityNumberOrderByCreatedAtDesc(municipalityNumber).stream().findFirst())
                .orElseThrow(() -> DomainException.notFound(
                        "Kommune " + municipalityNumber + " har ikke noe innføringsprosjekt."));
    }

    /** The open project behind a running process instance (the instance's business key). */
    @Transactional(readOnly = true)
    public ImplementationProject openProjectOf(String businessKey) {
        return openProject(businessKey).orElseThrow(() -> noOpenProject(businessKey));
    }

    /** A process instance whose municipality has no open project: a fault of the platform, not of the user. */
    static IllegalStateException noOpenProject(String municipalityNumber) {
        return new IllegalStateException("No open implementation project for municipality " + municipalityNumber);
    }

    @Transactional(readOnly = true)
    public List<ProjectAudit> history(ImplementationProject project) {
        return audits.findByProjectIdOrderByOccurredAtAscIdAsc(project.getId());
    }

    /**
     * The municipality withdraws (fratre) through the API: allowed until the end of the service-agreement
     * deadline day while the agreement is unsigned; the process instance ends as withdrawn.
     */
    public ImplementationProject requestWithdrawal(String municipalityNumber, String reason) {
        String why = Input.reason(reason);
        ImplementationProject project = openProject(municipalityNumber).orElseThrow(() -> {
            ImplementationProject latest = currentProject(municipalityNumber);
            return DomainException.conflict("Prosjektet til kommune " + municipalityNumber + " er ikke aktivt (status «"
                    + latest.getState().displayName() + "»); det er ingenting å fratre.");
        });
        checkWithdrawalAllowed(project);
        runtimeService.createMessageCorrelation(MESSAGE_WITHDRAWAL_REQUESTED)
                .processInstanceId(project.getProcessInstanceId())
                .setVariable(VAR_WITHDRAWAL_REASON, why)
                .correlate();
        return project;
    }

    /** Closes the project as withdrawn; called by the process, from a task or from the withdrawal message. */
    public void recordWithdrawal(String businessKey, String reason) {
        ImplementationProject project = openProjectOf(businessKey);
        checkWithdrawalAllowed(project);
        project.close(ProjectState.WITHDRAWN, reason, ProjectSchedule.now());
        audit(project, "WITHDRAWN", reason == null ? "Kommunen fratrådte" : "Kommunen fratrådte: " + reason);
        events.publishEvent(new ProjectWithdrawn(project.getId(), project.getMunicipality().getNumber(), reason));
    }

    private void checkWithdrawalAllowed(ImplementationProject project) {
        ProjectSchedule schedule = project.schedule();
        if (project.isServiceAgreementSigned()) {
            throw DomainException.conflict(project.getMunicipality().getName() + " har signert tjenesteavtalen, "
                    + "som er bindende. Retten til å fratre gjaldt bare fram til signering, senest "
                    + date(schedule.serviceAgreementDue()) + ".");
        }
        if (schedule.serviceAgreementDeadlinePassed(ProjectSchedule.now())) {
            throw DomainException.conflict("Fristen for å fratre gikk ut " + date(schedule.serviceAgreementDue())
                    + " (fristen for tjenesteavtalen, 13 måneder før produksjonssetting). "
                    + project.getMunicipality().getName() + " kan ikke lenger fratre.");
        }
    }

    public void recordCallOffAgreement(String businessKey, LocalDate signedOn) {
        ImplementationProject project = openProjectOf(businessKey);
        project.recordCallOffAgreement(signedOn);
        audit(project, "CALL_OFF_AGREEMENT_SIGNED", "Avropsavtale signert " + date(signedOn));
    }

    public void recordServiceAgreement(String businessKey, LocalDate signedOn) {
        ImplementationProject project = openProjectOf(businessKey);
        if (signedOn.isAfter(ProjectSchedule.today())) {
            throw DomainException.invalid("Signeringsdatoen " + date(signedOn) + " er fram i tid.");
        }
        Input.pastDate(signedOn, "Dato for signert tjenesteavtale", ProjectSchedule.today());
        project.recordServiceAgreement(signedOn);
        audit(project, "SERVICE_AGREEMENT_SIGNED", "Tjenesteavtale signert " + date(signedOn));
    }

    /**
     * RAG grants a short extension of a missed service-agreement deadline: a day after today and no later than
     * the start of the main project, by which the agreement must be signed in any case.
     */
    public void grantExtension(String businessKey, LocalDate newDue, String reason) {
        reason = Input.reason(reason);
        ImplementationProject project = openProjectOf(businessKey);
        LocalDate latest = project.schedule().mainProjectStart();
        if (!newDue.isAfter(ProjectSchedule.today()) || newDue.isAfter(latest)) {
            throw DomainException.unprocessable("Ny frist " + date(newDue) + " må være etter i dag og senest "
                    + date(latest) + ", da hovedprosjektet starter.");
        }
        project.extendServiceAgreementTo(newDue);
        rescheduler.rescheduleAfterCommit(project.getProcessInstanceId());
        audit(project, "DEADLINE_EXTENDED", "Frist for tjenesteavtale utsatt til " + date(newDue)
                + (reason == null ? "" : ": " + reason));
    }

    /**
     * Moves the project to a later wave (RAG's decision after a missed deadline or a no-go, from the process): what
     * lies ahead of it follows the new go-live date once the task's transaction has committed. Refused like any move
     * (a reason, reached milestones kept, the next milestone not in the past, capacity).
     */
    public void moveToWave(String businessKey, String waveCode, String reason) {
        move(businessKey, waveCode, reason, true, false, MoveMode.AFTER_COMMIT);
    }

    /** RAG moves the municipality to another wave (API and pages): the plan with what the move did. */
    public MovePlan moveToWave(String municipalityNumber, String waveCode, String reason, boolean overrideCapacity) {
        return move(municipalityNumber, waveCode, reason, false, overrideCapacity, MoveMode.NOW);
    }

    /** What {@link #moveToWave(String, String, String, boolean)} would do, blockers included; nothing changes. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public MovePlan previewMoveToWave(String municipalityNumber, String waveCode, String reason,
            boolean overrideCapacity) {
        return trial.execute(status -> {
            status.setRollbackOnly();
            return move(municipalityNumber, waveCode, reason, false, overrideCapacity, MoveMode.PREVIEW);
        });
    }

    private enum MoveMode { PREVIEW, NOW, AFTER_COMMIT }

    private MovePlan move(String businessKey, String waveCode, String reason, boolean laterOnly,
            boolean overrideCapacity, MoveMode mode) {
        reason = Input.reason(reason);
        if (reason == null && mode != MoveMode.PREVIEW) {
            throw DomainException.invalid("reason må fylles ut: historikken skal vise hvorfor kommunen ble flyttet.");
        }
        ImplementationProject project = openProject(businessKey).orElseThrow(() -> DomainException.conflict(
                "Kommune " + businessKey + " har ikke noe aktivt innføringsprosjekt å flytte."));
        if (waveCode == null || waveCode.isBlank()) {
            throw DomainException.invalid("waveCode må fylles ut.");
        }
        Wave target = waves.require(waveCode);
        Wave current = project.getWave();
        if (target.getCode().equals(current.getCode())) {
            throw DomainException.conflict(project.getMunicipality().getName() + " er allerede i bølge "
                    + current.getCode() + ".");
        }
        if (laterOnly && !target.getGoLiveDate().isAfter(current.getGoLiveDate())) {
            throw DomainException.unprocessable("Bølge " + target.getCode() + " (produksjonssetting "
                    + date(target.getGoLiveDate()) + ") er ikke senere enn nåværende bølge " + current.getCode()
                    + " (" + date(current.getGoLiveDate()) + ").");
        }
        ProjectSchedule newSchedule = ProjectSchedule.forGoLive(target.getGoLiveDate());
        if (!ProjectSchedule.today().isBefore(newSchedule.stabilizationEnd())) {
            throw DomainException.unprocessable("Bølge " + target.getCode() + " er allerede ferdig stabilisert.");
        }
        MovePlanner.Planned planned = planner.forProject(project, target, reason, overrideCapacity);
        if (!planned.plan().allowed()) {
            if (mode == MoveMode.PREVIEW) {
                return planned.plan();
            }
            throw MovePlanner.refusal(planned.plan());
        }
        Map<String, MovePlanner.Snapshot> snapshotBefore = mode == MoveMode.AFTER_COMMIT ? null
                : planner.snapshot(planned.steps());
        MovePlanner.Step step = planned.steps().get(0);
        ProjectSchedule before = step.before();
        project.recordFacts(step.facts().preProjectStarted(), step.facts().mainProjectStarted(),
                step.facts().wentLive());
        project.moveTo(target);
        MovePlan.Capacity capacity = planned.plan().capacity();
        String overridden = capacity != null && capacity.overridden() ? " (bølge " + target.getCode() + " var full: "
                + MovePlanner.use(capacity) + "; RAG overstyrte kapasiteten)" : "";
        audit(project, "MOVED", "Flyttet fra bølge " + current.getCode() + " til " + target.getCode()
                + (reason == null ? "" : ": " + reason) + overridden);
        events.publishEvent(new ProjectScheduleChanged(project.getId(), businessKey,
                project.getMunicipality().getName() + " er flyttet fra bølge " + current.getCode() + " til "
                        + target.getCode(), reason, before, project.schedule(),
                "moved:" + target.getCode() + ":" + ProjectSchedule.now()));
        if (mode == MoveMode.AFTER_COMMIT) {
            rescheduler.rescheduleAfterCommit(project.getProcessInstanceId());
            return planned.plan();
        }
        projects.flush();
        rescheduler.reschedule(project.getProcessInstanceId());
        return MovePlanner.withConsequences(planned.plan(), snapshotBefore, planner.snapshot(planned.steps()));
    }

    /** Every project, open or closed. */
    @Transactional(readOnly = true)
    public List<ImplementationProject> all() {
        return projects.findAll();
    }

    /** The projects in one of the given states. */
    @Transactional(readOnly = true)
    public List<ImplementationProject> inStates(Set<ProjectState> states) {
        return projects.findByStateIn(states);
    }

    /** The open projects of a wave: the ones a change of its go-live date moves. */
    @Transactional(readOnly = true)
    public List<ImplementationProject> openProjectsInWave(String waveCode) {
        return projects.findByWaveCodeAndStateIn(waveCode, ProjectState.OPEN);
    }

    /**
     * Records in the project's history that its wave moved, and returns what changed for it (the caller tells the
     * members, {@link WaveMembersRescheduled}, and reschedules the process).
     */
    public ProjectScheduleChanged recordWaveMoved(ImplementationProject project, ProjectSchedule before,
            String reason) {
        ProjectSchedule after = project.schedule();
        audit(project, "WAVE_MOVED", "Bølge " + project.getWave().getCode() + " flyttet: produksjonssetting "
                + date(before.goLive()) + " → " + date(after.goLive()) + ": " + reason);
        return new ProjectScheduleChanged(project.getId(), project.getMunicipality().getNumber(),
                "Bølge " + project.getWave().getCode() + " er flyttet: ny produksjonssetting "
                        + date(after.goLive()), reason, before, after,
                "wave:" + project.getWave().getCode() + ":" + after.goLive() + ":" + ProjectSchedule.now());
    }

    /** The waves a project may move to: later go-live, and a signing deadline still ahead where that matters. */
    @Transactional(readOnly = true)
    public List<Wave> laterWaves(String businessKey) {
        ImplementationProject project = openProjectOf(businessKey);
        Instant now = ProjectSchedule.now();
        return waves.all().stream()
                .filter(w -> w.getGoLiveDate().isAfter(project.getWave().getGoLiveDate()))
                .filter(w -> project.isServiceAgreementSigned()
                        || !ProjectSchedule.forGoLive(w.getGoLiveDate()).serviceAgreementDeadlinePassed(now))
                .toList();
    }

    /** Closes the project as ENDED (by RAG) or COMPLETED (after stabilization). */
    public void close(String businessKey, ProjectState finalState, String reason) {
        ImplementationProject project = openProjectOf(businessKey);
        project.close(finalState, reason, ProjectSchedule.now());
        audit(project, finalState.name(), reason);
    }

    /**
     * Records in the municipality's project history that one of its process instances now runs another version
     * of the method (a process-version migration).
     */
    public void recordProcessMigration(String municipalityNumber, String detail) {
        audit(currentProject(municipalityNumber), "PROCESS_MIGRATED", detail);
    }

    private void audit(ImplementationProject project, String action, String detail) {
        audits.save(new ProjectAudit(project.getId(), ProjectSchedule.now(), currentUser.id(), action, detail));
    }

    private String waveCodes() {
        return String.join(", ", waves.all().stream().map(Wave::getCode)
                .toList());
    }
}
