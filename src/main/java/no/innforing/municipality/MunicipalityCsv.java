package no.innforing.municipality;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a municipality list: a header line naming the columns {@code number;name;county;population} (in any order;
 * {@code population_approx}, as in the shipped list, and the Norwegian names kommunenummer, navn, fylke, innbyggere
 * are understood too), then one municipality a line. UTF-8 with or without a byte order mark; the separator is
 * {@code ;} (Excel in Norway) or {@code ,}, whichever the header uses. Every problem is collected with its line
 * number (the header is line 1), so that one answer lists them all.
 */
final class MunicipalityCsv {

    static final String COLUMNS = "number;name;county;population";
    static final int MAX_NAME_LENGTH = 100;

    /** One municipality as the file gives it. */
    record Row(int line, String number, String name, String county, int population) {
    }

    /** What is wrong, on which line (0: the file as a whole). */
    record Problem(int line, String message) {

        String text() {
            return line == 0 ? message : "Linje " + line + ": " + message;
        }
    }

    /** The rows read without a problem, and the problems found on the others (a file with problems is refused). */
    record Result(List<Row> rows, List<Problem> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final Map<String, String> HEADER_NAMES = Map.ofEntries(
            Map.entry("number", "number"), Map.entry("kommunenummer", "number"), Map.entry("nummer", "number"),
            Map.entry("name", "name"), Map.entry("navn", "name"), Map.entry("kommune", "name"),
            Map.entry("kommunenavn", "name"),
            Map.entry("county", "county"), Map.entry("fylke", "county"),
            Map.entry("population", "population"), Map.entry("population_approx", "population"),
            Map.entry("innbyggere", "population"), Map.entry("innbyggertall", "population"),
            Map.entry("folketall", "population"));

    private MunicipalityCsv() {
    }

    static Result parse(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return failed("Filen er ikke UTF-8. Lagre den som «CSV UTF-8» og prøv igjen.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return failed("Filen er tom. Første linje skal være overskriften " + COLUMNS + ".");
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true)
                .setIgnoreEmptyLines(false).get();
        List<CSVRecord> records;
        try (CSVParser parser = format.parse(new StringReader(text))) {
            records = parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            return failed("Filen kunne ikke leses som CSV: " + e.getMessage());
        }

        Map<String, Integer> columns = new HashMap<>();
        CSVRecord header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            String column = HEADER_NAMES.get(header.get(i).trim().toLowerCase(Locale.ROOT));
            if (column != null) {
                columns.putIfAbsent(column, i);
            }
        }
        List<String> missing = List.of("number", "name", "county", "population").stream()
                .filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return new Result(List.of(), List.of(new Problem(1, "overskriften mangler "
                    + (missing.size() == 1 ? "kolonnen " : "kolonnene ") + String.join(", ", missing)
                    + ". Første linje skal være " + COLUMNS + " (skilt med ; eller ,).")));
        }

        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstLineOfNumber = new HashMap<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = (int) record.getRecordNumber();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;   // an empty line
            }
            if (record.size() != header.size()) {
                problems.add(new Problem(line, "har " + record.size() + (record.size() == 1 ? " kolonne" : " kolonner")
                        + ", men overskriften har " + header.size() + "."));
                continue;
            }
            String number = record.get(columns.get("number"));
            String name = record.get(columns.get("name"));
            String county = record.get(columns.get("county"));
            String population = record.get(columns.get("population"));
            int before = problems.size();
            if (!number.matches("\\d{4}")) {
                problems.add(new Problem(line, "kommunenummeret «" + number + "» har ikke fire sifre."));
            } else if (firstLineOfNumber.containsKey(number)) {
                problems.add(new Problem(line, "kommunenummer " + number + " står også på linje "
                        + firstLineOfNumber.get(number) + "."));
            } else {
                firstLineOfNumber.put(number, line);
            }
            if (name.isBlank()) {
                problems.add(new Problem(line, "navnet mangler."));
            } else if (name.length() > MAX_NAME_LENGTH) {
                problems.add(new Problem(line, "navnet er lengre enn " + MAX_NAME_LENGTH + " tegn."));
            }
            if (county.isBlank()) {
                problems.add(new Problem(line, "fylket mangler."));
            }
            Integer inhabitants = wholeNumber(population);
            if (inhabitants == null) {
                problems.add(new Problem(line, "innbyggertallet «" + population
                        + "» er ikke et helt tall som er 0 eller større."));
            }
            if (problems.size() == before) {
                rows.add(new Row(line, number, name, county, inhabitants));
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "Filen har ingen kommuner, bare overskriften."));
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        return new Result(rows, problems);
    }

    /** A whole number ≥ 0; spaces as thousands separators (24 300) are allowed. Null otherwise. */
    private static Integer wholeNumber(String value) {
        String digits = value.replaceAll("[\\s\\u00A0\\u202F]", "");
        if (!digits.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(digits);
    }

    private static Result failed(String message) {
        return new Result(List.of(), List.of(new Problem(0, message)));
    }
}
