package no.innforing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Bokmål locale of every Camunda webapp is complete: our {@code nb.json} has exactly the keys of the 7.24
 * webjar's {@code en.json} (read from the classpath, so a Camunda upgrade that adds keys fails here), keeps every
 * placeholder ({@code {{name}}}, {@code %s}, {@code {}}) and HTML tag of the English text, and leaves nothing in
 * English except words that are the same in Norwegian.
 */
class WebappTranslationTests {

    static final String LOCALES = "/META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

    /** Values that may be the same as the English: product names, symbols, formats and words Norwegian shares. */
    static final Set<String> SAME_IN_NORWEGIAN = Set.of("OK", "<", "<=", ">", ">=", "<null>", "null", "Admin",
            "Camunda", "Cockpit", "Tasklist", "Optimize", "CSV", "JSON", "ID", "ID*", "L", "HH:mm", "Element",
            "Filter", "GLOBAL", "Min", "Minimum:", "Operator", "Start", "Status", "System");

    static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{\\s*[^}]*?\\s*}}|%[sd]|\\{}|</?(?:a|b|br|strong|em|i|code|span|p|ul|li|div|pre|small|u)\\b[^>]*>");

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasABokmalTranslationWithTheSamePlaceholders(String app) throws IOException {
        Map<String, JsonNode> english = flatten(read(app, "en"));
        Map<String, JsonNode> bokmal = flatten(read(app, "nb"));

        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(bokmal.keySet());
        Set<String> extra = new TreeSet<>(bokmal.keySet());
        extra.removeAll(english.keySet());
        List<String> placeholderMismatches = new ArrayList<>();
        List<String> leftInEnglish = new ArrayList<>();
        english.forEach((key, value) -> {
            JsonNode translated = bokmal.get(key);
            if (translated == null || !value.isTextual()) {
                return;
            }
            if (!placeholders(value.asText()).equals(placeholders(translated.asText()))) {
                placeholderMismatches.add(key + ": " + placeholders(value.asText()) + " became "
                        + placeholders(translated.asText()));
            }
            String text = value.asText().trim();
            if (!text.isEmpty() && text.equals(translated.asText().trim()) && !SAME_IN_NORWEGIAN.contains(text)) {
                leftInEnglish.add(key + " = \"" + text + "\"");
            }
        });

        assertThat(missing).as("keys of %s's en.json missing in nb.json", app).isEmpty();
        assertThat(extra).as("keys in %s's nb.json that en.json does not have", app).isEmpty();
        assertThat(placeholderMismatches).as("placeholders or HTML changed in %s's nb.json", app).isEmpty();
        assertThat(leftInEnglish).as("values of %s's nb.json still in English", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesAreWrittenTheNorwegianWay(String app) throws IOException {
        JsonNode dates = read(app, "nb").path("dateLocales");
        assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("DD.MM.YYYY");
        assertThat(dates.path("longDateFormat").path("LT").asText()).isEqualTo("HH:mm");
        assertThat(dates.path("months").get(10).asText()).isEqualTo("november");
        assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("mandag");
        assertThat(dates.path("week").path("dow").asInt()).as("the week starts on Monday").isEqualTo(1);
    }

    static JsonNode read(String app, String locale) throws IOException {
        String path = LOCALES.formatted(app, locale);
        try (InputStream in = WebappTranslationTests.class.getResourceAsStream(path)) {
            assertThat(in).as("%s on the classpath", path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // The webjar's files start with a byte order mark, which Jackson does not skip in a String.
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    /** Every leaf as its key path: {@code labels.CLAIM_TASK}, {@code dateLocales.months[10]}. */
    static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten(root, "", leaves);
        return leaves;
    }

    private static void flatten(JsonNode node, String path, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    /** The placeholders and HTML tags of a text, sorted, with the spaces inside {@code {{ }}} ignored. */
    static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("\\{\\{\\s*(.*?)\\s*}}", "{{$1}}"));
        }
        found.sort(null);
        return found;
    }
}
