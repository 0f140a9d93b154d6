package no.innforing.notification;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import no.innforing.project.ProjectSchedule;
import org.springframework.stereotype.Component;

/**
 * Norwegian working days, so that no notification goes out on a weekend or a public holiday. A send day that is
 * not a working day moves back to the working day before it, never later: a reminder after its deadline is
 * worthless. The holidays, Easter and the days that follow it included, come from jollyday's Norwegian calendar.
 */
@Component
public class WorkingDays {

    /** Notifications go out at the start of the working day, Oslo time. */
    static final LocalTime SEND_TIME = LocalTime.of(8, 0);

    /**
     * Read on first use, not at start-up: jollyday reads its calendars through JAXB, whose context (some 450
     * classes) costs the platform's start-up about 1 % of its main thread's time before any date is asked for.
     */
    private volatile HolidayManager holidays;

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY
                && !holidays().isHoliday(day, HolidayType.PUBLIC_HOLIDAY);
    }

    private HolidayManager holidays() {
        HolidayManager manager = holidays;
        if (manager == null) {
            // jollyday keeps one manager per calendar, so two threads that get here together share it
            manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NORWAY));
            holidays = manager;
        }
        return manager;
    }

    public LocalDate lastWorkingDayOnOrBefore(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.minusDays(1);
        }
        return candidate;
    }

    /** When a notification meant for {@code nominalDay} is sent: 08:00 Oslo time on the last working day. */
    public ZonedDateTime sendMoment(LocalDate nominalDay) {
        return lastWorkingDayOnOrBefore(nominalDay).atTime(SEND_TIME).atZone(ProjectSchedule.ZONE);
    }

    /** 08:00 Oslo time on the first working day on or after {@code day}: when a notice about a past day goes out. */
    public ZonedDateTime sendMomentOnOrAfter(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate.atTime(SEND_TIME).atZone(ProjectSchedule.ZONE);
    }
}
