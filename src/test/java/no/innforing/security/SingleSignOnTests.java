package no.innforing.security;

import static no.innforing.project.ProjectProcess.TASK_REGISTER_POLITICAL_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.innforing.BrowserSupport;
import no.innforing.IntegrationTest;
import no.innforing.TasklistSupport;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider started by the test (mock-oauth2-server on a free port,
 * with its interactive login form, where one types a user name and the token's claims): in headless Chromium
 * Kristiansund's project leader logs in through the provider, lands in Tasklist seeing only Kristiansund's task,
 * completes it through the Camunda Form, and opens the regional overview without logging in again; a login whose
 * token names no known group gets the Norwegian refusal page. On the API the provider's tokens work as Bearer
 * tokens with the same rules as the local users' passwords. Local users keep logging in with a password.
 *
 * <p>Runs in the prod setting on PostgreSQL (no demo users, secure cookies), in a JVM of its own (a context with
 * single sign-on on, beside the tests' usual one).
 */
@ActiveProfiles({"postgres", "prod"})
class SingleSignOnTests extends IntegrationTest {

    static final String ISSUER = "innforing";
    static final String CLIENT_ID = "innforing-plattform";
    static final String PROVIDER_NAME = "Testinnlogging";
    static final MockOAuth2Server PROVIDER = startProvider();

    static MockOAuth2Server startProvider() {
        MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        registry.add("innforing.oidc.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
        registry.add("innforing.oidc.client-id", () -> CLIENT_ID);
        registry.add("innforing.oidc.client-secret", () -> "klienthemmelighet");
        registry.add("innforing.oidc.display-name", () -> PROVIDER_NAME);
        // the provider's groups as Keycloak writes them (/municipality-1505) and one Entra-style object id
        registry.add("innforing.oidc.group-map", () -> "7f1e2c5a-0b1d-4c47-9d0e-5a3b2f1c9e88=rag");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ProjectService projects;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    String kristiansund;
    String aure;
    WebDriver browser;

    @BeforeEach
    void kristiansundAndAureBeforeTheirPoliticalDecisions() {
        kristiansund = projects.register(Registration.of("1505", "KI3")).getProcessInstanceId();
        aure = projects.register(Registration.of("1576", "KI3")).getProcessInstanceId();
    }

    @AfterEach
    void closeBrowser() {
        BrowserSupport.quit(browser);
    }

    // ---------------------------------------------------------------------------------------------- the browser

    @Test
    void aProjectLeaderLogsInThroughTheProviderWorksTheirFirstTaskInTasklistAndOpensTheOverview() throws Exception {
        browser = BrowserSupport.startChromium();
        try {
            browser.get(url("/camunda/app/tasklist/default/"));
            logInAtTheProvider("kari.nordmann", "{\"preferred_username\": \"kari.nordmann\", "
                    + "\"given_name\": \"Kari\", \"family_name\": \"Nordmann\", "
                    + "\"email\": \"kari.nordmann@kristiansund.example\", \"groups\": [\"/municipality-1505\"]}");

            waitFor("Tasklist after the provider's login").until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".task-filter")));
            assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/default/");
            List<WebElement> tasks = myMunicipalitysTasks();
            assertThat(tasks).as("only Kristiansund's task, not Aure's").hasSize(1);
            BrowserSupport.screenshot(browser, "sso-02-tasklist");

            tasks.get(0).findElement(By.cssSelector("h4.task a")).click();
            waitFor("the task card").until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".task-card h2.task"), "Registrer politisk vedtak"));
            assertThat(browser.findElement(By.cssSelector(".task-card .tenant-id")).getText()).isEqualTo("1505");
            List<WebElement> claim = browser.findElements(By.cssSelector(".task-card button.claim"));
            if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
                claim.get(0).click();
                waitFor("the task to be claimed").until(ExpectedConditions.invisibilityOfElementLocated(
                        By.cssSelector(".task-card button.claim")));
            }
            registerThePoliticalDecision();
            BrowserSupport.screenshot(browser, "sso-03-form-filled");
            browser.findElement(By.cssSelector(".form-actions button.btn-primary")).click();
            waitFor("the political decision to be completed in the engine").until(driver -> taskService
                    .createTaskQuery().processInstanceId(kristiansund)
                    .taskDefinitionKey(TASK_REGISTER_POLITICAL_DECISION).count() == 0);
            BrowserSupport.screenshot(browser, "sso-04-completed");

            // Cockpit on the same login, and the webapps' engine API narrowed to Kristiansund's tenant
            browser.get(url("/camunda/app/cockpit/default/"));
            waitFor("Cockpit without logging in again").until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".dashboard")));
            Object businessKeys = ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('/camunda/api/engine/engine/default/process-instance')"
                            + ".then(r => r.json()).then(list => done(list.map(p => p.businessKey).join(',')));");
            assertThat(businessKeys).isEqualTo("1505");
            BrowserSupport.screenshot(browser, "sso-05-cockpit");

            // one login: the regional overview opens without logging in again, with Kristiansund only
            browser.get(url("/overview"));
            // a project leader's overview is their own project's page
            waitFor("the overview").until(ExpectedConditions.titleIs("Mitt innføringsprosjekt – Innføring"));
            String overview = browser.findElement(By.tagName("main")).getText();
            assertThat(overview).contains("Kristiansund").doesNotContain("Aure");
            assertThat(browser.findElement(By.cssSelector("header .user")).getText()).isEqualTo("kari.nordmann");
            BrowserSupport.screenshot(browser, "sso-06-overview");
        } catch (Exception | AssertionError e) {
            keepFailure("sso-failure");
            throw e;
        }

        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(kristiansund)
                .taskDefinitionKey(TASK_REGISTER_POLITICAL_DECISION).singleResult().getAssignee())
                .isEqualTo("kari.nordmann");
        assertThat(runtimeService.getVariable(kristiansund, "councilDecision")).isEqualTo("JOIN");
        assertThat(taskService.createTaskQuery().processInstanceId(aure).singleResult().getTaskDefinitionKey())
                .isEqualTo(TASK_REGISTER_POLITICAL_DECISION);
        // the token user in the engine's identity store: names and e-mail from the token, the token's groups only
        var user = identityService.createUserQuery().userId("kari.nordmann").singleResult();
        assertThat(user.getEmail()).isEqualTo("kari.nordmann@kristiansund.example");
        assertThat(user.getFirstName()).isEqualTo("Kari");
        assertThat(identityService.createGroupQuery().groupMember("kari.nordmann").list()).extracting(Group::getId)
                .containsExactly("municipality-1505");
        assertThat(identityService.checkPassword("kari.nordmann", "")).isFalse();
    }

    @Test
    void aLoginWithoutAKnownGroupGetsTheNorwegianRefusalPage() throws Exception {
        browser = BrowserSupport.startChromium("nb-NO");
        try {
            browser.get(url("/overview"));
            logInAtTheProvider("ola.utenfor", "{\"preferred_username\": \"ola.utenfor\", "
                    + "\"groups\": [\"ansatte\", \"municipality-9999\"]}");
            waitFor("the refusal page").until(ExpectedConditions.titleIs("Ingen tilgang – Innføring"));
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("Du er logget inn hos " + PROVIDER_NAME + " som «ola.utenfor»")
                    .contains("ikke med i noen gruppe som gir tilgang til Innføring");
            BrowserSupport.screenshot(browser, "sso-refused");

            browser.get(url("/overview"));
            waitFor("the login page: the refused login made no session").until(
                    ExpectedConditions.titleIs("Logg inn – Innføring"));
        } catch (Exception | AssertionError e) {
            keepFailure("sso-refused-failure");
            throw e;
        }
        assertThat(identityService.createUserQuery().userId("ola.utenfor").count()).isZero();
    }

    @Test
    void theLoginPageOffersTheProviderAndTheLocalLogin() {
        ResponseEntity<String> page = http.getForEntity("/login", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Logg inn med <span>" + PROVIDER_NAME + "</span>")
                .contains("href=\"/oauth2/authorization/oidc\"").contains("id=\"password\"");
    }

    // -------------------------------------------------------------------------------------------------- the API

    @Test
    void aProjectLeadersTokenSeesTheirOwnMunicipalityOnly() {
        String token = token("kari.nordmann", Map.of("preferred_username", "kari.nordmann",
                "groups", List.of("/municipality-1505")));
        ResponseEntity<Map> own = bearer(token, "/api/projects/1505", Map.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).containsEntry("municipalityName", "Kristiansund");

        ResponseEntity<Map> other = bearer(token, "/api/projects/1576", Map.class);
        assertThat(other.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(other.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();

        assertThat(bearer(token, "/engine-rest/process-instance", List.class).getBody())
                .extracting(instance -> ((Map<?, ?>) instance).get("businessKey")).containsExactly("1505");
        assertThat(bearer(token, "/engine-rest/task?processInstanceBusinessKey=1576", List.class).getBody())
                .isEmpty();
        assertThat(bearer(token, "/engine-rest/task?processInstanceBusinessKey=1505", List.class).getBody())
                .hasSize(1);

        ResponseEntity<Map> register = exchange(token, HttpMethod.POST, "/api/projects",
                "{\"municipalityNumber\":\"5001\",\"waveCode\":\"KI4\"}", Map.class);
        assertThat(register.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void ragsTokenSeesEveryMunicipality() {
        // the group map: an Entra ID group object id that means RAG
        String token = token("rolf.rag", Map.of("preferred_username", "rolf.rag",
                "groups", List.of("7f1e2c5a-0b1d-4c47-9d0e-5a3b2f1c9e88")));
        assertThat(bearer(token, "/api/projects/1576", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bearer(token, "/api/projects/1505", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bearer(token, "/engine-rest/process-instance", List.class).getBody())
                .extracting(instance -> ((Map<?, ?>) instance).get("businessKey"))
                .containsExactlyInAnyOrder("1505", "1576");
    }

    @Test
    void aTokenFromAnotherIssuerOrForAnotherAudienceIsRefusedWith401() {
        String foreign = PROVIDER.issueToken("annen-utsteder", "kari.nordmann", CLIENT_ID,
                Map.of("preferred_username", "kari.nordmann", "groups", List.of("rag"))).serialize();
        ResponseEntity<Map> refused = bearer(foreign, "/api/projects/1505", Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getBody()).containsEntry("detail", "Tokenet ble ikke godtatt: det er ugyldig, utløpt, fra "
                + "en annen utsteder eller ikke utstedt for Innføring.");
        assertThat(bearer(foreign, "/engine-rest/process-instance", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        String otherAudience = PROVIDER.issueToken(ISSUER, "kari.nordmann", "en-annen-klient",
                Map.of("preferred_username", "kari.nordmann", "groups", List.of("rag"))).serialize();
        assertThat(bearer(otherAudience, "/api/projects/1505", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(bearer("ikke-et-token", "/api/projects/1505", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenWithoutAKnownGroupOrWithALocalUsersNameIsRefusedWith403() {
        String nobody = token("ola.utenfor", Map.of("preferred_username", "ola.utenfor",
                "groups", List.of("ansatte")));
        ResponseEntity<Map> refused = bearer(nobody, "/api/projects/1505", Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat((String) refused.getBody().get("detail"))
                .contains("ikke med i noen gruppe som gir tilgang til Innføring");
        assertThat(bearer(nobody, "/engine-rest/process-instance", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // the provider cannot make someone the local administrator by naming them so
        String impostor = token("admin", Map.of("preferred_username", "admin", "groups", List.of("rag")));
        ResponseEntity<Map> asAdmin = bearer(impostor, "/api/projects/1505", Map.class);
        assertThat(asAdmin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) asAdmin.getBody().get("detail")).contains("tilhører en lokal bruker");
    }

    @Test
    void localUsersKeepLoggingInWithAPassword() {
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity("/api/projects/1576", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> anonymous = http.getForEntity("/api/projects/1576", Map.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).anySatisfy(
                challenge -> assertThat(challenge).startsWith("Basic")).anySatisfy(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private String token(String subject, Map<String, Object> claims) {
        return PROVIDER.issueToken(ISSUER, subject, CLIENT_ID, claims).serialize();
    }

    private <T> ResponseEntity<T> bearer(String token, String path, Class<T> type) {
        return exchange(token, HttpMethod.GET, path, null, type);
    }

    private <T> ResponseEntity<T> exchange(String token, HttpMethod method, String path, String json, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(json, headers), type);
    }

    /** On the app's login page: the provider's button, then the provider's login form (user name, claims JSON). */
    private void logInAtTheProvider(String username, String claims) {
        waitFor("the app's login page").until(ExpectedConditions.titleIs("Logg inn – Innføring"));
        BrowserSupport.screenshot(browser, "sso-01-login");
        browser.findElement(By.cssSelector("a.sso-login")).click();
        WebElement name = waitFor("the provider's login form").until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form input[name='username']")));
        name.sendKeys(username);
        WebElement claimsField = browser.findElement(By.cssSelector("form textarea[name='claims']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", claimsField, claims);
        browser.findElement(By.cssSelector("form input[type='submit']")).click();
    }

    /** Picks the filter "Min kommunes åpne oppgaver" and returns the listed tasks. */
    private List<WebElement> myMunicipalitysTasks() {
        String name = "Min kommunes åpne oppgaver";
        By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(normalize-space(.),'" + name
                + "')]]");
        WebElement mine = waitFor("the filter " + name).until(ExpectedConditions.elementToBeClickable(filter));
        if (!mine.getAttribute("class").contains("active")) {
            mine.findElement(By.cssSelector("h4.name a")).click();
            waitFor("the filter to be selected").until(ExpectedConditions.attributeContains(filter, "class", "active"));
        }
        waitFor("Kristiansund's task in the list").until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("ol.tasks-list"), "Registrer politisk vedtak"));
        return browser.findElements(By.cssSelector("ol.tasks-list li.task"));
    }

    private void registerThePoliticalDecision() {
        waitFor("the Camunda Form").until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        WebElement join = waitFor("the decision").until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//form[contains(@class,'fjs-form')]//label[contains(normalize-space(.),"
                        + "'Kommunen utløser opsjonen og deltar')]")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", join);
        join.click();
        WebElement date = input("Vedtaksdato");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", date);
        // dates are typed as Norwegians write them, once Tasklist has taken the field over (innforing/dates.js)
        waitFor("the date field to be taken over").until(driver -> "dd.mm.åååå".equals(date.getAttribute("placeholder")));
        date.click();
        date.sendKeys("20.02.2026");
        date.sendKeys(Keys.ESCAPE);
        waitFor("the calendar to close").until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".flatpickr-calendar.open")));
        WebElement reference = input("Saksnummer");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", reference);
        reference.click();
        reference.sendKeys("2026/117");
        waitFor("the case reference").until(driver -> "2026/117".equals(reference.getAttribute("value")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", reference);
    }

    private WebElement input(String label) {
        return TasklistSupport.input(browser, label);
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
