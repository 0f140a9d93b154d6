package no.innforing.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectService.Registration;
import no.innforing.wave.Wave;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform's recalculation of a project's timers does what the engine's {@code recalculateJobDuedate} does for
 * each of them: the same new due dates and, when someone is logged in to the engine, the same user operation log.
 */
class RecalculateTimersTests extends IntegrationTest {

    @Autowired
    ProjectService projects;

    @Test
    void recalculatesEveryTimerAsTheEnginesOwnCommandDoes() {
        String byEngine = projects.register(new Registration("1505", "KI3", false, ProjectPhase.PRE_PROJECT, null,
                null)).getProcessInstanceId();
        String byPlatform = projects.register(new Registration("1576", "KI3", false, ProjectPhase.PRE_PROJECT, null,
                null)).getProcessInstanceId();
        List<Date> planned = dueDates(byEngine);
        assertThat(dueDates(byPlatform)).isEqualTo(planned);
        // the wave's go-live moves in the database, behind the timers' back: every date the schedule gives changes
        waves.save(new Wave("KI3", "Kommunal innføring 3", null, KI5_GO_LIVE, 6));

        var management = processEngine.getManagementService();
        processEngine.getIdentityService().setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN),
                List.of("1505", "1576"));
        try {
            for (Job timer : management.createJobQuery().processInstanceId(byEngine).timers().list()) {
                management.recalculateJobDuedate(timer.getId(), false);
            }
            List<String> recalculated = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                    .getCommandExecutorTxRequired().execute(new RecalculateTimers(byPlatform));
            assertThat(recalculated).hasSize(planned.size()).containsOnlyOnce(
                    ProjectProcess.TIMER_SERVICE_AGREEMENT_DUE_IN_PRE_PROJECT);
            assertThat(recalculated.stream().filter(ProjectProcess.TIMER_REMINDER::equals)).as("reminders").hasSize(4);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }

        assertThat(dueDates(byEngine)).as("the wave moved a year: the timers with it").doesNotContainAnyElementsOf(
                planned);
        assertThat(dueDates(byPlatform)).isEqualTo(dueDates(byEngine));
        assertThat(operationLog(byPlatform)).hasSize(2 * planned.size()).isEqualTo(operationLog(byEngine));
    }

    private List<Date> dueDates(String processInstanceId) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers()
                .orderByJobDuedate().asc().list().stream().map(Job::getDuedate).toList();
    }

    /** Who, what and which property changed how, by due date (job ids differ between the two instances). */
    private List<String> operationLog(String processInstanceId) {
        return processEngine.getHistoryService().createUserOperationLogQuery().processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_RECALC_DUEDATE).list().stream()
                .map(entry -> entry.getUserId() + " " + entry.getEntityType() + " " + entry.getCategory() + " "
                        + entry.getProperty() + " " + entry.getOrgValue() + " → " + entry.getNewValue())
                .sorted().toList();
    }
}
