package no.innforing;

import static no.innforing.project.ProjectProcess.TASK_REGISTER_POLITICAL_DECISION;
import static no.innforing.project.ProjectProcess.TASK_SIGN_CALL_OFF_AGREEMENT;
import static no.innforing.project.ProjectProcess.TIMER_PRE_PROJECT_START;
import static no.innforing.project.ProjectProcess.VAR_CALL_OFF_SIGNED_ON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in a real browser (headless Chromium from Debian): Kristiansund's project leader logs in, sees only
 * Kristiansund's task (not Aure's), works the Camunda Form "Signer avropsavtale" with its date picker, completes it,
 * and the process moves on. Screenshots of every step are kept under {@code target/screenshots/}.
 */
class TasklistBrowserTests extends IntegrationTest {

    static final String PROJECT_LEADER = "pl-1505";
    static final String PASSWORD = "pl-1505-passord";
    static final String MY_MUNICIPALITY_FILTER = "Min kommunes åpne oppgaver";
    static final LocalDate SIGNED_ON = LocalDate.of(2026, 2, 20);
    static final String SIGNED_BY = "Kommunedirektør Kari Nordmann";

    @LocalServerPort
    int port;
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
    void kristiansundSigningTheCallOffAgreementAndAureBeforeItsDecision() {
        BrowserSupport.requireChromium();
        kristiansund = projects.register(Registration.of("1505", "KI3")).getProcessInstanceId();
        aure = projects.register(Registration.of("1576", "KI3")).getProcessInstanceId();
        if (identityService.createUserQuery().userId(PROJECT_LEADER).count() == 0) {
            User user = identityService.newUser(PROJECT_LEADER);
            user.setFirstName("Pia");
            user.setLastName("Prosjektleder");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(PROJECT_LEADER, "municipality-1505");
        }
        taskService.complete(openTaskOf(kristiansund).getId(), Map.of("councilDecision", "JOIN"));
        assertThat(openTaskOf(kristiansund).getTaskDefinitionKey()).isEqualTo(TASK_SIGN_CALL_OFF_AGREEMENT);
        assertThat(openTaskOf(aure).getTaskDefinitionKey()).isEqualTo(TASK_REGISTER_POLITICAL_DECISION);

        browser = BrowserSupport.startChromium();
    }

    @AfterEach
    void closeBrowser() {
        BrowserSupport.quit(browser);
    }

