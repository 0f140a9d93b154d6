package no.innforing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class WorkingDaysTests {

    private final WorkingDays workingDays = new WorkingDays();

    @Test
    void constitutionDayOnWhitMondayMovesBackOverTheWeekendToFriday() {
        LocalDate may17 = LocalDate.of(2027, 5, 17);
        assertThat(workingDays.isWorkingDay(may17)).isFalse();
        assertThat(workingDays.lastWorkingDayOnOrBefore(may17)).isEqualTo(LocalDate.of(2027, 5, 14));
    }

    @Test
    void everyDayOfEasterMovesBackToTheWednesdayBeforeMaundyThursday() {
        LocalDate maundyThursday = LocalDate.of(2027, 3, 25);
        LocalDate easterMonday = LocalDate.of(2027, 3, 29);
        for (LocalDate day = maundyThursday; !day.isAfter(easterMonday); day = day.plusDays(1)) {
            assertThat(workingDays.isWorkingDay(day)).as("%s", day).isFalse();
            assertThat(workingDays.lastWorkingDayOnOrBefore(day)).as("%s", day)
                    .isEqualTo(LocalDate.of(2027, 3, 24));
        }
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 3, 30))).as("Tuesday after Easter").isTrue();
    }

    @Test
    void ascensionDayMovesToTheDayBefore() {
        assertThat(workingDays.lastWorkingDayOnOrBefore(LocalDate.of(2027, 5, 6))).isEqualTo(LocalDate.of(2027, 5, 5));
    }

    @Test
    void aSundayMovesBackAcrossTheMonthEnd() {
        assertThat(workingDays.lastWorkingDayOnOrBefore(LocalDate.of(2027, 8, 1))).isEqualTo(LocalDate.of(2027, 7, 30));
    }

    @Test
    void christmasOnAWeekendMovesToChristmasEve() {
        LocalDate christmasEve = LocalDate.of(2027, 12, 24);
        assertThat(workingDays.lastWorkingDayOnOrBefore(LocalDate.of(2027, 12, 26))).isEqualTo(christmasEve);
        assertThat(workingDays.lastWorkingDayOnOrBefore(LocalDate.of(2027, 12, 25))).isEqualTo(christmasEve);
        assertThat(workingDays.isWorkingDay(christmasEve)).isTrue();
    }

    @Test
    void newYearAndLabourDayAreHolidays() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(workingDays.lastWorkingDayOnOrBefore(LocalDate.of(2026, 5, 1))).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void anOrdinaryTuesdayStays() {
        LocalDate tuesday = LocalDate.of(2027, 2, 16);
        assertThat(workingDays.isWorkingDay(tuesday)).isTrue();
        assertThat(workingDays.lastWorkingDayOnOrBefore(tuesday)).isEqualTo(tuesday);
    }

    @Test
    void mailsGoOutAtEightOsloTimeInWinterAndSummer() {
        assertThat(workingDays.sendMoment(LocalDate.of(2027, 2, 28)).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2027-02-26T08:00+01:00"));
        assertThat(workingDays.sendMoment(LocalDate.of(2027, 5, 17)).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2027-05-14T08:00+02:00"));
    }
}
