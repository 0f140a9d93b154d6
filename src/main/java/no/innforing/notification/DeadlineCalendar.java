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

/**
 * A deadline as an iCalendar file (RFC 5545) to attach to a reminder, so that a project leader puts it in Outlook
 * or any other calendar with one click: an all-day event on the due day, shown as free time, with a reminder a
 * week before.
 */
public final class DeadlineCalendar {

    /** The MIME type of the attachment: {@code METHOD:PUBLISH} in the file must match the {@code method} here. */
    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    static final int REMINDER_DAYS_BEFORE = 7;
    private static final String PRODUCT_ID = "-//Innforing//Innforing//NB";

    private DeadlineCalendar() {
    }

    /**
     * The calendar file text. Give every deadline a stable {@code uid} (such as
     * {@code service-agreement-1505@innforing}): a calendar that imports a later reminder for the same deadline then
     * updates the event instead of adding a second one.
     */
    public static String deadlineEvent(String uid, String summary, String description, LocalDate day, String url) {
        VEvent event = new VEvent();
        event.setUid(uid);
        event.setDateTimeStamp(new Date());
        event.setSummary(summary);
        event.setDescription(description);
        event.setUrl(url);
        event.setDateStart(new DateStart(dateOnly(day), false));
        event.setDateEnd(new DateEnd(dateOnly(day.plusDays(1)), false));
        event.setTransparency(Transparency.transparent());
        Duration weekBefore = Duration.builder().prior(true).days(REMINDER_DAYS_BEFORE).build();
        event.addAlarm(VAlarm.display(new Trigger(weekBefore, Related.START), summary));

        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        calendar.setMethod(Method.publish());
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }

    /** biweekly writes a date without time in the JVM's default zone, so midnight there is the day itself. */
    private static Date dateOnly(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
