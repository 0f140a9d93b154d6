package no.innforing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectService.Registration;
import no.innforing.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Benchmark, not a test (its name keeps it out of {@code ./mvnw verify}): the regional overview with the whole
 * country in it, 356 municipalities with a project each, spread over eight waves and every phase, on PostgreSQL.
 * Run with {@code ./mvnw test -Dtest=OverviewBenchmark}; the figures go to the console and
 * {@code target/benchmark/overview.md}.
 */
class OverviewBenchmark extends IntegrationTest {

    static final int MUNICIPALITIES = 356;
    static final int WARM_UP = 5;
    static final int MEASURED = 30;

    @Autowired
    ProjectService projects;
    @Autowired
    TestRestTemplate http;

    @Test
    void overviewWithTheWholeCountry() throws IOException {
        long seedStart = System.nanoTime();
        ProjectPhase[] phases = {ProjectPhase.STABILIZATION, ProjectPhase.GO_LIVE, ProjectPhase.MAIN_PROJECT,
                ProjectPhase.MAIN_PROJECT, ProjectPhase.SERVICE_AGREEMENT, ProjectPhase.PRE_PROJECT,
                ProjectPhase.POLITICAL_DECISION, ProjectPhase.POLITICAL_DECISION};
        String[] waveCodes = {"PD1", "PD2", "PD3", "KI1", "KI2", "KI3", "KI4", "KI5"};
        LocalDate[] goLives = {LocalDate.of(2025, 12, 2), LocalDate.of(2026, 3, 24), LocalDate.of(2026, 9, 1),
                LocalDate.of(2027, 1, 12), LocalDate.of(2027, 5, 4), LocalDate.of(2027, 9, 7),
                LocalDate.of(2028, 3, 7), LocalDate.of(2028, 9, 5)};
        for (int w = 0; w < waveCodes.length; w++) {
            var wave = waves.find(waveCodes[w]).orElseThrow();
            wave.setGoLiveDate(goLives[w]);
            waves.save(wave);
        }
        for (int i = 0; i < MUNICIPALITIES; i++) {
            String number = String.valueOf(6000 + i);
            municipality(number, "Kommune " + number, 1000 + 37 * i);
            int w = i % waveCodes.length;
            projects.register(new Registration(number, waveCodes[w], false, phases[w], null, null));
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        List<Double> page = measure("/overview");
        List<Double> csv = measure("/overview.csv");

        String report = String.format(Locale.ROOT, """
                # Overview benchmark

                %d municipalities with a project each (8 waves, every phase), PostgreSQL (embedded), one request at a
                time over HTTP after %d warm-up requests; %d measured requests each. Seeding took %.1f s.

                | request | median ms | p95 ms | max ms |
                |---|---|---|---|
                | GET /overview (RAG, all municipalities, timeline) | %.0f | %.0f | %.0f |
                | GET /overview.csv | %.0f | %.0f | %.0f |

                Machine: %d cores, %s, Java %s.
                """, MUNICIPALITIES, WARM_UP, MEASURED, seedSeconds, percentile(page, 50), percentile(page, 95),
                percentile(page, 100), percentile(csv, 50), percentile(csv, 95), percentile(csv, 100),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), System.getProperty("java.version"));
        Path out = Path.of("target", "benchmark", "overview.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private List<Double> measure(String path) {
        TestRestTemplate admin = http.withBasicAuth("admin", ADMIN_PASSWORD);
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(admin.getForEntity(path, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            ResponseEntity<byte[]> response = admin.getForEntity(path, byte[].class);
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).isNotEmpty();
        }
        Collections.sort(millis);
        return millis;
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
