package no.innforing;

import static no.innforing.TasklistSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist shows dates in Oslo time also in a browser on another zone's time: a project leader on New York time
 * (TZ=America/New_York) sees the due date of Aure's political decision (23:59 in Oslo, 17:59 in New York) as
 * 23:59 with the Oslo day, and the footer names the browser's own zone.
 */
class OsloTimeBrowserTests extends IntegrationTest {

    static final String PROJECT_LEADER = "pl-1576";
    static final String PASSWORD = "pl-1576-passord";
    static final String TASK = "Registrer politisk vedtak";
    static final String ZONE = "America/New_York";

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;
    @Autowired
    TaskService taskService;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        BrowserSupport.quit(browser);
    }

    @Test
    void aDueDateShowsInOsloTimeInABrowserOnNewYorkTime() throws Exception {
        BrowserSupport.requireChromium();
        String aure = projects.register(Registration.of("1576", "KI3")).getProcessInstanceId();
        user(PROJECT_LEADER, PASSWORD, "municipality-1576");
        var due = taskService.createTaskQuery().processInstanceId(aure).singleResult().getDueDate().toInstant();
        String inOslo = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("nb"))
                .format(due.atZone(OSLO));
        String inNewYork = DateTimeFormatter.ofPattern("'kl.' HH:mm").format(due.atZone(java.time.ZoneId.of(ZONE)));
        assertThat(inOslo).isNotEqualTo(inNewYork);

        browser = BrowserSupport.startChromium("nb-NO", ZONE);
        try {
            TasklistSupport.logIn(browser, port, PROJECT_LEADER, PASSWORD);
            assertThat(((JavascriptExecutor) browser).executeScript(
                    "return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo(ZONE);
            TasklistSupport.myMunicipalitysTasks(browser, TASK);
            By dueDate = By.cssSelector("ol.tasks-list li.task .due-date [uib-tooltip]");
            String shown = waitFor(browser, "the due date's full date").until(driver -> {
                String tooltip = driver.findElement(dueDate).getAttribute("uib-tooltip");
                return tooltip != null && tooltip.contains("kl.") ? tooltip : null;
            });
            BrowserSupport.screenshot(browser, "oslo-time-tasklist");
            assertThat(shown).endsWith(inOslo).doesNotContain(inNewYork);
            assertThat(browser.findElement(By.cssSelector("body")).getText())
                    .contains("Dato og klokkeslett vises i norsk tid. Nettleserens tidssone: " + ZONE);
        } catch (Exception | AssertionError e) {
            BrowserSupport.keepFailure(browser, "oslo-time-failure");
            throw e;
        }
    }
}
