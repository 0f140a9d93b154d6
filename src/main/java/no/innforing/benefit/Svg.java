package no.innforing.benefit;

/** Small helpers for the inline SVG pictures. */
final class Svg {

    private Svg() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
