package no.innforing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/** The overview's own escaping writes what the template (and Spring's HtmlUtils) would write. */
class HtmlTests {

    @Test
    void escapesWhatTheTemplateEscapesAndLeavesTheRestAlone() {
        for (String text : new String[] {"", "Kristiansund", "Bølgekommune 8001 · KI6 (fra KI3)", "Møre og Romsdal",
                "<script>alert('x')</script>", "A & B \"sitat\" > C", "Frist 02.03.2026–05.02.2027", "'", "&amp;"}) {
            assertThat(Html.escape(text)).isEqualTo(HtmlUtils.htmlEscape(text, "UTF-8"));
        }
        String plain = "Kommune 6032";
        assertThat(Html.escape(plain)).isSameAs(plain);
        assertThat(Html.escape(null)).isEmpty();
    }
}
