package no.innforing.municipality;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads municipalities from a CSV file with the header {@code number,name,county,population_approx} (the format of
 * {@code shared/data/municipalities-midt-norge.csv}). A bad row is reported with its line number.
 */
public final class MunicipalityCsv {

    private MunicipalityCsv() {
    }

    public static List<Municipality> read(InputStream in) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<Municipality> result = new ArrayList<>();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                String number = row.get("number");
                if (!number.matches("\\d{4}")) {
                    throw new IllegalArgumentException("Linje " + (row.getRecordNumber() + 1)
                            + ": kommunenummer «" + number + "» har ikke fire sifre.");
                }
                int population;
                try {
                    population = Integer.parseInt(row.get("population_approx"));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Linje " + (row.getRecordNumber() + 1)
                            + ": innbyggertallet «" + row.get("population_approx") + "» er ikke et heltall.");
                }
                result.add(new Municipality(number, row.get("name"), row.get("county"), population));
            }
        }
        return result;
    }
}
