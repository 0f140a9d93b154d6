package no.innforing.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import no.innforing.security.MunicipalityAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Generated bad input for every {@code /api} endpoint that takes input (jqwik's generators): one field of a valid
 * request replaced by a value that can never be right for its type (a control character, an overlong text, the
 * wrong JSON type, an impossible or implausible date), or the body itself broken. For every request: never 5xx,
 * always a 4xx problem+json with a detail, and the database exactly as before.
 */
class ApiBadInputPropertyTests extends IntegrationTest {

    static final int SAMPLES_PER_FIELD = 6;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProjectService projects;

    enum Kind { TEXT, DATE, PLANNED_DATE, PAST_DATE, INTEGER, DECIMAL, BOOLEAN, ENUM }

    record Endpoint(HttpMethod method, String path, Map<String, Object> validBody, Map<String, Kind> fields) {
    }

    long goalId;
    long riskId;

    @BeforeEach
    @SuppressWarnings("rawtypes")
    void projectsWithAGoalAndARisk() {
        setClock(LocalDate.of(2026, 6, 15));
        projects.register(new Registration("5001", "PD1", false, ProjectPhase.STABILIZATION, null, null));
        projects.register(new Registration("1505", "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null, null));
        user("ragmedlem", "ragmedlem-passord", MunicipalityAccess.RAG_GROUP);
        ResponseEntity<Map> goal = send(HttpMethod.POST, "/api/projects/5001/benefits/goals", json(Map.of(
                "catalogueCode", "legemiddel-pasientskader", "responsible", "Kommunalsjef")));
        assertThat(goal.getStatusCode().value()).as(String.valueOf(goal.getBody())).isEqualTo(201);
        goalId = ((Number) goal.getBody().get("id")).longValue();
        ResponseEntity<Map> risk = send(HttpMethod.POST, "/api/projects/5001/risks", json(Map.of(
                "description", "Risiko", "focus", "TECHNICAL", "likelihood", 3, "consequence", 3,
                "owner", "Prosjektleder", "status", "OPEN")));
        assertThat(risk.getStatusCode().value()).as(String.valueOf(risk.getBody())).isEqualTo(201);
        riskId = ((Number) risk.getBody().get("id")).longValue();
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HttpMethod.POST, "/api/projects", ordered("municipalityNumber", "1576", "waveCode",
                        "KI4", "earlyStart", false, "startPhase", "PRE_PROJECT", "callOffAgreementSignedOn",
                        "2026-05-01"), Map.of("municipalityNumber", Kind.TEXT, "waveCode", Kind.TEXT, "earlyStart",
                        Kind.BOOLEAN, "startPhase", Kind.ENUM, "callOffAgreementSignedOn", Kind.PAST_DATE)),
                new Endpoint(HttpMethod.POST, "/api/projects/1505/withdrawal", ordered("reason", "Vi venter"),
                        Map.of("reason", Kind.TEXT)),
                new Endpoint(HttpMethod.POST, "/api/projects/1505/wave", ordered("waveCode", "KI4", "reason", "Flytt"),
                        Map.of("waveCode", Kind.TEXT, "reason", Kind.TEXT)),
                new Endpoint(HttpMethod.PUT, "/api/waves/KI4", ordered("goLiveDate", "2029-01-09", "reason", "Ny dato"),
                        Map.of("goLiveDate", Kind.PLANNED_DATE, "reason", Kind.TEXT)),
                new Endpoint(HttpMethod.PUT, "/api/municipalities/1505/contacts", ordered("projectLeaderEmail",
                        "pl@k1505.example", "chiefExecutiveEmail", "kd@k1505.example"),
                        Map.of("projectLeaderEmail", Kind.TEXT, "chiefExecutiveEmail", Kind.TEXT)),
                new Endpoint(HttpMethod.PUT, "/api/projects/5001/benefits/plan", ordered("expectedBenefits", "Færre",
                        "ambition", "Mye"), Map.of("expectedBenefits", Kind.TEXT, "ambition", Kind.TEXT)),
                new Endpoint(HttpMethod.POST, "/api/projects/5001/benefits/goals", ordered("focusArea", "LOGISTICS",
                        "serviceCategory", "Skole", "indicator", "Tid", "unit", "timer", "direction", "DECREASE",
                        "baseline", 2300, "target", 200, "targetDate", "2030-03-31", "responsible", "Leder"),
                        Map.of("focusArea", Kind.ENUM, "indicator", Kind.TEXT, "direction", Kind.ENUM, "baseline",
                                Kind.DECIMAL, "targetDate", Kind.DATE, "responsible", Kind.TEXT)),
                new Endpoint(HttpMethod.POST, "/api/projects/5001/benefits/goals/" + goalId + "/measurements",
                        ordered("measuredOn", "2026-06-10", "value", 12, "note", "Målt"),
                        Map.of("measuredOn", Kind.DATE, "value", Kind.DECIMAL, "note", Kind.TEXT)),
                new Endpoint(HttpMethod.POST, "/api/projects/5001/risks", ordered("description", "Ny risiko", "focus",
                        "TECHNICAL", "likelihood", 2, "consequence", 4, "owner", "Eier", "status", "OPEN"),
                        Map.of("description", Kind.TEXT, "focus", Kind.ENUM, "likelihood", Kind.INTEGER,
                                "consequence", Kind.INTEGER, "status", Kind.ENUM)),
                new Endpoint(HttpMethod.PUT, "/api/projects/5001/risks/" + riskId, ordered("description", "Endret",
                        "focus", "TECHNICAL", "likelihood", 2, "consequence", 4, "owner", "Eier", "status", "OPEN"),
                        Map.of("likelihood", Kind.INTEGER, "owner", Kind.TEXT)),
                new Endpoint(HttpMethod.PUT, "/api/cost-totals/REGION", ordered("amountNok", 1000000),
                        Map.of("amountNok", Kind.DECIMAL)),
                new Endpoint(HttpMethod.POST, "/api/waves", ordered("code", "KI9", "name", "Kommunal innføring 9",
                        "hospitalTrust", "St. Olavs hospital", "goLiveDate", "2030-03-05"),
                        Map.of("code", Kind.TEXT, "name", Kind.TEXT, "hospitalTrust", Kind.TEXT,
                                "goLiveDate", Kind.PLANNED_DATE)));
    }

    /** Values that can never be right for a field of the kind. */
    static Arbitrary<Object> invalid(Kind kind) {
        Arbitrary<Object> controlText = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(10),
                Arbitraries.chars().range('\u0000', '\u0008'), Arbitraries.strings().alpha().ofMaxLength(10))
                .as((a, c, b) -> a + c + b);
        Arbitrary<Object> overlong = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(Input.MAX_TEXT + 1)
                .ofMaxLength(Input.MAX_TEXT + 3000).map(s -> s);
        Arbitrary<Object> structure = Arbitraries.of(Map.of("a", 1), List.of(1, 2), List.of());
        Arbitrary<Object> number = Arbitraries.integers().between(-5, 99999).map(i -> i);
        Arbitrary<Object> fraction = Arbitraries.doubles().between(0.1, 9.9).filter(d -> d % 1 != 0).map(d -> d);
        Arbitrary<Object> bool = Arbitraries.of(true, false);
        Arbitrary<Object> badDate = Arbitraries.of("2027-02-31", "31.02.2027", "2027-13-01", "-1", "i morgen",
                "+999999999-12-31", "2027-2-3");
        return switch (kind) {
            case TEXT -> Arbitraries.oneOf(controlText, overlong, structure, number, bool);
            case DATE -> Arbitraries.oneOf(badDate, number, bool, structure, controlText);
            case PLANNED_DATE -> Arbitraries.oneOf(badDate, number, structure,
                    Arbitraries.of("9999-12-31", "1900-01-01", "2026-06-14", "2050-01-01"));
            case PAST_DATE -> Arbitraries.oneOf(badDate, number, Arbitraries.of("1900-01-01", "2027-01-01",
                    "2099-12-31"));
            case INTEGER -> Arbitraries.oneOf(fraction, bool, structure, controlText, Arbitraries.of("3", "tre"));
            case DECIMAL -> Arbitraries.oneOf(bool, structure, controlText, Arbitraries.of("1 000", "mange"));
            case BOOLEAN -> Arbitraries.oneOf(number, structure, controlText, Arbitraries.of("true", "ja"));
            case ENUM -> Arbitraries.oneOf(number, bool, structure, controlText,
                    Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(3).ofMaxLength(12)
                            .filter(s -> !s.equals("OPEN") && !s.equals("CLOSED")).map(s -> s + "_X"));
        };
    }

    /** Broken bodies: truncated, not an object, trailing garbage, empty. */
    static Arbitrary<String> brokenBody(String valid) {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, Math.max(1, valid.length() - 2)).map(n -> valid.substring(0, n)),
                Arbitraries.of("[]", "\"tekst\"", "42", valid + "}", valid + " x", "{\"a\":}", "{'a':1}"));
    }

    @Test
    void everyApiEndpointRefusesGeneratedBadInputWith4xxProblemJsonAndChangesNothing() {
        String before = snapshot();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Endpoint endpoint : endpoints()) {
            String valid = json(endpoint.validBody());
            List<String> bodies = new ArrayList<>();
            endpoint.fields().forEach((field, kind) -> invalid(kind).sampleStream().limit(SAMPLES_PER_FIELD)
                    .forEach(value -> {
                        Map<String, Object> body = new LinkedHashMap<>(endpoint.validBody());
                        body.put(field, value);
                        bodies.add(json(body));
                    }));
            brokenBody(valid).sampleStream().limit(SAMPLES_PER_FIELD).forEach(bodies::add);
            for (String body : bodies) {
                requests++;
                ResponseEntity<Map> answer = send(endpoint.method(), endpoint.path(), body);
                String contentType = String.valueOf(answer.getHeaders().getContentType());
                Object detail = answer.getBody() == null ? null : answer.getBody().get("detail");
                if (!answer.getStatusCode().is4xxClientError() || !contentType.startsWith("application/problem+json")
                        || !(detail instanceof String text) || text.isBlank() || text.contains("java.")
                        || text.contains("Exception")) {
                    failures.add(endpoint.method() + " " + endpoint.path() + " " + abbreviate(body) + " -> "
                            + answer.getStatusCode() + " " + contentType + " " + answer.getBody());
                }
            }
        }
        for (String query : List.of("/api/notifications?municipality=15%0005", "/api/cost-shares?scope=KI%00",
                "/api/cost-shares?scope=" + "x".repeat(Input.MAX_TEXT + 1), "/api/projects/15%0005")) {
            requests++;
            ResponseEntity<String> answer = http.withBasicAuth("ragmedlem", "ragmedlem-passord")
                    .getForEntity(java.net.URI.create(query), String.class);
            if (!answer.getStatusCode().is4xxClientError()
                    || !String.valueOf(answer.getHeaders().getContentType()).startsWith("application/problem+json")
                    || !String.valueOf(answer.getBody()).contains("\"detail\"")) {
                failures.add("GET " + abbreviate(query) + " -> " + answer.getStatusCode() + " " + answer.getBody());
            }
        }
        assertThat(failures).as("of %d generated bad requests", requests).isEmpty();
        assertThat(snapshot()).as("the database after %d refused requests", requests).isEqualTo(before);
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> send(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("ragmedlem", "ragmedlem-passord").exchange(path, method,
                new HttpEntity<>(body, headers), Map.class);
    }

    /** Every row of the app's tables and the engine's running state, as one comparable text. */
    private String snapshot() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema() and table_type = 'BASE TABLE' "
                + "and lower(table_name) not like 'act\\_%' and lower(table_name) <> 'flyway_schema_history' "
                + "order by table_name", String.class);
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            all.append(table).append('=').append(jdbc.queryForObject("select coalesce(md5(string_agg(t::text, '|' "
                    + "order by t::text)), '') from " + table + " t", String.class)).append('\n');
        }
        for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_job", "act_ru_variable")) {
            all.append(table).append('=').append(jdbc.queryForObject("select count(*) from " + table, Long.class))
                    .append('\n');
        }
        return all.toString();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
    }
}
