package no.innforing.project;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import no.innforing.shared.DomainException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads values that people submit through Camunda Forms. Tasklist submits date fields as ISO strings
 * ("2027-02-28" or "2027-02-28T00:00:00Z"), the API and tests may pass {@link Date} or {@link LocalDate}: all
 * become a {@link LocalDate} in Europe/Oslo here, and the variable is written back as a typed date so that
 * Cockpit and later steps see a date, not a string.
 */
public final class FormValues {

    private FormValues() {
    }

    public static LocalDate requireDate(VariableScope scope, String name, String label) {
        LocalDate date = toLocalDate(scope.getVariable(name), label);
        if (date == null) {
            throw DomainException.invalid("Feltet «" + label + "» må fylles ut.");
        }
        scope.setVariable(name, Date.from(ProjectSchedule.startOfDay(date)));
        return date;
    }

    public static LocalDate optionalDate(VariableScope scope, String name, String label) {
        LocalDate date = toLocalDate(scope.getVariable(name), label);
        if (date != null) {
            scope.setVariable(name, Date.from(ProjectSchedule.startOfDay(date)));
        }
        return date;
    }

    public static String optionalText(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    public static String requireText(VariableScope scope, String name, String label) {
        String value = optionalText(scope, name);
        if (value == null) {
            throw DomainException.invalid("Feltet «" + label + "» må fylles ut.");
        }
        return value;
    }

    /** Converts a submitted value to a date; null and blank give null, anything unreadable a clear message. */
    public static LocalDate toLocalDate(Object value, String label) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), ProjectSchedule.ZONE);
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return LocalDate.ofInstant(OffsetDateTime.parse(text).toInstant(), ProjectSchedule.ZONE);
            }
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(
                    "Feltet «" + label + "» har en ugyldig dato: «" + text + "». Bruk formatet ÅÅÅÅ-MM-DD.");
        }
    }
}
