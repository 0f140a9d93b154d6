package no.innforing.project;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.context.ProcessApplicationContextUtil;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * Every timer of one process instance re-reads its date ({@code managementService.recalculateJobDuedate(id, false)}
 * for each), as one engine command. The engine's own command selects the job by id again although the timer query
 * that found it has just loaded it, and runs a command of its own per timer; a wave move of 60 members recalculated
 * 300 timers that way, each selected twice. This does what {@link RecalculateJobDuedateCmd} does in Camunda 7.24
 * (the same checks, the same declaration lookup and context switch, the same user operation log entry) for the
 * timers as loaded, so the move reads each timer once.
 */
final class RecalculateTimers implements Command<List<String>> {

    private final String processInstanceId;

    RecalculateTimers(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The activity of each timer recalculated (the timer event it waits at). */
    @Override
    public List<String> execute(CommandContext commandContext) {
        List<String> activities = new ArrayList<>();
        for (JobEntity job : commandContext.getJobManager().findJobsByProcessInstanceId(processInstanceId)) {
            if (job instanceof TimerEntity timer) {
                new LoadedTimer(timer).execute(commandContext);
                activities.add(timer.getActivityId());
            }
        }
        return activities;
    }

    /** {@link RecalculateJobDuedateCmd#execute} for a timer already loaded in this command (not creation-based). */
    private static final class LoadedTimer extends RecalculateJobDuedateCmd {

        private final TimerEntity timer;

        LoadedTimer(TimerEntity timer) {
            super(timer.getId(), false);
            this.timer = timer;
        }

        @Override
        public Void execute(CommandContext commandContext) {
            checkJobType(timer);
            for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkUpdateJob(timer);
            }
            TimerDeclarationImpl declaration = findTimerDeclaration(commandContext, timer);
            Date before = timer.getDuedate();
            ProcessApplicationContextUtil.doContextSwitch(
                    () -> declaration.resolveAndSetDuedate(timer.getExecution(), timer, false),
                    commandContext.getProcessEngineConfiguration().getDeploymentCache()
                            .findDeployedProcessDefinitionById(timer.getProcessDefinitionId()));
            List<PropertyChange> changes = new ArrayList<>();
            changes.add(new PropertyChange("duedate", before, timer.getDuedate()));
            changes.add(new PropertyChange("creationDateBased", null, false));
            commandContext.getOperationLogManager().logJobOperation(UserOperationLogEntry.OPERATION_TYPE_RECALC_DUEDATE, timer.getId(),
                    timer.getJobDefinitionId(), timer.getProcessInstanceId(), timer.getProcessDefinitionId(),
                    timer.getProcessDefinitionKey(), changes);
            return null;
        }
    }
}
