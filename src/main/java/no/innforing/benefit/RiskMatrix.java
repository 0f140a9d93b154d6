package no.innforing.benefit;

import java.util.List;

/** The 5×5 risk matrix: likelihood (rows, 5 on top) × consequence (columns), with the count of risks per cell. */
public record RiskMatrix(int[][] counts) {

    public static RiskMatrix of(List<Risk> risks) {
        int[][] counts = new int[6][6];
        for (Risk risk : risks) {
            counts[risk.getLikelihood()][risk.getConsequence()]++;
        }
        return new RiskMatrix(counts);
    }

    public int count(int likelihood, int consequence) {
        return counts[likelihood][consequence];
    }

    public static String level(int likelihood, int consequence) {
        int score = likelihood * consequence;
        return score >= 15 ? "red" : score >= 5 ? "yellow" : "green";
    }

    /** The matrix as an inline SVG picture with a text alternative. */
    public String svg(String title) {
        StringBuilder svg = new StringBuilder();
        int cell = 56;
        int left = 70;
        int top = 10;
        int width = left + 5 * cell + 10;
        int height = top + 5 * cell + 60;
        int total = 0;
        StringBuilder summary = new StringBuilder();
        for (int l = 5; l >= 1; l--) {
            for (int c = 1; c <= 5; c++) {
                if (counts[l][c] > 0) {
                    total += counts[l][c];
                    summary.append(String.format(" sannsynlighet %d, konsekvens %d: %d;", l, c, counts[l][c]));
                }
            }
        }
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"risk-matrix\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" aria-label=\"").append(Svg.escape(title + ": " + total + (total == 1 ? " åpen risiko." : " åpne risikoer.") + summary))
                .append("\">");
        for (int l = 5; l >= 1; l--) {
            int y = top + (5 - l) * cell;
            svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"13\" fill=\"#1b1f24\">%d</text>",
                    left - 8, y + cell / 2 + 5, l));
            for (int c = 1; c <= 5; c++) {
                int x = left + (c - 1) * cell;
                String fill = switch (level(l, c)) {
                    case "red" -> "#f4b4ae";
                    case "yellow" -> "#f7e1a1";
                    default -> "#b7e0c0";
                };
                svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#4a5561\"/>",
                        x, y, cell, cell, fill));
                if (counts[l][c] > 0) {
                    svg.append(String.format("<circle cx=\"%d\" cy=\"%d\" r=\"16\" fill=\"#1b1f24\"/>"
                            + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"700\" fill=\"#ffffff\">%d</text>",
                            x + cell / 2, y + cell / 2, x + cell / 2, y + cell / 2 + 5, counts[l][c]));
                }
            }
        }
        for (int c = 1; c <= 5; c++) {
            svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1f24\">%d</text>",
                    left + (c - 1) * cell + cell / 2, top + 5 * cell + 18, c));
        }
        svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1f24\">Konsekvens</text>",
                left + 5 * cell / 2, top + 5 * cell + 42));
        svg.append(String.format("<text x=\"14\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1f24\" "
                + "transform=\"rotate(-90 14 %d)\">Sannsynlighet</text>", top + 5 * cell / 2, top + 5 * cell / 2));
        svg.append("</svg>");
        return svg.toString();
    }
}
