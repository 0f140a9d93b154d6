package no.innforing.overview;

import static no.innforing.shared.Norwegian.DATE;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.innforing.project.ProjectSchedule;

/**
 * The Gantt-like picture of the overview, computed here so the template only draws: one row per municipality with
 * its pre-project, main project and stabilization as bars, the service-agreement deadline as a marker, the waves'
 * go-live dates and today as vertical lines, years along the top.
 *
 * <p>{@link #svg(int)} writes the picture as SVG markup: with a thousand municipalities it has several thousand
 * elements, which a template would evaluate expression by expression (most of the overview's time went there).
 */
record Timeline(int width, int height, List<Bar> bars, List<Marker> deadlines, List<Label> rowLabels,
        List<Line> waveLines, Line today, List<Line> years) {

    static final int LABEL_WIDTH = 170;
    static final int CHART_WIDTH = 900;
    static final int ROW_HEIGHT = 22;
    static final int TOP = 48;

    record Bar(double x, double y, double width, String css, String title) {
    }

    record Marker(double x, double y, String title) {
    }

    record Label(double y, String text) {
    }

    /** A vertical line with its label; {@code anchor} "end" puts the label left of the line. */
    record Line(double x, double y, String label, String anchor) {
        Line(double x, double y, String label) {
            this(x, y, label, "start");
        }
    }

    /** About how wide a label of the timeline is, in its 10-point font. */
    static double labelWidth(String label) {
        return label.length() * 6.0;
    }

    static Timeline of(List<OverviewService.Row> rows, LocalDate today) {
        LocalDate from = rows.stream().map(Timeline::firstDay).min(Comparator.naturalOrder())
                .orElse(today.minusYears(1)).withDayOfMonth(1).minusMonths(1);
        LocalDate to = rows.stream().map(r -> r.schedule().stabilizationEnd()).max(Comparator.naturalOrder())
                .orElse(today.plusYears(2)).plusMonths(1);
        if (!today.isBefore(to)) {
            to = today.plusMonths(1);
        }
        double days = ChronoUnit.DAYS.between(from, to);
        long start = from.toEpochDay();
        java.util.function.ToDoubleFunction<LocalDate> x = d ->
                LABEL_WIDTH + CHART_WIDTH * (d.toEpochDay() - start) / days;
        // the rows of a wave share their dates: each date is written once
        Map<LocalDate, String> written = new java.util.HashMap<>();
        java.util.function.Function<LocalDate, String> date = d -> written.computeIfAbsent(d, day -> day.format(DATE));

        List<Bar> bars = new ArrayList<>();
        List<Marker> deadlines = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        Map<String, LocalDate> waveDates = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            OverviewService.Row row = rows.get(i);
            ProjectSchedule s = row.schedule();
            double y = TOP + i * ROW_HEIGHT;
            String closed = row.state().isOpen() ? "" : " closed";
            String who = row.municipalityName() + " (" + row.waveCode() + ")";
            LocalDate early = row.earlyStartBegan();
            if (early != null && early.isBefore(s.preProjectStart())) {
                bars.add(new Bar(x.applyAsDouble(early), y + 4,
                        x.applyAsDouble(s.preProjectStart()) - x.applyAsDouble(early),
                        "bar-early" + closed, who + ": tjuvstart " + period(early, s.preProjectStart(), date)));
            }
            bars.add(new Bar(x.applyAsDouble(s.preProjectStart()), y + 4,
                    x.applyAsDouble(s.mainProjectStart()) - x.applyAsDouble(s.preProjectStart()), "bar-pre" + closed,
                    who + ": forprosjekt " + period(s.preProjectStart(), s.mainProjectStart(), date)));
            bars.add(new Bar(x.applyAsDouble(s.mainProjectStart()), y + 4,
                    x.applyAsDouble(s.goLive()) - x.applyAsDouble(s.mainProjectStart()), "bar-main" + closed,
                    who + ": hovedprosjekt " + period(s.mainProjectStart(), s.goLive(), date)));
            bars.add(new Bar(x.applyAsDouble(s.goLive()), y + 4,
                    x.applyAsDouble(s.stabilizationEnd()) - x.applyAsDouble(s.goLive()), "bar-stab" + closed,
                    who + ": stabilisering " + period(s.goLive(), s.stabilizationEnd(), date)));
            if (!row.serviceAgreementSigned() && row.state().isOpen()) {
                deadlines.add(new Marker(x.applyAsDouble(s.serviceAgreementDue()), y + ROW_HEIGHT / 2.0,
                        who + ": frist for tjenesteavtale " + date.apply(s.serviceAgreementDue())));
            }
            boolean moved = row.originalWaveCode() != null && !row.originalWaveCode().equals(row.waveCode());
            labels.add(new Label(y + ROW_HEIGHT * 0.7, row.municipalityName() + " · " + row.waveCode()
                    + (moved ? " (fra " + row.originalWaveCode() + ")" : "")));
            waveDates.putIfAbsent(row.waveCode(), s.goLive());
        }
        List<Line> waveLines = new ArrayList<>();
        double todayX = x.applyAsDouble(today);
        for (Map.Entry<String, LocalDate> wave : waveDates.entrySet()) {
            // alternate the label height so that waves close in time do not overwrite each other, and put a label
            // that would run across the today line on the other side of its wave line
            double waveX = x.applyAsDouble(wave.getValue());
            String label = wave.getKey() + " " + wave.getValue().format(DATE);
            boolean crossesToday = waveX < todayX && waveX + 2 + labelWidth(label) > todayX;
            waveLines.add(new Line(waveX, waveLines.size() % 2 == 0 ? 30 : 40, label, crossesToday ? "end" : "start"));
        }
        List<Line> years = new ArrayList<>();
        for (LocalDate year = from.withDayOfYear(1).plusYears(1); year.isBefore(to); year = year.plusYears(1)) {
            years.add(new Line(x.applyAsDouble(year), 14, String.valueOf(year.getYear())));
        }
        return new Timeline(LABEL_WIDTH + CHART_WIDTH + 10, TOP + rows.size() * ROW_HEIGHT + 10, bars, deadlines,
                labels, waveLines, new Line(x.applyAsDouble(today), 0, "I dag"), years);
    }

    /**
     * The timeline as an {@code <svg>} element: a title for screen readers ({@code role="img"}), then years, the
     * waves' go-live dates, the rows' labels, the bars (each with its period as a tooltip), the service-agreement
     * deadlines and today.
     */
    public String svg(int count) {
        StringBuilder svg = new StringBuilder(4096 + 200 * (bars.size() + deadlines.size() + rowLabels.size()));
        svg.append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"timeline-title\" xmlns=\"http://www.w3.org/2000/svg\">\n")
                .append("<title id=\"timeline-title\">Tidslinje for ")
                .append(count == 1 ? "1 kommune" : count + " kommuner")
                .append(": faser, frister og bølgenes produksjonssetting</title>\n");
        for (Line year : years) {
            svg.append("<g><line x1=\"").append(n(year.x())).append("\" x2=\"").append(n(year.x()))
                    .append("\" y1=\"20\" y2=\"").append(height).append("\" stroke=\"#d0d7de\"/>")
                    .append("<text x=\"").append(n(year.x() + 3)).append("\" y=\"14\" font-size=\"11\" fill=\"#4a5561\">")
                    .append(escape(year.label())).append("</text></g>\n");
        }
        for (Line wave : waveLines) {
            svg.append("<g><line x1=\"").append(n(wave.x())).append("\" x2=\"").append(n(wave.x()))
                    .append("\" y1=\"20\" y2=\"").append(height)
                    .append("\" stroke=\"#6e40c9\" stroke-dasharray=\"4 3\"/>")
                    .append("<text x=\"").append(n("end".equals(wave.anchor()) ? wave.x() - 2 : wave.x() + 2))
                    .append("\" y=\"").append(n(wave.y())).append("\" text-anchor=\"").append(escape(wave.anchor()))
                    .append("\" font-size=\"10\" fill=\"#6e40c9\">").append(escape(wave.label())).append("</text></g>\n");
        }
        for (Label label : rowLabels) {
            svg.append("<text x=\"4\" y=\"").append(n(label.y())).append("\" font-size=\"12\" fill=\"#1b1f24\">")
                    .append(escape(label.text())).append("</text>\n");
        }
        for (Bar bar : bars) {
            svg.append("<rect x=\"").append(n(bar.x())).append("\" y=\"").append(n(bar.y())).append("\" width=\"")
                    .append(width(bar.x(), bar.width())).append("\" class=\"").append(escape(bar.css()))
                    .append("\" height=\"14\" rx=\"2\"><title>").append(escape(bar.title())).append("</title></rect>\n");
        }
        for (Marker deadline : deadlines) {
            svg.append("<g><rect x=\"").append(n(deadline.x() - 5)).append("\" y=\"").append(n(deadline.y() - 5))
                    .append("\" transform=\"rotate(45 ").append(n(deadline.x())).append(' ').append(n(deadline.y()))
                    .append(")\" width=\"10\" height=\"10\" class=\"deadline\"><title>").append(escape(deadline.title()))
                    .append("</title></rect></g>\n");
        }
        svg.append("<line class=\"today\" x1=\"").append(n(today.x())).append("\" x2=\"").append(n(today.x()))
                .append("\" y1=\"20\" y2=\"").append(height).append("\" stroke=\"#b42318\" stroke-width=\"2\"/>\n")
                .append("<text x=\"").append(n(today.x() + 3)).append("\" y=\"").append(height - 4)
                .append("\" font-size=\"11\" fill=\"#b42318\">I dag</text>\n</svg>");
        return svg.toString();
    }

    /**
     * A coordinate as the SVG writes it: to a hundredth of a unit (a thousandth of a pixel or less on screen), without
     * trailing zeros. {@code Double.toString} wrote up to 17 digits, which made a third of the overview's bytes and
     * was slow on Java 17.
     */
    static String n(double value) {
        return hundredths(Math.round(value * 100));
    }

    /** A bar's width written so that the bar ends where the next one, written with {@link #n}, begins. */
    static String width(double x, double width) {
        return hundredths(Math.round((x + width) * 100) - Math.round(x * 100));
    }

    private static String hundredths(long value) {
        StringBuilder text = new StringBuilder(12);
        if (value < 0) {
            text.append('-');
            value = -value;
        }
        text.append(value / 100);
        long fraction = value % 100;
        if (fraction != 0) {
            text.append('.').append(fraction < 10 ? "0" + fraction : fraction % 10 == 0 ? fraction / 10 : fraction);
        }
        return text.toString();
    }

    /** Text and attribute values as the template would write them: {@code & < > " '} escaped. */
    private static String escape(String text) {
        return Html.escape(text);
    }

    /** Where a row's bars begin: its early start when it began before the pre-project. */
    private static LocalDate firstDay(OverviewService.Row row) {
        LocalDate pre = row.schedule().preProjectStart();
        return row.earlyStartBegan() != null && row.earlyStartBegan().isBefore(pre) ? row.earlyStartBegan() : pre;
    }

    private static String period(LocalDate from, LocalDate to, java.util.function.Function<LocalDate, String> date) {
        return date.apply(from) + "–" + date.apply(to);
    }
}
