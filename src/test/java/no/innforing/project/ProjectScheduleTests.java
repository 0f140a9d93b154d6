package no.innforing.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ProjectScheduleTests {

    @Test
    void datesFollowTheGoLiveDateInCalendarMonths() {
        ProjectSchedule schedule = ProjectSchedule.forGoLive(LocalDate.of(2028, 9, 5));
        assertThat(schedule.preProjectStart()).isEqualTo(LocalDate.of(2027, 2, 5));
        assertThat(schedule.serviceAgreementDue()).isEqualTo(LocalDate.of(2027, 8, 5));
        assertThat(schedule.mainProjectStart()).isEqualTo(LocalDate.of(2027, 9, 5));
        assertThat(schedule.goLive()).isEqualTo(LocalDate.of(2028, 9, 5));
        assertThat(schedule.stabilizationEnd()).isEqualTo(LocalDate.of(2029, 3, 5));
    }

    @Test
    void monthEndsClampToTheLastDayOfTheShorterMonth() {
        ProjectSchedule march31 = ProjectSchedule.forGoLive(LocalDate.of(2028, 3, 31));
        assertThat(march31.serviceAgreementDue()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(march31.preProjectStart()).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(march31.mainProjectStart()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(march31.stabilizationEnd()).isEqualTo(LocalDate.of(2028, 9, 30));

        ProjectSchedule leapDay = ProjectSchedule.forGoLive(LocalDate.of(2028, 2, 29));
        assertThat(leapDay.preProjectStart()).isEqualTo(LocalDate.of(2026, 7, 29));
        assertThat(leapDay.serviceAgreementDue()).isEqualTo(LocalDate.of(2027, 1, 29));
        assertThat(leapDay.mainProjectStart()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(leapDay.stabilizationEnd()).isEqualTo(LocalDate.of(2028, 8, 29));

        ProjectSchedule intoLeapYear = ProjectSchedule.forGoLive(LocalDate.of(2027, 8, 31));
        assertThat(intoLeapYear.stabilizationEnd()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(intoLeapYear.serviceAgreementDue()).isEqualTo(LocalDate.of(2026, 7, 31));
    }

    @Test
    void theServiceAgreementDeadlineIsTheEndOfTheDueDayInOslo() {
        ProjectSchedule winter = ProjectSchedule.forGoLive(LocalDate.of(2028, 3, 31));
        assertThat(winter.serviceAgreementDeadline()).isEqualTo(OffsetDateTime.parse("2027-03-01T00:00+01:00").toInstant());
        assertThat(winter.serviceAgreementDeadlinePassed(Instant.parse("2027-02-28T22:59:59Z"))).isFalse();
        assertThat(winter.serviceAgreementDeadlinePassed(Instant.parse("2027-02-28T23:00:00Z"))).isTrue();

        ProjectSchedule summer = ProjectSchedule.forGoLive(LocalDate.of(2028, 7, 15));
        assertThat(summer.serviceAgreementDeadline()).isEqualTo(OffsetDateTime.parse("2027-06-16T00:00+02:00").toInstant());
    }

    @Test
    void anExtensionMovesOnlyTheServiceAgreementDueDate() {
        ProjectSchedule schedule = ProjectSchedule.forGoLive(LocalDate.of(2028, 3, 31))
                .withServiceAgreementDue(LocalDate.of(2027, 3, 15));
        assertThat(schedule.serviceAgreementDue()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(schedule.mainProjectStart()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(schedule.goLive()).isEqualTo(LocalDate.of(2028, 3, 31));
    }

    @Test
    void taskDueDatesFollowTheSchedule() {
        assertThat(TaskDeadlines.dueDay(ProjectProcess.TASK_SIGN_SERVICE_AGREEMENT,
                ProjectSchedule.forGoLive(LocalDate.of(2028, 3, 31)))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(TaskDeadlines.dueDay(ProjectProcess.TASK_TRAIN_END_USERS,
                ProjectSchedule.forGoLive(LocalDate.of(2028, 3, 31)))).isEqualTo(LocalDate.of(2028, 3, 17));
    }
}
