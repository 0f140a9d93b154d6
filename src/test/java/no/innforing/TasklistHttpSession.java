package no.innforing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser with Tasklist open, over plain HTTP: logged in on the app's login page (with Spring's CSRF token from
 * the form), then Tasklist's page, which puts the user into the webapps' session and sets Camunda's
 * {@code XSRF-TOKEN} cookie, whose value Tasklist sends back as {@code X-XSRF-TOKEN} on its API calls.
 *
 * <p>{@link #openFilter} is the request Tasklist 7.24 sends when a filter is opened (camunda-bpm-platform,
 * {@code webapps/frontend/ui/tasklist/client/scripts/controller/cam-tasklist-view-ctrl.js} and the SDK's
 * {@code Filter.getTasks}): {@code POST /camunda/api/engine/engine/default/filter/{id}/list?firstResult=0&maxResults=15}
 * with the SDK's {@code Accept} header and Tasklist's body; the HAL answer carries the count too.
 */
public final class TasklistHttpSession {

    /** Tasklist's body for a filter's first page: its default sorting, active tasks, no variable searches. */
    public static final String FIRST_PAGE = """
            {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,\
            "maxResults":15,"sorting":[{"sortOrder":"desc","sortBy":"created"}],"active":true}""";

    private final String root;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String xsrf;

    public TasklistHttpSession(String root, String user, String password) {
        this.root = root;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Matcher form = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
        assertThat(form.find()).isTrue();
        HttpResponse<String> login = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
                        + URLEncoder.encode(form.group(1), StandardCharsets.UTF_8))));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        this.xsrf = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    }

    /** Tasklist's request for a filter's first page; answers the HAL body (asserting 200 and a count). */
    public String openFilter(String filterId) {
        HttpResponse<String> response = filterList(filterId, true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"count\":");
        return response.body();
    }

    /** The same request, with or without Camunda's CSRF header, as it is answered. */
    public HttpResponse<String> filterList(String filterId, boolean withCsrfHeader) {
        HttpRequest.Builder request = request("/camunda/api/engine/engine/default/filter/" + filterId
                + "/list?firstResult=0&maxResults=15")
                .header("Accept", "application/hal+json, application/json; q=0.5")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FIRST_PAGE));
        if (withCsrfHeader) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        return send(request);
    }

    /** A JSON request Tasklist sends to the webapps' engine API (with Camunda's CSRF header), as it is answered. */
    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Accept", "application/json").header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(root + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
