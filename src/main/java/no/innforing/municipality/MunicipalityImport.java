package no.innforing.municipality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.Norwegian;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region's municipalities as reference data: the shipped list ({@value #SHIPPED_LIST}) is present from the first
 * start in every setting, and RAG or an administrator imports official population figures and new municipalities
 * from a CSV file. An import is all or nothing: every line is checked first, and one problem anywhere refuses the
 * whole file with a report of every problem by line number. Known counties are those of the shipped list.
 */
@Service
public class MunicipalityImport {

    static final String SHIPPED_LIST = "reference/municipalities-midt-norge.csv";
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 2000;

    private final MunicipalityRepository municipalities;
    private final MunicipalityAccess access;
    private final List<MunicipalityCsv.Row> shipped;
    private final Set<String> knownCounties;

    MunicipalityImport(MunicipalityRepository municipalities, MunicipalityAccess access) {
        this.municipalities = municipalities;
        this.access = access;
        MunicipalityCsv.Result result = MunicipalityCsv.parse(read(SHIPPED_LIST));
        if (!result.ok()) {
            throw new IllegalStateException("The shipped municipality list is broken: " + result.problems());
        }
        this.shipped = result.rows();
        this.knownCounties = shipped.stream().map(MunicipalityCsv.Row::county)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What an import changed: the municipalities added and those whose name, county or population changed. */
    public record Report(int read, List<String> added, List<String> updated, int unchanged, String message) {
    }

    /** The counties a municipality may belong to: those of the shipped list. */
    public Set<String> knownCounties() {
        return knownCounties;
    }

    /**
     * Adds the shipped municipalities that are missing (an import's figures are kept) and makes sure every
     * municipality has its tenant and project-leader group, so an administrator can put project leaders in it
     * before the project is registered. Idempotent; runs at every start ({@link MunicipalityReferenceData}).
     */
    @Transactional
    public int ensureReferenceData() {
        Set<String> present = municipalities.findAll().stream().map(Municipality::getNumber)
                .collect(Collectors.toSet());
        List<Municipality> missing = shipped.stream().filter(row -> !present.contains(row.number()))
                .map(row -> new Municipality(row.number(), row.name(), row.county(), row.population())).toList();
        municipalities.saveAll(missing);
        List<Municipality> all = municipalities.findAllByOrderByNumber();
        access.provisionAll(batch -> all.forEach(m -> batch.provision(m.getNumber(), m.getName())));
        return missing.size();
    }

    /**
     * Imports a CSV file (see {@link MunicipalityCsv}): new municipalities are added, existing ones get the file's
     * name, county and population (their contacts stay), municipalities not in the file are left as they are.
     * Refused as a whole ({@link MunicipalityImportRefused}) when any line has a problem.
     */
    @Transactional
    public Report importCsv(byte[] content) {
        access.requireRegional("importere kommuner");
        if (content == null || content.length == 0) {
            throw new MunicipalityImportRefused(List.of(new MunicipalityCsv.Problem(0,
                    "Filen er tom. Første linje skal være overskriften " + MunicipalityCsv.COLUMNS + ".")));
        }
        if (content.length > MAX_BYTES) {
            throw new MunicipalityImportRefused(List.of(new MunicipalityCsv.Problem(0,
                    "Filen er større enn 1 MB; en kommuneliste er langt mindre.")));
        }
        MunicipalityCsv.Result result = MunicipalityCsv.parse(content);
        List<MunicipalityCsv.Problem> problems = new ArrayList<>(result.problems());
        for (MunicipalityCsv.Row row : result.rows()) {
            if (!knownCounties.contains(row.county())) {
                problems.add(new MunicipalityCsv.Problem(row.line(), "ukjent fylke «" + row.county()
                        + "». Kjente fylker: " + String.join(", ", knownCounties) + "."));
            }
        }
        if (result.rows().size() > MAX_ROWS) {
            problems.add(new MunicipalityCsv.Problem(0, "Filen har flere enn " + MAX_ROWS + " kommuner."));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(MunicipalityCsv.Problem::line));
            throw new MunicipalityImportRefused(problems);
        }

        Map<String, Municipality> existing = municipalities.findAll().stream()
                .collect(Collectors.toMap(Municipality::getNumber, Function.identity()));
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<Municipality> changed = new ArrayList<>();
        for (MunicipalityCsv.Row row : result.rows()) {
            Municipality municipality = existing.get(row.number());
            if (municipality == null) {
                municipality = new Municipality(row.number(), row.name(), row.county(), row.population());
                added.add(row.number() + " " + row.name());
                changed.add(municipality);
            } else if (municipality.update(row.name(), row.county(), row.population())) {
                updated.add(row.number() + " " + row.name());
                changed.add(municipality);
            }
        }
        municipalities.saveAll(changed);
        changed.forEach(m -> access.provision(m.getNumber(), m.getName()));
        int read = result.rows().size();
        int unchanged = read - added.size() - updated.size();
        String message = "Importert: " + count(read, "kommune", "kommuner") + " lest, " + added.size()
                + (added.size() == 1 ? " ny" : " nye") + ", " + updated.size() + " endret, " + unchanged + " uendret.";
        return new Report(read, added, updated, unchanged, message);
    }

    static String count(int n, String singular, String plural) {
        return Norwegian.count(n, singular, plural);
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }
}
