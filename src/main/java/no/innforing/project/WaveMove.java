package no.innforing.project;

import static no.innforing.shared.Norwegian.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.innforing.shared.CurrentUser;
import no.innforing.shared.DomainException;
import no.innforing.shared.Input;
import no.innforing.wave.Wave;
import no.innforing.wave.WaveChange;
import no.innforing.wave.WaveService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a wave's go-live date, and with it what lies ahead for every open member: its milestones not yet reached,
 * task due dates, timers and planned reminders, in one transaction: all move or none does. Reached milestones keep
 * their dates. The preview runs the same move in a transaction that is rolled back, so it shows exactly what the
 * move does.
 */
@Service
public class WaveMove {

    private final WaveService waves;
    private final ProjectService projects;
    private final ProjectRescheduler rescheduler;
    private final CurrentUser currentUser;
    private final MovePlanner planner;
    private final TransactionTemplate trial;
    private final CommandExecutor engineCommand;
    private final ApplicationEventPublisher events;

    WaveMove(WaveService waves, ProjectService projects, ProjectRescheduler rescheduler, CurrentUser currentUser,
            MovePlanner planner, PlatformTransactionManager transactions, ProcessEngine engine,
            ApplicationEventPublisher events) {
        this.events = events;
        this.engineCommand = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.waves = waves;
        this.projects = projects;
        this.rescheduler = rescheduler;
        this.currentUser = currentUser;
        this.planner = planner;
        this.trial = new TransactionTemplate(transactions);
        this.trial.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A move that happened: the wave's recorded change and what it did to each member. */
    public record Moved(WaveChange change, MovePlan plan) {
    }

    /**
     * Sets the wave's go-live date. Refused (422), naming the members and milestones, when it would change the
     * go-live of a member that has gone live or put a member's next milestone in the past.
     */
    @Transactional
    public Moved moveGoLive(String code, LocalDate newGoLive, String reason) {
        return move(code, newGoLive, reason, false);
    }

    /** What {@link #moveGoLive} would do, blockers included; nothing changes. */
    public MovePlan preview(String code, LocalDate newGoLive, String reason) {
        return trial.execute(status -> {
            status.setRollbackOnly();
            Moved moved = move(code, newGoLive, reason, true);
            return moved.plan();
        });
    }

    private Moved move(String code, LocalDate newGoLive, String reason, boolean preview) {
        if (newGoLive == null) {
            throw DomainException.invalid("goLiveDate må fylles ut (ÅÅÅÅ-MM-DD).");
        }
        Input.plannedDate(newGoLive, "goLiveDate", ProjectSchedule.today());
        reason = Input.reason(reason);
        if (reason == null && !preview) {
            throw DomainException.invalid("reason må fylles ut: historikken skal vise hvorfor bølgen ble flyttet.");
        }
        Wave wave = waves.require(code);
        if (wave.getGoLiveDate().equals(newGoLive)) {
            throw DomainException.conflict("Bølge " + code + " har allerede produksjonssetting " + date(newGoLive) + ".");
        }
        MovePlanner.Planned planned = planner.forWave(wave, newGoLive, reason == null ? null : reason.trim());
        if (!planned.plan().allowed()) {
            if (preview) {
                return new Moved(null, planned.plan());
            }
            throw MovePlanner.refusal(planned.plan());
        }
        // the members are the open projects the listeners and timer expressions look up by municipality: no query
        Map<String, ImplementationProject> known = OpenProjectsInTransaction.current();
        if (known != null) {
            planned.steps().forEach(step -> known.put(step.project().getMunicipality().getNumber(), step.project()));
        }
        Map<String, MovePlanner.Snapshot> before = planner.snapshot(planned.steps());
        WaveChange change = waves.changeGoLive(wave, newGoLive, reason == null ? "(forhåndsvisning)" : reason.trim(),
                currentUser.id(), ProjectSchedule.now(), planned.steps().size());
        String why = reason == null ? "" : reason.trim();
        // One engine command around every member's rescheduling (the engine calls inside join it): the engine reads
        // each member's executions, variables and process definition once instead of once per timer and task, and
        // writes everything in one flush, batched. It flushes when it ends, so the snapshot after sees the move.
        List<ProjectScheduleChanged> changes = new ArrayList<>();
        engineCommand.execute(commandContext -> {
            for (MovePlanner.Step step : planned.steps()) {
                ImplementationProject member = step.project();
                member.recordFacts(step.facts().preProjectStarted(), step.facts().mainProjectStarted(),
                        step.facts().wentLive());
                changes.add(projects.recordWaveMoved(member, step.before(), why));
                rescheduler.reschedule(member);
            }
            return null;
        });
        if (!changes.isEmpty()) {
            events.publishEvent(new WaveMembersRescheduled(code, changes));
        }
        return new Moved(change, MovePlanner.withConsequences(planned.plan(), before,
                planner.snapshot(planned.steps())));
    }
}
