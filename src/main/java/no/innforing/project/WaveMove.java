package no.innforing.project;

import static no.innforing.shared.Norwegian.date;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import no.innforing.shared.CurrentUser;
import no.innforing.shared.DomainException;
import no.innforing.shared.Input;
import no.innforing.wave.Wave;
import no.innforing.wave.WaveChange;
import no.innforing.wave.WaveService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a wave's go-live date, and with it every active member's schedule, task due dates, timers and planned
 * reminders, in one transaction: all move or none does.
 */
@Service
public class WaveMove {

    private final WaveService waves;
    private final ProjectService projects;
    private final ProjectRescheduler rescheduler;
    private final CurrentUser currentUser;

    WaveMove(WaveService waves, ProjectService projects, ProjectRescheduler rescheduler, CurrentUser currentUser) {
        this.waves = waves;
        this.projects = projects;
        this.rescheduler = rescheduler;
        this.currentUser = currentUser;
    }

    /**
     * Sets the wave's go-live date. Refused, with the members named, when the new date would put the
     * service-agreement deadline of a member that has not signed in the past: RAG moves those members first.
     */
    @Transactional
    public WaveChange moveGoLive(String code, LocalDate newGoLive, String reason) {
        if (newGoLive == null) {
            throw DomainException.invalid("goLiveDate må fylles ut (ÅÅÅÅ-MM-DD).");
        }
        Input.plannedDate(newGoLive, "goLiveDate", ProjectSchedule.today());
        reason = Input.reason(reason);
        if (reason == null) {
            throw DomainException.invalid("reason må fylles ut: historikken skal vise hvorfor bølgen ble flyttet.");
        }
        Wave wave = waves.require(code);
        LocalDate oldGoLive = wave.getGoLiveDate();
        if (oldGoLive.equals(newGoLive)) {
            throw DomainException.conflict("Bølge " + code + " har allerede produksjonssetting " + date(newGoLive) + ".");
        }
        ProjectSchedule newSchedule = ProjectSchedule.forGoLive(newGoLive);
        List<ImplementationProject> members = projects.openProjectsInWave(code);
        if (newSchedule.serviceAgreementDeadlinePassed(ProjectSchedule.now())) {
            String blocked = members.stream().filter(p -> !p.isServiceAgreementSigned())
                    .map(p -> p.getMunicipality().getName() + " (" + p.getMunicipality().getNumber() + ")")
                    .collect(Collectors.joining(", "));
            if (!blocked.isEmpty()) {
                throw DomainException.unprocessable("Ny produksjonssetting " + date(newGoLive)
                        + " gir frist for tjenesteavtale " + date(newSchedule.serviceAgreementDue())
                        + ", som er passert, for kommuner som ikke har signert: " + blocked
                        + ". Flytt dem til en annen bølge først.");
            }
        }
        WaveChange change = waves.changeGoLive(wave, newGoLive, reason.trim(), currentUser.id(),
                ProjectSchedule.now(), members.size());
        for (ImplementationProject member : members) {
            ProjectSchedule before = ProjectSchedule.forGoLive(oldGoLive);
            if (member.getServiceAgreementExtendedTo() != null) {
                before = before.withServiceAgreementDue(member.getServiceAgreementExtendedTo());
            }
            projects.recordWaveMoved(member, before, reason.trim());
            rescheduler.reschedule(member.getProcessInstanceId());
        }
        return change;
    }
}
