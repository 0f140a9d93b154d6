package no.innforing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.parameter.Related;
import biweekly.property.Action;
import biweekly.util.DateTimeComponents;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineCalendarTests {

    private static final String URL = "http://localhost:8080/camunda/app/tasklist/default/#/?task=7d1c2a4e";

    private static final String DESCRIPTION = "Tjenesteavtalen må signeres i Tasklist. Blåbær, ærfugl og ørret.";

    private final String ics = DeadlineCalendar.deadlineEvent("service-agreement-1505@innforing",
            "Frist for å signere tjenesteavtale (Kristiansund)", DESCRIPTION, LocalDate.of(2027, 2, 28), URL);

    @Test
    void theEventIsAnAllDayEventOnTheDueDay() {
        assertThat(ics).contains("DTSTART;VALUE=DATE:20270228");
        VEvent event = parse().getEvents().get(0);
        DateTimeComponents start = event.getDateStart().getValue().getRawComponents();
        assertThat(event.getDateStart().getValue().hasTime()).isFalse();
        assertThat(LocalDate.of(start.getYear(), start.getMonth(), start.getDate()))
                .isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(event.getDateTimeStamp()).isNotNull();
    }

    @Test
    void summaryDescriptionUidAndUrlSurviveWithNorwegianLetters() {
        ICalendar calendar = parse();
        assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");
        VEvent event = calendar.getEvents().get(0);
        assertThat(event.getSummary().getValue()).isEqualTo("Frist for å signere tjenesteavtale (Kristiansund)");
        assertThat(event.getDescription().getValue()).isEqualTo(DESCRIPTION);
        assertThat(event.getUid().getValue()).isEqualTo("service-agreement-1505@innforing");
        assertThat(event.getUrl().getValue()).isEqualTo(URL);
    }

    @Test
    void aDisplayReminderComesSevenDaysBefore() {
        VAlarm alarm = parse().getEvents().get(0).getAlarms().get(0);
        assertThat(alarm.getAction().getValue()).isEqualTo(Action.DISPLAY);
        assertThat(alarm.getTrigger().getDuration().isPrior()).isTrue();
        assertThat(alarm.getTrigger().getDuration().getDays()).isEqualTo(7);
        assertThat(alarm.getTrigger().getRelated()).isIn(null, Related.START);
    }

    private ICalendar parse() {
        return Biweekly.parse(ics).first();
    }
}
