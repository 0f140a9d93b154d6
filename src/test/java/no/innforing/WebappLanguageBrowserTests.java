package no.innforing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Camunda webapps speak Bokmål to everyone, in a browser set to Norwegian and in one set to US English: the
 * login page (the app's, shared by the webapps), Tasklist's task card ("Ta oppgaven", "5 måneder siden") and Cockpit's dashboard ("Prosesser",
 * "Åpne hendelser"),
 * under the product's name, without Camunda's migration banner, with links to the regional overview, and with
 * dates on Oslo time. English stays one click away (the header's "English" link) and back. Screenshots of every
 * step go to {@code target/screenshots/webapps-*}.
 */
class WebappLanguageBrowserTests extends IntegrationTest {

    static final String PROJECT_LEADER = "pl-1505";
    static final String PASSWORD = "pl-1505-passord";
    static final String MY_MUNICIPALITY_FILTER = "Min kommunes åpne oppgaver";
    static final String TASK = "Registrer politisk vedtak";
    static final String MIGRATION_BANNER = "It is time to migrate to Camunda 8";

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;

    WebDriver browser;

    @BeforeEach
    void kristiansundBeforeItsPoliticalDecision() {
        BrowserSupport.requireChromium();
        projects.register(Registration.of("1505", "KI3"));
        user(PROJECT_LEADER, PASSWORD, "municipality-1505");
    }

    @AfterEach
    void closeBrowser() {
        BrowserSupport.quit(browser);
    }

    @ParameterizedTest(name = "browser language {0}")
    @ValueSource(strings = {"nb-NO", "en-US"})
    void tasklistIsInBokmalWhateverTheBrowsersLanguage(String language) throws Exception {
        browser = BrowserSupport.startChromium(language);
        String shot = "webapps-tasklist-" + language;
        try {
            browser.get(url("/camunda/app/tasklist/default/"));
            // one login for the app and the webapps: Tasklist sends the browser to the app's Norwegian login page
            waitFor("the Norwegian login page").until(ExpectedConditions.titleIs("Logg inn – Innføring"));
            assertThat(browser.findElement(By.cssSelector("label[for='username']")).getText()).isEqualTo("Brukernavn");
            assertThat(browser.findElement(By.cssSelector("label[for='password']")).getText()).isEqualTo("Passord");
            assertThat(browser.findElement(By.cssSelector("main.login form button[type='submit']")).getText())
                    .isEqualTo("Logg inn");
            BrowserSupport.screenshot(browser, shot + "-1-login");

            logIn(PROJECT_LEADER, PASSWORD, By.cssSelector(".task-filter"));
            assertThat(browser.getTitle()).isEqualTo("Innføring Oppgaver");
            assertThat(browser.findElement(By.cssSelector(".navbar-brand")).getText()).contains("Innføring Oppgaver");
            openTask();
            WebElement card = browser.findElement(By.cssSelector(".task-card"));
            waitFor("the claim button").until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".task-card button.claim")));
            assertThat(card.findElement(By.cssSelector("button.claim")).getText()).isEqualTo("Ta oppgaven");
            assertThat(card.getText()).contains("Skjema", "Historikk", "Prosessdiagram", "Sett oppfølgingsdato",
                    "måneder siden").doesNotContain("Claim", "Set follow-up date", "History", "ago");
            assertThat(bodyText()).doesNotContain(MIGRATION_BANNER);
            assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(
                    banner -> assertThat(banner.isDisplayed()).as("the Camunda 8 migration banner").isFalse());
            assertThat(link("Regional oversikt").getAttribute("href")).endsWith("/overview");
            assertThat(link("Gevinster og risiko").getAttribute("href")).endsWith("/benefits");
            assertThat(bodyText()).as("the footer names the time zone of the dates")
                    .contains("Dato og klokkeslett vises i norsk tid. Nettleserens tidssone: Europe/Oslo");
            BrowserSupport.screenshot(browser, shot + "-2-task");

            link("English").click();
            waitFor("Tasklist in English after choosing it").until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-widget-header] .innforing-language a"), "Norsk (bokmål)"));
            openTask();
            waitFor("the English claim button").until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".task-card button.claim"), "Claim"));
            assertThat(browser.getTitle()).isEqualTo("Innføring Tasklist");
            BrowserSupport.screenshot(browser, shot + "-3-english");

            link("Norsk (bokmål)").click();
            waitFor("Tasklist in Bokmål again").until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-widget-header] .innforing-language a"), "English"));
            openTask();
            waitFor("the Norwegian claim button again").until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".task-card button.claim"), "Ta oppgaven"));
            assertThat(browser.getTitle()).isEqualTo("Innføring Oppgaver");
        } catch (Exception | AssertionError e) {
            keepFailure(shot);
            throw e;
        }
    }

    @ParameterizedTest(name = "browser language {0}")
    @ValueSource(strings = {"nb-NO", "en-US"})
    void cockpitIsInBokmalWhateverTheBrowsersLanguage(String language) throws Exception {
        browser = BrowserSupport.startChromium(language);
        String shot = "webapps-cockpit-" + language;
        try {
            browser.get(url("/camunda/app/cockpit/default/"));
            logIn("admin", ADMIN_PASSWORD, By.cssSelector(".dashboard"));
            waitFor("the dashboard's running instances").until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".dashboard"), "Aktive prosessinstanser"));
            assertThat(browser.getTitle()).startsWith("Innføring Cockpit");
            String header = browser.findElement(By.cssSelector("[cam-widget-header]")).getText();
            assertThat(header).contains("Prosesser", "Beslutninger", "Regional oversikt")
                    .doesNotContain("Processes", "Decisions", "Deployments");
            assertThat(bodyText()).contains("Åpne hendelser")
                    .doesNotContain(MIGRATION_BANNER, "Open Incidents", "Running Process Instances");
            BrowserSupport.screenshot(browser, shot + "-1-dashboard");

        } catch (Exception | AssertionError e) {
            keepFailure(shot);
            throw e;
        }
    }

    private void logIn(String user, String password, By loggedIn) {
        BrowserSupport.logInToCamunda(browser, user, password, loggedIn);
        waitFor("the header links").until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[cam-widget-header] .innforing-language a")));
    }

    /** Picks "Min kommunes åpne oppgaver" and opens Kristiansund's political-decision task. */
    private void openTask() {
        By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(normalize-space(.),'"
                + MY_MUNICIPALITY_FILTER + "')]]");
        WebElement mine = waitFor("the filter " + MY_MUNICIPALITY_FILTER)
                .until(ExpectedConditions.elementToBeClickable(filter));
        if (!mine.getAttribute("class").contains("active")) {
            mine.findElement(By.cssSelector("h4.name a")).click();
            waitFor("the filter to be selected")
                    .until(ExpectedConditions.attributeContains(filter, "class", "active"));
        }
        By task = By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')]"
                + "//h4[contains(@class,'task')]/a[contains(normalize-space(.),'" + TASK + "')]");
        waitFor("the task " + TASK).until(ExpectedConditions.elementToBeClickable(task)).click();
        waitFor("the task card").until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".task-card h2.task"), TASK));
    }

    private WebElement link(String text) {
        return waitFor("the header link " + text).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[@cam-widget-header]//li[contains(@class,'innforing-link')]/a[normalize-space(.)='"
                        + text + "']")));
    }

    private String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void keepFailure(String shot) throws Exception {
        BrowserSupport.keepFailure(browser, shot + "-failure");
    }

    private WebDriverWait waitFor(String what) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.withMessage(what);
        return wait;
    }
}
