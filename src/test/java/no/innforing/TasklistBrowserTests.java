package no.innforing;

import static no.innforing.project.ProjectProcess.TASK_REGISTER_POLITICAL_DECISION;
import static no.innforing.project.ProjectProcess.TASK_SIGN_CALL_OFF_AGREEMENT;
import static no.innforing.project.ProjectProcess.TIMER_PRE_PROJECT_START;
import static no.innforing.project.ProjectProcess.VAR_CALL_OFF_SIGNED_ON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.innforing.project.ProjectService;
import no.innforing.shared.Norwegian;
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
 * Kristiansund's task (not Aure's), works the Camunda Form "Signer avropsavtale" (its date typed as dd.mm.åååå),
 * completes it, and the process moves on. Screenshots of every step are kept under {@code target/screenshots/}.
 */
class TasklistBrowserTests extends IntegrationTest {

    static final String PROJECT_LEADER = "pl-1505";
    static final String PASSWORD = "pl-1505-passord";
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
            BrowserSupport.keepFailure(browser, "tasklist-failure");
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
        TasklistSupport.logIn(browser, port, PROJECT_LEADER, PASSWORD);
    }

    private List<String> myMunicipalitysTasks() {
        return TasklistSupport.myMunicipalitysTasks(browser, "Signer avropsavtale");
    }

    private void openInTasklist(String name) {
        TasklistSupport.openAndClaim(browser, name);
        assertThat(browser.findElement(By.cssSelector(".task-card .tenant-id")).getText()).isEqualTo("1505");
        BrowserSupport.screenshot(browser, "tasklist-03-form");
    }

    private void fillInTheCallOffAgreement() {
        WebElement municipality = input("Kommune");
        waitFor("the municipality in the form")
                .until(driver -> "Kristiansund".equals(municipality.getAttribute("value")));

        WebElement date = input("Dato avropsavtalen ble signert");
        waitFor("the date field").until(ExpectedConditions.elementToBeClickable(date));
        assertThat(date.getAttribute("placeholder")).isEqualTo("dd.mm.åååå");
        String typed = Norwegian.date(SIGNED_ON);
        date.click();
        date.sendKeys(typed);
        // Escape closes the calendar that covers the next field; leaving the field then makes the picker take the date.
        date.sendKeys(Keys.ESCAPE);
        waitFor("the calendar to close").until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".flatpickr-calendar.open")));

        WebElement signedBy = input("Signert av");
        signedBy.click();
        signedBy.sendKeys(SIGNED_BY);
        waitFor("the date as typed").until(driver -> typed.equals(date.getAttribute("value")));
        waitFor("the signer's name").until(driver -> SIGNED_BY.equals(signedBy.getAttribute("value")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", signedBy);
    }

    private WebDriverWait waitFor(String what) {
        return TasklistSupport.waitFor(browser, what);
    }

    private WebElement input(String label) {
        return TasklistSupport.input(browser, label);
    }

    private Task openTaskOf(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }
}
