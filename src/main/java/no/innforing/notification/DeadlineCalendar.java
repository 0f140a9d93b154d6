package no.innforing.notification;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.parameter.Related;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Method;
import biweekly.property.Transparency;
import biweekly.property.Trigger;
import biweekly.util.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import no.innforing.shared.Norwegian;

/**
 * Deadlines as iCalendar (RFC 5545), the one place that writes calendar files: a single deadline to attach to a
 * reminder, so that a project leader puts it in Outlook or any other calendar with one click (an all-day event on
 * the due day, shown as free time, with a reminder a week before), and a municipality's whole schedule as a feed
 * that calendar apps subscribe to.
 */
public final class DeadlineCalendar {

    /** The MIME type of the attachment: {@code METHOD:PUBLISH} in the file must match the {@code method} here. */
    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    static final int REMINDER_DAYS_BEFORE = 7;
    private static final String PRODUCT_ID = "-//Innforing//Innforing//NB";

    /** An all-day event; give it a stable {@code uid} so that a moved date updates the same event. */
    public record Event(String uid, String summary, LocalDate day) {
    }

    private DeadlineCalendar() {
    }

    /**
     * The calendar file text. Give every deadline a stable {@code uid} (such as
     * {@code service-agreement-1505@innforing}): a calendar that imports a later reminder for the same deadline then
     * updates the event instead of adding a second one.
     */
    public static String deadlineEvent(String uid, String summary, String description, LocalDate day, String url) {
        VEvent event = allDay(new Event(uid, summary, day));
        event.setDateTimeStamp(new Date());
        event.setDescription(description);
        event.setUrl(url);
        event.setTransparency(Transparency.transparent());
        Duration weekBefore = Duration.builder().prior(true).days(REMINDER_DAYS_BEFORE).build();
        event.addAlarm(VAlarm.display(new Trigger(weekBefore, Related.START), summary));

        ICalendar calendar = calendar();
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }

    /** A subscribable feed named {@code name} (shown by calendar apps) with the given all-day events. */
    public static String feed(String name, List<Event> events) {
        ICalendar calendar = calendar();
        calendar.addExperimentalProperty("X-WR-CALNAME", name);
        calendar.addExperimentalProperty("X-WR-TIMEZONE", Norwegian.ZONE.getId());
        events.forEach(e -> calendar.addEvent(allDay(e)));
        return Biweekly.write(calendar).go();
    }

    private static ICalendar calendar() {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        calendar.setMethod(Method.publish());
        return calendar;
    }

    private static VEvent allDay(Event e) {
        VEvent event = new VEvent();
        event.setUid(e.uid());
        event.setSummary(e.summary());
        event.setDateStart(new DateStart(dateOnly(e.day()), false));
        event.setDateEnd(new DateEnd(dateOnly(e.day().plusDays(1)), false));
        return event;
    }

    /** biweekly writes a date without time in the JVM's default zone, so midnight there is the day itself. */
    private static Date dateOnly(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
