package no.innforing;

import static no.innforing.TasklistSupport.completeButton;
import static no.innforing.TasklistSupport.input;
import static no.innforing.TasklistSupport.waitFor;
import static no.innforing.project.ProjectProcess.TASK_REGISTER_POLITICAL_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Dates typed the Norwegian way into a Camunda Form in Tasklist, in a browser set to Norwegian and in one set to US
 * English: Aure's project leader registers the political decision. The field names the format dd.mm.åååå;
 * 31.02.2027 is refused under the field in Norwegian and completing is blocked with nothing stored; 01.11.2026 is
 * then stored as 1 November 2026. Camunda Forms' own message for an emptied required field shows in Bokmål. Screenshots in {@code target/screenshots/form-date-*.png}.
 */
class FormDateBrowserTests extends IntegrationTest {

    static final String PROJECT_LEADER = "pl-1576";
    static final String PASSWORD = "pl-1576-passord";
    static final String TASK = "Registrer politisk vedtak";

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;
    @Autowired
    TaskService taskService;

    String aure;
    WebDriver browser;

    @BeforeEach
    void aureBeforeItsPoliticalDecision() {
        BrowserSupport.requireChromium();
        aure = projects.register(Registration.of("1576", "KI3")).getProcessInstanceId();
        user(PROJECT_LEADER, PASSWORD, "municipality-1576");
    }

    @AfterEach
    void closeBrowser() {
        BrowserSupport.quit(browser);
    }

    @ParameterizedTest(name = "browser language {0}")
    @ValueSource(strings = {"nb-NO", "en-US"})
    void aDateTypedAsNorwegiansWriteItIsStoredAndAnImpossibleOneIsRefused(String language) throws Exception {
        browser = BrowserSupport.startChromium(language);
        String shots = "form-date-" + language;
        try {
            TasklistSupport.logIn(browser, port, PROJECT_LEADER, PASSWORD);
            TasklistSupport.myMunicipalitysTasks(browser, TASK);
            TasklistSupport.openAndClaim(browser, TASK);
            click(browser.findElement(By.xpath("//form[contains(@class,'fjs-form')]//label[contains("
                    + "normalize-space(.),'Kommunen utløser opsjonen og deltar')]")));
            WebElement date = input(browser, "Vedtaksdato");
            waitFor(browser, "the date field to be taken over").until(
                    driver -> "dd.mm.åååå".equals(date.getAttribute("placeholder")));

            // form-js' own validation message, in Bokmål (the webapps' language whatever the browser's)
            WebElement caseReference = input(browser, "Saksnummer");
            click(caseReference);
            caseReference.sendKeys("x", Keys.BACK_SPACE);
            click(date);
            waitFor(browser, "the required-field message under Saksnummer").until(driver -> driver.findElements(
                    By.cssSelector(".fjs-form-field-error")).stream().anyMatch(message -> message.isDisplayed()
                    && message.getText().equals("Feltet må fylles ut.")));
            assertThat(browser.findElement(By.cssSelector("form.fjs-form")).getText())
                    .doesNotContain("Field is required");

            type(date, "31.02.2027");
            click(caseReference);
            caseReference.sendKeys("2026/17");
            WebElement error = waitFor(browser, "the message under Vedtaksdato").until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".innforing-date-error")));
            assertThat(error.getText()).isEqualTo(
                    "Datoen 31.02.2027 finnes ikke. Skriv en dato som finnes, som dd.mm.åååå.");
            assertThat(date.getAttribute("value")).isEqualTo("31.02.2027");
            assertThat(date.getAttribute("aria-invalid")).isEqualTo("true");
            BrowserSupport.screenshot(browser, shots + "-1-refused");

            // Tasklist disables Fullfør here because the required field has no value; an optional date field would
            // leave it enabled, so the button is enabled by hand to show that the date check blocks completing too.
            WebElement complete = completeButton(browser);
            assertThat(complete.isEnabled()).isFalse();
            ((JavascriptExecutor) browser).executeScript("arguments[0].disabled = false", complete);
            countCompletionRequests();
            click(complete);
            waitFor(browser, "the refusal to be repeated").until(driver -> error.getText().endsWith(
                    "Rett datoen som er merket, før du fullfører oppgaven."));
            // the click is refused before Tasklist sends anything: no completion request ever left the page
            assertThat(((JavascriptExecutor) browser).executeScript("return window.innforingCompletions"))
                    .isEqualTo(0L);
            assertThat(taskService.createTaskQuery().processInstanceId(aure)
                    .taskDefinitionKey(TASK_REGISTER_POLITICAL_DECISION).count()).isEqualTo(1);
            assertThat(runtimeService.getVariable(aure, "politicalDecisionDate")).isNull();

            type(date, "nesten jul");
            click(caseReference);
            waitFor(browser, "the message for an unreadable date").until(driver -> error.getText().equals(
                    "Datoen kan ikke leses. Skriv den som dd.mm.åååå, for eksempel 01.11.2026."));

            type(date, "01.11.2026");
            click(caseReference);
            waitFor(browser, "the message to go").until(
                    ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".innforing-date-error")));
            assertThat(date.getAttribute("value")).isEqualTo("01.11.2026");
            BrowserSupport.screenshot(browser, shots + "-2-accepted");

            click(completeButton(browser));
            waitFor(browser, "the political decision to be completed in the engine").until(driver ->
                    taskService.createTaskQuery().processInstanceId(aure)
                            .taskDefinitionKey(TASK_REGISTER_POLITICAL_DECISION).count() == 0);
            assertThat(((JavascriptExecutor) browser).executeScript("return window.innforingCompletions"))
                    .as("the counter sees the completion that was sent").isEqualTo(1L);
        } catch (Exception | AssertionError e) {
            BrowserSupport.keepFailure(browser, shots + "-failure");
            throw e;
        }
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(aure)
                .variableName("politicalDecisionDate").singleResult().getValue()).isEqualTo("2026-11-01");
        assertThat(runtimeService.getVariable(aure, "councilDecision")).isEqualTo("JOIN");
    }

    /**
     * Counts, in the page, the requests Tasklist opens to complete or submit a task (Tasklist's $http uses
     * XMLHttpRequest), so that the test can tell that none was sent instead of waiting to see whether one arrives.
     */
    private void countCompletionRequests() {
        ((JavascriptExecutor) browser).executeScript("""
                window.innforingCompletions = 0;
                const open = XMLHttpRequest.prototype.open;
                XMLHttpRequest.prototype.open = function (method, url) {
                  if (/\\/task\\/[^/]+\\/(complete|submit-form)$/.test(String(url))) {
                    window.innforingCompletions++;
                  }
                  return open.apply(this, arguments);
                };
                """);
    }

    /** Empties the field and types {@code text}; Escape closes the calendar that would cover the next field. */
    private void type(WebElement field, String text) {
        click(field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
        field.sendKeys(Keys.ESCAPE);
        waitFor(browser, "the calendar to close").until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".flatpickr-calendar.open")));
    }

    /** Scrolls the element to the middle of the window (Tasklist's footer covers the bottom) and clicks it. */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private org.camunda.bpm.engine.HistoryService historyService() {
        return processEngine.getHistoryService();
    }
}
