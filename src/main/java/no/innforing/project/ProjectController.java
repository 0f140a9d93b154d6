package no.innforing.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.Input;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
class ProjectController {

    private final ProjectService projects;
    private final ProjectQueries queries;
    private final MunicipalityAccess access;
    private final List<ProjectDetails> details;
    private final ProjectHistory history;

    ProjectController(ProjectService projects, ProjectQueries queries, MunicipalityAccess access,
            List<ProjectDetails> details, ProjectHistory history) {
        this.history = history;
        this.projects = projects;
        this.queries = queries;
        this.access = access;
        this.details = details;
    }

    record RegisterRequest(
            @NotBlank(message = "municipalityNumber må fylles ut")
            @Pattern(regexp = "\\d{4}", message = "municipalityNumber må ha fire sifre, for eksempel 1505")
            String municipalityNumber,
            @NotBlank(message = "waveCode må fylles ut") String waveCode,
            Boolean earlyStart,
            ProjectPhase startPhase,
            LocalDate callOffAgreementSignedOn,
            LocalDate serviceAgreementSignedOn) {
    }

    @PostMapping
    ResponseEntity<ProjectView> register(@Valid @RequestBody RegisterRequest request) {
        access.requireRegional("registrere innføringsprosjekter");
        ImplementationProject project = projects.register(new ProjectService.Registration(request.municipalityNumber(),
                request.waveCode(), Boolean.TRUE.equals(request.earlyStart()), request.startPhase(),
                request.callOffAgreementSignedOn(), request.serviceAgreementSignedOn()));
        return ResponseEntity.created(URI.create("/api/projects/" + request.municipalityNumber()))
                .body(view(project));
    }

    @GetMapping("/{municipalityNumber}")
    ProjectView get(@PathVariable String municipalityNumber) {
        access.requireSee(municipalityNumber);
        return view(projects.currentProject(municipalityNumber));
    }

    /** The project's history, newest first: completed tasks with who and the decision values, agreements, moves … */
    @GetMapping("/{municipalityNumber}/history")
    List<ProjectHistory.Entry> history(@PathVariable String municipalityNumber) {
        access.requireSee(municipalityNumber);
        return history.of(projects.currentProject(municipalityNumber));
    }

    record WithdrawalRequest(@Size(max = Input.MAX_REASON, message = "reason kan ha høyst " + Input.MAX_REASON + " tegn") String reason) {
    }

    @PostMapping("/{municipalityNumber}/withdrawal")
    ProjectView withdraw(@PathVariable String municipalityNumber,
            @Valid @RequestBody(required = false) WithdrawalRequest request) {
        access.requireSee(municipalityNumber);
        projects.requestWithdrawal(municipalityNumber, request == null ? null : request.reason());
        return view(projects.currentProject(municipalityNumber));
    }

    record MoveRequest(@NotBlank(message = "waveCode må fylles ut") String waveCode,
            @Size(max = Input.MAX_REASON, message = "reason kan ha høyst " + Input.MAX_REASON + " tegn") String reason,
            Boolean overrideCapacity) {
    }

    /**
     * RAG moves one municipality to another wave: the same recomputation as for a moved wave. The answer is the
     * project as it is now, with {@code move}: what the move did (the preview's plan, measured after the move).
     */
    @PostMapping("/{municipalityNumber}/wave")
    ProjectView moveToWave(@PathVariable String municipalityNumber, @Valid @RequestBody MoveRequest request) {
        access.requireRegional("flytte kommuner mellom bølger");
        MovePlan plan = projects.moveToWave(municipalityNumber, request.waveCode(), request.reason(),
                Boolean.TRUE.equals(request.overrideCapacity()));
        ProjectView view = view(projects.currentProject(municipalityNumber));
        view.details().put("move", plan);
        return view;
    }

    /** What moving the municipality would do, without changing anything. */
    @PostMapping("/{municipalityNumber}/wave/preview")
    MovePlan previewMoveToWave(@PathVariable String municipalityNumber, @Valid @RequestBody MoveRequest request) {
        access.requireRegional("flytte kommuner mellom bølger");
        return projects.previewMoveToWave(municipalityNumber, request.waveCode(), request.reason(),
                Boolean.TRUE.equals(request.overrideCapacity()));
    }

    record ScheduleView(LocalDate preProjectStart, LocalDate serviceAgreementDue, LocalDate mainProjectStart,
            LocalDate goLive, LocalDate stabilizationEnd) {
        static ScheduleView of(ProjectSchedule s) {
            return new ScheduleView(s.preProjectStart(), s.serviceAgreementDue(), s.mainProjectStart(), s.goLive(),
                    s.stabilizationEnd());
        }
    }

    record HistoryEntry(Instant at, String actor, String action, String detail) {
    }

    record ProjectView(String municipalityNumber, String municipalityName, String waveCode, String originalWaveCode,
            ProjectState state, ProjectPhase currentPhase, String currentPhaseName, String processInstanceId,
            boolean earlyStart, ProjectPhase startPhase, ScheduleView schedule, boolean serviceAgreementSigned,
            LocalDate callOffAgreementSignedOn, LocalDate serviceAgreementSignedOn, LocalDate withdrawalAllowedUntil,
            String closingReason, List<ProjectQueries.OpenTask> openTasks, List<HistoryEntry> history,
            @JsonAnyGetter Map<String, Object> details) {
    }

    private ProjectView view(ImplementationProject project) {
        ProjectSchedule schedule = project.schedule();
        ProjectPhase phase = project.getState().isOpen() ? queries.currentPhase(project.getProcessInstanceId()) : null;
        boolean withdrawable = project.getState().isOpen() && !project.isServiceAgreementSigned()
                && !schedule.serviceAgreementDeadlinePassed(ProjectSchedule.now());
        return new ProjectView(project.getMunicipality().getNumber(), project.getMunicipality().getName(),
                project.getWave().getCode(), project.getOriginalWave().getCode(), project.getState(), phase,
                phase == null ? null : phase.displayName(), project.getProcessInstanceId(), project.isEarlyStart(),
                project.getStartPhase(), ScheduleView.of(schedule), project.isServiceAgreementSigned(),
                project.getCallOffAgreementSignedOn(), project.getServiceAgreementSignedOn(),
                withdrawable ? schedule.serviceAgreementDue() : null, project.getClosingReason(),
                project.getState().isOpen() ? queries.openTasks(project.getProcessInstanceId()) : List.of(),
                projects.history(project).stream()
                        .map(a -> new HistoryEntry(a.getOccurredAt(), a.getActor(), a.getAction(), a.getDetail()))
                        .toList(),
                details.stream().collect(Collectors.toMap(ProjectDetails::name, d -> d.detailsOf(project),
                        (a, b) -> a, LinkedHashMap::new)));
    }
}
