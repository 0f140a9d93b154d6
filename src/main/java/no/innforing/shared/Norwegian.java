package no.innforing.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How dates are written and which clock they are read on: Norwegian style, Europe/Oslo time. */
public final class Norwegian {

    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    /** 01.11.2026: the one date format of pages, messages and e-mails. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Norwegian() {
    }

    public static String date(LocalDate date) {
        return date.format(DATE);
    }

    /** 20.11.2026 kl. 08:00, on Oslo's clock: a moment in a message. */
    public static String dateTime(Instant moment) {
        return moment.atZone(ZONE).format(DATE_TIME);
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");

    /** A count with the right form of the noun: "1 kommune", "0 kommuner", "3 kommuner". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
