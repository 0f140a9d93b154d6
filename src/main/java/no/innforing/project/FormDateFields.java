package no.innforing.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.innforing.shared.DomainException;
import no.innforing.shared.Norwegian;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The date fields of the Camunda Forms (forms/*.form on the classpath) and the rule a submitted date must meet: a
 * real calendar date between 01.01.2000 and 31.12.2099 (the same rule and range as Tasklist's date fields,
 * innforing/dates.js). Tasklist submits form fields untyped, so a date arrives as an ISO string; a string that is
 * not a real date, or a date outside the range, is refused with a Norwegian message naming the field.
 */
@Component
public class FormDateFields {

    public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2099, 12, 31);

    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
    private static final String HOW = "Skriv datoen som dd.mm.åååå, for eksempel 01.11.2026.";

    /** A date field of a form: the variable it writes and the label the user reads. */
    public record DateField(String key, String label) {
    }

    private final Map<String, List<DateField>> byForm;
    private final Map<String, String> labels = new LinkedHashMap<>();

    public FormDateFields() {
        this(readForms());
    }

    FormDateFields(Map<String, List<DateField>> byForm) {
        this.byForm = Map.copyOf(byForm);
        byForm.values().forEach(fields -> fields.forEach(field -> labels.putIfAbsent(field.key(), field.label())));
    }

    /** The date fields of the form with this id (empty for an unknown form). */
    public List<DateField> ofForm(String formId) {
        return byForm.getOrDefault(formId, List.of());
    }

    /** The label of the date field that writes this variable in any form, or null when no form has one. */
    public String labelOf(String variable) {
        return labels.get(variable);
    }

    /**
     * Refuses a submitted date that is not a real date or lies outside the plausible range. Null and blank pass
     * (whether a field is required is the form's and the process's business).
     */
    public static void check(String label, Object value) {
        if (value == null) {
            return;
        }
        LocalDate date;
        if (value instanceof LocalDate local) {
            date = local;
        } else if (value instanceof Date legacy) {
            date = LocalDate.ofInstant(legacy.toInstant(), Norwegian.ZONE);
        } else {
            String text = value.toString().trim();
            if (text.isEmpty()) {
                return;
            }
            date = parse(label, text);
        }
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw DomainException.invalid("Feltet «" + label + "»: datoen " + Norwegian.date(date)
                    + " er utenfor det som er mulig her. Datoen må være mellom " + Norwegian.date(FIRST) + " og "
                    + Norwegian.date(LAST) + ".");
        }
    }

    private static LocalDate parse(String label, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return LocalDate.ofInstant(OffsetDateTime.parse(text).toInstant(), Norwegian.ZONE);
            }
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            Matcher iso = ISO_DATE.matcher(text);
            if (iso.matches()) {
                throw DomainException.invalid("Feltet «" + label + "»: datoen " + iso.group(3) + "." + iso.group(2)
                        + "." + iso.group(1) + " finnes ikke. " + HOW);
            }
            throw DomainException.invalid("Feltet «" + label + "» har en dato som ikke kan leses: «" + text + "». "
                    + HOW);
        }
    }

    private static Map<String, List<DateField>> readForms() {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<DateField>> forms = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    List<DateField> fields = new ArrayList<>();
                    collect(form.path("components"), fields);
                    forms.put(form.path("id").asText(), List.copyOf(fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Camunda Forms under forms/", e);
        }
        return forms;
    }

    private static void collect(JsonNode components, List<DateField> fields) {
        for (JsonNode component : components) {
            if ("datetime".equals(component.path("type").asText()) && component.hasNonNull("key")) {
                String label = component.path("dateLabel").asText(component.path("label").asText(""));
                fields.add(new DateField(component.get("key").asText(),
                        label.isBlank() ? component.get("key").asText() : label));
            }
            collect(component.path("components"), fields);
        }
    }
}
