package no.innforing.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import no.innforing.shared.Norwegian;

/**
 * A goal's progress as an inline SVG line chart: the planned path from the baseline at go-live to the target on
 * the target date (dashed), the measured values (solid line with points), and a text alternative for screen
 * readers. The page shows the same figures in a table next to it.
 */
final class GoalChart {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy");
    private static final int WIDTH = 560;
    private static final int HEIGHT = 220;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private GoalChart() {
    }

    static String svg(BenefitGoal goal, List<Measurement> measurements, LocalDate goLive) {
        LocalDate start = goLive;
        LocalDate end = goal.getTargetDate();
        for (Measurement m : measurements) {
            if (m.getMeasuredOn().isAfter(end)) {
                end = m.getMeasuredOn();
            }
        }
        if (!end.isAfter(start)) {
            end = start.plusMonths(1);
        }
        List<BigDecimal> values = new ArrayList<>(List.of(goal.getBaseline(), goal.getTarget()));
        measurements.forEach(m -> values.add(m.getValue()));
        double min = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        double pad = (max - min) * 0.1;
        if (pad == 0) {
            pad = Math.max(1, Math.abs(max) * 0.1);
        }
        min = min >= 0 ? Math.max(0, min - pad) : min - pad;
        max = max + pad;
        long days = ChronoUnit.DAYS.between(start, end);
        final double lo = min;
        final double hi = max;
        final LocalDate from = start;
        java.util.function.Function<LocalDate, Double> x = day ->
                LEFT + (WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(from, day) / days;
        java.util.function.Function<BigDecimal, Double> y = value ->
                TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value.doubleValue() - lo) / (hi - lo));

        String latest = measurements.isEmpty() ? "ingen målinger ennå"
                : "siste måling " + BenefitService.number(measurements.get(measurements.size() - 1).getValue()) + " "
                        + goal.getUnit() + " " + measurements.get(measurements.size() - 1).getMeasuredOn()
                        .format(Norwegian.DATE);
        String label = goal.getIndicator() + ": fra " + BenefitService.number(goal.getBaseline()) + " til "
                + BenefitService.number(goal.getTarget()) + " " + goal.getUnit() + " innen "
                + goal.getTargetDate().format(Norwegian.DATE) + "; " + latest + ".";

        StringBuilder svg = new StringBuilder();
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"goal-chart\" role=\"img\" "
                + "viewBox=\"0 0 %d %d\" aria-label=\"%s\">", WIDTH, HEIGHT, Svg.escape(label)));
        // axes and grid: three value lines
        for (int i = 0; i <= 2; i++) {
            double value = lo + (hi - lo) * i / 2;
            double gy = y.apply(BigDecimal.valueOf(value));
            svg.append(String.format(java.util.Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c9d1d9\"/>", LEFT, WIDTH - RIGHT, gy, gy));
            svg.append(String.format(java.util.Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\" fill=\"#4a5561\">%s</text>",
                    LEFT - 6, gy + 4, Svg.escape(BenefitService.number(BigDecimal.valueOf(value)
                            .setScale(value >= 100 || value <= -100 ? 0 : 1, java.math.RoundingMode.HALF_UP)))));
        }
        svg.append(String.format("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#4a5561\"/>", LEFT,
                WIDTH - RIGHT, HEIGHT - BOTTOM, HEIGHT - BOTTOM));
        svg.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#4a5561\">%s</text>", LEFT,
                HEIGHT - BOTTOM + 18, "Produksjonssatt " + start.format(MONTH)));
        svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\" fill=\"#4a5561\">%s</text>",
                WIDTH - RIGHT, HEIGHT - BOTTOM + 18, "Måldato " + goal.getTargetDate().format(MONTH)));
        // planned path
        svg.append(String.format(java.util.Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                + "stroke=\"#4a5561\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>", x.apply(start),
                y.apply(goal.getBaseline()), x.apply(goal.getTargetDate()), y.apply(goal.getTarget())));
        svg.append(String.format(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#ffffff\" "
                + "stroke=\"#1a7f37\" stroke-width=\"3\"/>", x.apply(goal.getTargetDate()), y.apply(goal.getTarget())));
        // measured
        if (!measurements.isEmpty()) {
            StringBuilder points = new StringBuilder(String.format(java.util.Locale.ROOT, "%.1f,%.1f",
                    x.apply(start), y.apply(goal.getBaseline())));
            for (Measurement m : measurements) {
                points.append(String.format(java.util.Locale.ROOT, " %.1f,%.1f", x.apply(m.getMeasuredOn()),
                        y.apply(m.getValue())));
            }
            svg.append("<polyline fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"3\" points=\"").append(points)
                    .append("\"/>");
            for (Measurement m : measurements) {
                svg.append(String.format(java.util.Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#0b4f8a\"><title>%s: %s %s</title></circle>",
                        x.apply(m.getMeasuredOn()), y.apply(m.getValue()),
                        m.getMeasuredOn().format(Norwegian.DATE),
                        Svg.escape(BenefitService.number(m.getValue())), Svg.escape(goal.getUnit())));
            }
        }
        svg.append(String.format(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#4a5561\"/>",
                x.apply(start), y.apply(goal.getBaseline())));
        svg.append("</svg>");
        return svg.toString();
    }
}
