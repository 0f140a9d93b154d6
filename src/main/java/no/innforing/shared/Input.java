package no.innforing.shared;

import static no.innforing.shared.Norwegian.date;

import java.time.LocalDate;

/**
 * The rules every value obeys where it enters, whichever door it comes through (API, page form, Tasklist):
 * no control characters (PostgreSQL refuses NUL, and none belongs in a name or a reason), bounded lengths, and
 * dates in a plausible window. Each refusal names the field in Norwegian.
 */
public final class Input {

    /** Any text field of the API: the longest column the app has. */
    public static final int MAX_TEXT = 4000;

    /** A reason (withdrawal, move, extension): room for the prefix the history adds. */
    public static final int MAX_REASON = 1000;

    /** How far ahead a go-live date may be planned. */
    public static final int MAX_YEARS_AHEAD = 15;

    /** How far back an agreement may have been signed. */
    public static final int MAX_YEARS_BACK = 10;

    private Input() {
    }

    /** True for characters that have no place in user text: C0 controls but tab and line breaks, DEL, C1. */
    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    public static boolean hasControlCharacter(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A value fit to quote back in a message: control characters shown as �, at most 60 characters. */
    public static String printable(String value) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < value.length() && quoted.length() < 60; i++) {
            char c = value.charAt(i);
            quoted.append(isControl(c) || c == '\t' || c == '\n' || c == '\r' ? '\ufffd' : c);
        }
        return value.length() > 60 ? quoted + "…" : quoted.toString();
    }

    /** The text trimmed (null when blank), or a refusal when it has a control character or is too long. */
    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (hasControlCharacter(value)) {
            throw DomainException.invalid("«" + field + "» inneholder et ugyldig tegn (et kontrolltegn som NUL).");
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw DomainException.invalid("«" + field + "» kan ha høyst " + maxLength + " tegn; den har "
                    + trimmed.length() + ".");
        }
        return trimmed;
    }

    public static String reason(String value) {
        return text(value, "reason", MAX_REASON);
    }

    /** A planned date (a go-live): from today and at most {@value #MAX_YEARS_AHEAD} years ahead. */
    public static LocalDate plannedDate(LocalDate value, String field, LocalDate today) {
        if (value != null && (value.isBefore(today) || value.isAfter(today.plusYears(MAX_YEARS_AHEAD)))) {
            throw DomainException.invalid("«" + field + "» må være fra i dag (" + date(today) + ") og høyst "
                    + MAX_YEARS_AHEAD + " år fram i tid; " + value + " er utenfor.");
        }
        return value;
    }

    /** A date something happened (a signature): not in the future, at most {@value #MAX_YEARS_BACK} years back. */
    public static LocalDate pastDate(LocalDate value, String field, LocalDate today) {
        if (value != null && (value.isAfter(today) || value.isBefore(today.minusYears(MAX_YEARS_BACK)))) {
            throw DomainException.invalid("«" + field + "» må være en dato som har vært, høyst " + MAX_YEARS_BACK
                    + " år tilbake; " + value + " er utenfor.");
        }
        return value;
    }
}