    @Test
    void aProjectLeaderWorksTheirOwnTaskThroughTheCamundaFormInTasklist() throws Exception {
        try {
            logIn();
            List<String> listed = myMunicipalitysTasks();
            assertThat(listed).anySatisfy(name -> assertThat(name).contains("Signer avropsavtale"))
                    .noneSatisfy(name -> assertThat(name).contains("Registrer politisk vedtak"));
            BrowserSupport.screenshot(browser, "tasklist-02-task-list");

            openInTasklist("Signer avropsavtale");
            fillInTheCallOffAgreement();
            BrowserSupport.screenshot(browser, "tasklist-04-form-filled");

            browser.findElement(By.cssSelector(".form-actions button.btn-primary")).click();
            waitFor("the call-off task to be completed in the engine").until(
                    driver -> taskService.createTaskQuery().processInstanceId(kristiansund)
                            .taskDefinitionKey(TASK_SIGN_CALL_OFF_AGREEMENT).count() == 0);
            waitFor("Tasklist to drop the completed task").until(ExpectedConditions.invisibilityOfElementLocated(
                    By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(.,'Signer avropsavtale')]")));
            BrowserSupport.screenshot(browser, "tasklist-05-completed");
        } catch (Exception | AssertionError e) {
            BrowserSupport.screenshot(browser, "tasklist-failure");
            Files.writeString(BrowserSupport.SCREENSHOTS.resolve("tasklist-failure.html"), browser.getPageSource());
            throw e;
        }

        assertThat(projects.currentProject("1505").getCallOffAgreementSignedOn()).isEqualTo(SIGNED_ON);
        assertThat(runtimeService.getVariable(kristiansund, "callOffAgreementSignedBy")).isEqualTo(SIGNED_BY);
        assertThat(runtimeService.getVariable(kristiansund, VAR_CALL_OFF_SIGNED_ON)).isNotNull();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(kristiansund)
                .taskDefinitionKey(TASK_SIGN_CALL_OFF_AGREEMENT).singleResult().getAssignee())
                .isEqualTo(PROJECT_LEADER);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(kristiansund).singleResult())
                .isWaitingAt(TIMER_PRE_PROJECT_START);
        assertThat(openTaskOf(aure).getTaskDefinitionKey()).isEqualTo(TASK_REGISTER_POLITICAL_DECISION);
    }

    private void logIn() {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        By filters = By.cssSelector(".task-filter");
        BrowserSupport.logInToCamunda(browser, PROJECT_LEADER, PASSWORD, filters);
        waitFor("the filters").until(ExpectedConditions.visibilityOfElementLocated(filters));
    }

    /** Picks the filter "Min kommunes åpne oppgaver" and returns the names and definitions of the listed tasks. */
    private List<String> myMunicipalitysTasks() {
        By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(normalize-space(.),'"
                + MY_MUNICIPALITY_FILTER + "')]]");
        WebElement mine = waitFor("the filter " + MY_MUNICIPALITY_FILTER)
                .until(ExpectedConditions.elementToBeClickable(filter));
        if (!mine.getAttribute("class").contains("active")) {
            mine.findElement(By.cssSelector("h4.name a")).click();
            waitFor("the filter to be selected")
                    .until(ExpectedConditions.attributeContains(filter, "class", "active"));
        }
        By tasks = By.cssSelector("ol.tasks-list li.task");
        waitFor("Kristiansund's call-off task in the list").until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ol.tasks-list"),
                        "Signer avropsavtale"));
        return browser.findElements(tasks).stream().map(WebElement::getText).toList();
    }

    private void openInTasklist(String name) {
        browser.findElement(By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')]"
                + "//h4[contains(@class,'task')]/a[contains(normalize-space(.),'" + name + "')]")).click();
        waitFor("the task card of " + name).until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-card h2.task"), name));
        assertThat(browser.findElement(By.cssSelector(".task-card .tenant-id")).getText()).isEqualTo("1505");
        List<WebElement> claim = browser.findElements(By.cssSelector(".task-card button.claim"));
        if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
            claim.get(0).click();
            waitFor("the task to be claimed").until(
                    ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-card button.claim")));
        }
        waitFor("the Camunda Form (form-js) to render").until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        BrowserSupport.screenshot(browser, "tasklist-03-form");
    }

    private void fillInTheCallOffAgreement() {
        WebElement municipality = input("Kommune");
        waitFor("the municipality in the form")
                .until(driver -> "Kristiansund".equals(municipality.getAttribute("value")));

        WebElement date = input("Dato avropsavtalen ble signert");
        waitFor("the date field").until(ExpectedConditions.elementToBeClickable(date));
        // form-js shows the date in the browser's locale; its placeholder names the format, e.g. mm/dd/yyyy.
        String typed = inFormat(date.getAttribute("placeholder"), SIGNED_ON);
        date.click();
        date.sendKeys(typed);
        // Escape closes the calendar that covers the next field; leaving the field then makes the picker take the date.
        date.sendKeys(Keys.ESCAPE);
        waitFor("the calendar to close").until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".flatpickr-calendar.open")));

        WebElement signedBy = input("Signert av");
        signedBy.click();
        signedBy.sendKeys(SIGNED_BY);
        // The picker takes the date and shows it in its own format (en-US: 2/20/2026).
        waitFor("the date picker to take " + typed).until(
                driver -> numbers(typed).equals(numbers(date.getAttribute("value"))));
        waitFor("the signer's name").until(driver -> SIGNED_BY.equals(signedBy.getAttribute("value")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", signedBy);
    }

    /** A fresh explicit wait (30 s) whose timeout message names what was awaited. */
    private WebDriverWait waitFor(String what) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.withMessage(what);
        return wait;
    }

    /** The form-js input whose label reads {@code label}. */
    private WebElement input(String label) {
        WebElement labelElement = waitFor("the field " + label).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//form[contains(@class,'fjs-form')]//label[contains(normalize-space(.),'" + label + "')]")));
        return browser.findElement(By.id(labelElement.getAttribute("for")));
    }

    static String inFormat(String placeholder, LocalDate day) {
        String pattern = placeholder == null || placeholder.isBlank() ? "mm/dd/yyyy" : placeholder.toLowerCase();
        return pattern.replace("yyyy", String.valueOf(day.getYear()))
                .replace("mm", String.format("%02d", day.getMonthValue()))
                .replace("dd", String.format("%02d", day.getDayOfMonth()));
    }

    /** The numbers in a displayed date, without leading zeros: 02/20/2026 and 2/20/2026 give [2, 20, 2026]. */
    static List<Integer> numbers(String displayed) {
        return displayed == null ? List.of() : java.util.Arrays.stream(displayed.split("\\D+"))
                .filter(part -> !part.isEmpty()).map(Integer::valueOf).toList();
    }

    private Task openTaskOf(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }
}
