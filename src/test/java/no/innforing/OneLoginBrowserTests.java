package no.innforing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One login with local users: logging in to Tasklist logs in to the app's pages, and the other way round; one
 * logout (the webapp's user menu or the pages' button) ends both. The webapps' own login endpoint is closed, and
 * their API keeps Camunda's CSRF check.
 */
class OneLoginBrowserTests extends IntegrationTest {

    static final String PROJECT_LEADER = "pl-1505";
    static final String PASSWORD = "pl-1505-passord";
    /** What a project leader's /overview is titled: their own project's page. */
    static final String OVERVIEW = "Mitt innføringsprosjekt – Innføring";

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;

    WebDriver browser;

    @BeforeEach
    void kristiansundAndItsProjectLeader() {
        projects.register(Registration.of("1505", "KI3"));
        user(PROJECT_LEADER, PASSWORD, "municipality-1505");
    }

    @AfterEach
    void closeBrowser() {
        BrowserSupport.quit(browser);
    }

    @Test
    void aLoginToTasklistServesTheOverviewAndTheWebappsLogoutEndsBoth() throws Exception {
        browser = BrowserSupport.startChromium("nb-NO");
        try {
            browser.get(url("/camunda/app/tasklist/default/"));
            BrowserSupport.logInToCamunda(browser, PROJECT_LEADER, PASSWORD, By.cssSelector(".task-filter"));
            assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/default/");

            browser.get(url("/overview"));
            waitFor("the overview without logging in again").until(
                    ExpectedConditions.titleIs(OVERVIEW));
            assertThat(browser.findElement(By.cssSelector("header .user")).getText()).isEqualTo(PROJECT_LEADER);

            // the webapp's own logout (its user menu) ends the app's login too, and shows the app's login page
            browser.get(url("/camunda/app/tasklist/default/"));
            waitFor("Tasklist").until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
            waitFor("the user menu").until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("li.account .dropdown-toggle"))).click();
            waitFor("Logg ut in the user menu").until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("li.account li.logout a"))).click();
            waitFor("the app's login page").until(ExpectedConditions.titleIs("Logg inn – Innføring"));
            browser.get(url("/overview"));
            waitFor("the login page: logged out of the pages too").until(
                    ExpectedConditions.titleIs("Logg inn – Innføring"));
        } catch (Exception | AssertionError e) {
            keepFailure("one-login-tasklist-failure");
            throw e;
        }
    }

    @Test
    void aLoginToTheOverviewServesTasklistAndThePagesLogoutEndsBoth() throws Exception {
        browser = BrowserSupport.startChromium("nb-NO");
        try {
            browser.get(url("/overview"));
            BrowserSupport.logInOnTheLoginPage(browser, PROJECT_LEADER, PASSWORD);
            waitFor("the overview").until(ExpectedConditions.titleIs(OVERVIEW));

            browser.get(url("/camunda/app/tasklist/default/"));
            waitFor("Tasklist without logging in again").until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".task-filter")));
            assertThat(browser.findElements(By.id("username"))).isEmpty();
            BrowserSupport.screenshot(browser, "one-login-tasklist");

            browser.get(url("/overview"));
            waitFor("the overview").until(ExpectedConditions.titleIs(OVERVIEW));
            browser.findElement(By.cssSelector("form.logout button[type=submit]")).click();
            waitFor("logged out").until(ExpectedConditions.urlContains("/login?logout"));
            browser.get(url("/camunda/app/tasklist/default/"));
            waitFor("the login page: logged out of Tasklist too").until(
                    ExpectedConditions.titleIs("Logg inn – Innføring"));
        } catch (Exception | AssertionError e) {
            keepFailure("one-login-overview-failure");
            throw e;
        }
    }

    @Test
    void theWebappsOwnLoginIsClosedAndTheirLogoutKeepsItsCsrfCheck() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // the webapps' login endpoint: no session from there, logged in or not
        HttpResponse<String> webappLogin = client.send(HttpRequest.newBuilder(URI.create(url(
                "/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + PROJECT_LEADER + "&password=" + PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(webappLogin.statusCode()).isIn(401, 403);

        // log in on the app's login page (with Spring's CSRF token)
        String loginPage = client.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + PROJECT_LEADER + "&password=" + PASSWORD
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/overview");

        // the first webapp page puts the Spring user into the webapps' session (and sets their XSRF cookie)
        assertThat(client.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        HttpResponse<String> user = client.send(HttpRequest.newBuilder(URI.create(url(
                "/camunda/api/admin/auth/user/default"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"" + PROJECT_LEADER + "\"").contains("tasklist");

        // the webapps' API (their logout included) still wants Camunda's CSRF header: a forged request is refused
        // (and Camunda's CSRF filter ends the session it rode on, as it always has)
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(URI.create(url(
                "/camunda/api/admin/auth/user/default/logout"))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebDriverWait waitFor(String what) {
        return TasklistSupport.waitFor(browser, what);
    }

    private void keepFailure(String name) {
        BrowserSupport.keepFailure(browser, name);
    }
}
