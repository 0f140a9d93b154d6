package no.innforing.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Where a benchmark's figures go: {@code target/benchmark/<name>.md} and its own section of {@code BENCHMARKS.md}
 * (between {@code <!-- benchmark:<name> -->} markers, replaced on every run, with the machine and the date), so the
 * document always shows the last measured figures and says where they were taken.
 */
final class BenchmarkReport {

    private static final Path DOCUMENT = Path.of("BENCHMARKS.md");

    private BenchmarkReport() {
    }

    /** Percentile {@code p} (0–100) of the values, nearest-rank. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /** Milliseconds since {@code startNanos}. */
    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memoryGiB = Runtime.getRuntime().maxMemory() / (1024L * 1024 * 1024);
        return String.format(Locale.ROOT, "%s, %d cores, load average %.1f at the end, %s %s, Java %s (heap max %d GiB)",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                memoryGiB);
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    /**
     * Writes the section: its heading, the body (markdown) and a line naming the machine and date.
     * Returns the section as written. With {@code -Dbenchmark.document=false} (partial runs) only
     * {@code target/benchmark/} is written, never {@code BENCHMARKS.md}.
     */
    static synchronized String write(String name, String heading, String body) {
        String section = "## " + heading + "\n\n" + body.strip() + "\n\nMeasured " + machine() + ".\n";
        try {
            Path out = Path.of("target", "benchmark", name + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, section);
            if (!Boolean.parseBoolean(System.getProperty("benchmark.document", "true"))) {
                System.out.println(section);
                return section;
            }
            String begin = "<!-- benchmark:" + name + " -->";
            String end = "<!-- /benchmark:" + name + " -->";
            String document = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT) : "# Benchmarks\n";
            String block = begin + "\n" + section + end;
            int from = document.indexOf(begin);
            int to = document.indexOf(end);
            if (from >= 0 && to > from) {
                document = document.substring(0, from) + block + document.substring(to + end.length());
            } else {
                document = document.stripTrailing() + "\n\n" + block + "\n";
            }
            Files.writeString(DOCUMENT, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(section);
        return section;
    }
}
