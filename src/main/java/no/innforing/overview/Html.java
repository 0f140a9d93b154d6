package no.innforing.overview;

/**
 * Escaping for the HTML the overview writes in Java ({@link RowCells}, {@link MoveOptions}, {@link Timeline}): the
 * same as the template's {@code th:text} and Spring's {@code HtmlUtils.htmlEscape(text, "UTF-8")}, that is
 * {@code & < > " '} and nothing else, but without building a new string for text that needs no escaping (nearly
 * all of it; a page of 356 municipalities escapes some ten thousand values).
 */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        int i = 0;
        while (i < text.length() && replacement(text.charAt(i)) == null) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement == null) {
                escaped.append(c);
            } else {
                escaped.append(replacement);
            }
        }
        return escaped.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
    }
}
