package no.innforing.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import no.innforing.municipality.Municipality;
import no.innforing.wave.Wave;

/** One municipality's implementation project in one wave, carried by one process instance. */
@Entity
@Table(name = "implementation_project")
public class ImplementationProject {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "municipality_number")
    private Municipality municipality;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "wave_code")
    private Wave wave;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "original_wave_code")
    private Wave originalWave;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    private ProjectState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "start_phase")
    private ProjectPhase startPhase;

    @Column(name = "early_start")
    private boolean earlyStart;

    @Column(name = "call_off_agreement_signed_on")
    private LocalDate callOffAgreementSignedOn;

    @Column(name = "service_agreement_signed_on")
    private LocalDate serviceAgreementSignedOn;

    @Column(name = "service_agreement_extended_to")
    private LocalDate serviceAgreementExtendedTo;

    @Column(name = "pre_project_started_on")
    private LocalDate preProjectStartedOn;

    @Column(name = "main_project_started_on")
    private LocalDate mainProjectStartedOn;

    @Column(name = "went_live_on")
    private LocalDate wentLiveOn;

    @Column(name = "closing_reason")
    private String closingReason;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected ImplementationProject() {
    }

    ImplementationProject(Municipality municipality, Wave wave, ProjectPhase startPhase, boolean earlyStart,
            Instant createdAt) {
        this.municipality = municipality;
        this.wave = wave;
        this.originalWave = wave;
        this.startPhase = startPhase;
        this.earlyStart = earlyStart;
        this.state = ProjectState.ACTIVE;
        this.createdAt = createdAt;
    }

    /**
     * The project's dates: planned from its wave's go-live date, with a granted extension of the service agreement,
     * and the milestones it has reached (recorded when its dates last moved) on the days they happened.
     */
    public ProjectSchedule schedule() {
        return schedule(wave.getGoLiveDate(), serviceAgreementExtendedTo, preProjectStartedOn, mainProjectStartedOn,
                wentLiveOn);
    }

    /** {@link #schedule()} from the columns it is made of ({@link OpenSchedules} reads them without the entity). */
    static ProjectSchedule schedule(LocalDate goLive, LocalDate serviceAgreementExtendedTo,
            LocalDate preProjectStartedOn, LocalDate mainProjectStartedOn, LocalDate wentLiveOn) {
        ProjectSchedule schedule = ProjectSchedule.forGoLive(goLive);
        if (serviceAgreementExtendedTo != null) {
            schedule = schedule.withServiceAgreementDue(serviceAgreementExtendedTo);
        }
        return schedule.withFacts(preProjectStartedOn, mainProjectStartedOn, wentLiveOn);
    }

    /** Records the days reached milestones happened, so that later moves leave them where they are. */
    void recordFacts(LocalDate preProjectStarted, LocalDate mainProjectStarted, LocalDate wentLive) {
        if (preProjectStarted != null) {
            this.preProjectStartedOn = preProjectStarted;
        }
        if (mainProjectStarted != null) {
            this.mainProjectStartedOn = mainProjectStarted;
        }
        if (wentLive != null) {
            this.wentLiveOn = wentLive;
        }
    }

    public LocalDate getPreProjectStartedOn() {
        return preProjectStartedOn;
    }

    public LocalDate getMainProjectStartedOn() {
        return mainProjectStartedOn;
    }

    public LocalDate getWentLiveOn() {
        return wentLiveOn;
    }

    public boolean isServiceAgreementSigned() {
        return serviceAgreementSignedOn != null || !startPhase.beforeServiceAgreementSigned();
    }

    void attachProcessInstance(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void recordCallOffAgreement(LocalDate signedOn) {
        this.callOffAgreementSignedOn = signedOn;
    }

    void recordServiceAgreement(LocalDate signedOn) {
        this.serviceAgreementSignedOn = signedOn;
    }

    void extendServiceAgreementTo(LocalDate due) {
        this.serviceAgreementExtendedTo = due;
    }

    void moveTo(Wave later) {
        this.wave = later;
        this.serviceAgreementExtendedTo = null;
        this.state = ProjectState.MOVED;
    }

    void close(ProjectState finalState, String reason, Instant at) {
        this.state = finalState;
        this.closingReason = reason;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    public Wave getWave() {
        return wave;
    }

    public Wave getOriginalWave() {
        return originalWave;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public ProjectState getState() {
        return state;
    }

    public ProjectPhase getStartPhase() {
        return startPhase;
    }

    public boolean isEarlyStart() {
        return earlyStart;
    }

    public LocalDate getCallOffAgreementSignedOn() {
        return callOffAgreementSignedOn;
    }

    public LocalDate getServiceAgreementSignedOn() {
        return serviceAgreementSignedOn;
    }

    public LocalDate getServiceAgreementExtendedTo() {
        return serviceAgreementExtendedTo;
    }

    public String getClosingReason() {
        return closingReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
