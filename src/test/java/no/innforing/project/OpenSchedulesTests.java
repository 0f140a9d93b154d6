package no.innforing.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectService.Registration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The schedule the process reads: the same with or without the entity, and never older than the transaction's changes. */
class OpenSchedulesTests extends IntegrationTest {

    @Autowired
    OpenSchedules schedules;
    @Autowired
    ProjectService projects;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void readWithoutTheEntityItIsTheEntitysSchedule() {
        projects.register(Registration.of("1505", "KI3"));
        transactions.executeWithoutResult(status -> {
            ImplementationProject project = projects.openProjectOf("1505");
            project.recordFacts(LocalDate.of(2026, 8, 20), null, null);
        });

        ProjectSchedule read = transactions.execute(status -> schedules.of("1505"));
        ProjectSchedule entity = transactions.execute(status -> projects.openProjectOf("1505").schedule());
        assertThat(read).isEqualTo(entity);
        assertThat(read.goLive()).isEqualTo(KI3_GO_LIVE);
        assertThat(read.preProjectStart()).isEqualTo(LocalDate.of(2026, 8, 20));
    }

    @Test
    void aScheduleChangedEarlierInTheTransactionIsTheOneRead() {
        projects.register(Registration.of("1505", "KI3"));
        LocalDate planned = ProjectSchedule.forGoLive(KI3_GO_LIVE).preProjectStart();
        transactions.executeWithoutResult(status -> {
            assertThat(schedules.of("1505").preProjectStart()).isEqualTo(planned);   // remembered for the transaction
            projects.openProjectOf("1505").recordFacts(planned.minusDays(3), null, null);
            assertThat(schedules.of("1505").preProjectStart()).isEqualTo(planned.minusDays(3));
            status.setRollbackOnly();
        });
        LocalDate afterRollback = transactions.execute(status -> schedules.of("1505").preProjectStart());
        assertThat(afterRollback).isEqualTo(planned);
    }

    @Test
    void aMunicipalityWithoutAnOpenProjectHasNoSchedule() {
        assertThatThrownBy(() -> transactions.execute(status -> schedules.of("1505")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No open implementation project for municipality 1505");
    }
}
