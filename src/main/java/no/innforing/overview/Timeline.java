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
        LocalDate start = from;
        java.util.function.Function<LocalDate, Double> x = d ->
                LABEL_WIDTH + CHART_WIDTH * ChronoUnit.DAYS.between(start, d) / days;

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
                bars.add(new Bar(x.apply(early), y + 4, x.apply(s.preProjectStart()) - x.apply(early),
                        "bar-early" + closed, who + ": tjuvstart " + period(early, s.preProjectStart())));
            }
            bars.add(new Bar(x.apply(s.preProjectStart()), y + 4, x.apply(s.mainProjectStart()) - x.apply(s.preProjectStart()),
                    "bar-pre" + closed, who + ": forprosjekt " + period(s.preProjectStart(), s.mainProjectStart())));
            bars.add(new Bar(x.apply(s.mainProjectStart()), y + 4, x.apply(s.goLive()) - x.apply(s.mainProjectStart()),
                    "bar-main" + closed, who + ": hovedprosjekt " + period(s.mainProjectStart(), s.goLive())));
            bars.add(new Bar(x.apply(s.goLive()), y + 4, x.apply(s.stabilizationEnd()) - x.apply(s.goLive()),
                    "bar-stab" + closed, who + ": stabilisering " + period(s.goLive(), s.stabilizationEnd())));
            if (!row.serviceAgreementSigned() && row.state().isOpen()) {
                deadlines.add(new Marker(x.apply(s.serviceAgreementDue()), y + ROW_HEIGHT / 2.0,
                        who + ": frist for tjenesteavtale " + s.serviceAgreementDue().format(DATE)));
            }
            boolean moved = row.originalWaveCode() != null && !row.originalWaveCode().equals(row.waveCode());
            labels.add(new Label(y + ROW_HEIGHT * 0.7, row.municipalityName() + " · " + row.waveCode()
                    + (moved ? " (fra " + row.originalWaveCode() + ")" : "")));
            waveDates.putIfAbsent(row.waveCode(), s.goLive());
        }
        List<Line> waveLines = new ArrayList<>();
        double todayX = x.apply(today);
        for (Map.Entry<String, LocalDate> wave : waveDates.entrySet()) {
            // alternate the label height so that waves close in time do not overwrite each other, and put a label
            // that would run across the today line on the other side of its wave line
            double waveX = x.apply(wave.getValue());
            String label = wave.getKey() + " " + wave.getValue().format(DATE);
            boolean crossesToday = waveX < todayX && waveX + 2 + labelWidth(label) > todayX;
            waveLines.add(new Line(waveX, waveLines.size() % 2 == 0 ? 30 : 40, label, crossesToday ? "end" : "start"));
        }
        List<Line> years = new ArrayList<>();
        for (LocalDate year = from.withDayOfYear(1).plusYears(1); year.isBefore(to); year = year.plusYears(1)) {
            years.add(new Line(x.apply(year), 14, String.valueOf(year.getYear())));
        }
        return new Timeline(LABEL_WIDTH + CHART_WIDTH + 10, TOP + rows.size() * ROW_HEIGHT + 10, bars, deadlines,
                labels, waveLines, new Line(x.apply(today), 0, "I dag"), years);
    }

    /** Where a row's bars begin: its early start when it began before the pre-project. */
    private static LocalDate firstDay(OverviewService.Row row) {
        LocalDate pre = row.schedule().preProjectStart();
        return row.earlyStartBegan() != null && row.earlyStartBegan().isBefore(pre) ? row.earlyStartBegan() : pre;
    }

    private static String period(LocalDate from, LocalDate to) {
        return from.format(DATE) + "–" + to.format(DATE);
    }
}
