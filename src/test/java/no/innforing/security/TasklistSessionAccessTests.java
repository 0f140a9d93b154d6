package no.innforing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.innforing.TasklistHttpSession;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's task list as a browser asks for it: on the session of a login on the app's login page, through the
 * webapps' own engine API ({@code /camunda/api/engine}), with Camunda's CSRF header and Tasklist's body. Each
 * project leader sees their own municipality's tasks only, RAG every municipality's; without a login or without
 * the CSRF header the request is refused.
 */
class TasklistSessionAccessTests extends TwoMunicipalitiesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    FilterService filters;

    @Test
    void eachProjectLeaderSeesTheirOwnMunicipalityAndRagSeesEvery() throws Exception {
        String mine = filter(AccessSetup.FILTER_MY_MUNICIPALITY);
        String overdue = filter(AccessSetup.FILTER_OVERDUE);
        TasklistHttpSession kristiansund = new TasklistHttpSession(http.getRootUri(), "pl-1505", "pl-1505-passord");
        TasklistHttpSession aure = new TasklistHttpSession(http.getRootUri(), "pl-1576", "pl-1576-passord");
        TasklistHttpSession rag = new TasklistHttpSession(http.getRootUri(), "ragmedlem", "ragmedlem-passord");

        JsonNode kristiansundsTasks = JSON.readTree(kristiansund.openFilter(mine));
        assertThat(tenants(kristiansundsTasks)).containsExactly("1505");
        assertThat(kristiansundsTasks.path("count").asLong()).isEqualTo(1);
        // dates as the engine REST API writes them, which Tasklist reads
        assertThat(kristiansundsTasks.path("_embedded").path("task").get(0).path("created").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
        assertThat(tenants(JSON.readTree(aure.openFilter(mine)))).containsExactly("1576");

        setClock(LocalDate.of(2026, 7, 15));
        // Aure's political decision was due 30 June; Kristiansund's signing is due next February.
        JsonNode overdueForRag = JSON.readTree(rag.openFilter(overdue));
        assertThat(names(overdueForRag)).containsExactly("Registrer politisk vedtak");
        assertThat(tenants(overdueForRag)).containsExactly("1576");
        assertThat(overdueForRag.path("count").asLong()).isEqualTo(1);
        JsonNode overdueForKristiansund = JSON.readTree(kristiansund.openFilter(overdue));
        assertThat(names(overdueForKristiansund)).isEmpty();
        assertThat(overdueForKristiansund.path("count").asLong()).isZero();
    }

    @Test
    void withoutALoginOrWithoutTheCsrfHeaderTheTaskListIsRefused() throws Exception {
        String mine = filter(AccessSetup.FILTER_MY_MUNICIPALITY);
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                http.getRootUri() + "/camunda/api/engine/engine/default/filter/" + mine
                        + "/list?firstResult=0&maxResults=15"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TasklistHttpSession.FIRST_PAGE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("tenantId");

        TasklistHttpSession kristiansund = new TasklistHttpSession(http.getRootUri(), "pl-1505", "pl-1505-passord");
        HttpResponse<String> forged = kristiansund.filterList(mine, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("tenantId");
    }

    private String filter(String name) {
        return filters.createFilterQuery().filterName(name).singleResult().getId();
    }

    private static List<String> tenants(JsonNode halList) {
        return values(halList, "tenantId");
    }

    private static List<String> names(JsonNode halList) {
        return values(halList, "name");
    }

    private static List<String> values(JsonNode halList, String field) {
        List<String> values = new ArrayList<>();
        halList.path("_embedded").path("task").forEach(task -> values.add(task.path(field).asText()));
        return values;
    }
}
