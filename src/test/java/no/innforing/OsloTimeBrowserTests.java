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
 * 23:59 with the Oslo day, and the footer names the browser's own zone. A date and time picked in Tasklist's own
 * date pickers (*Sett oppfølgingsdato*) is Oslo time too: 09:30 picked is sent as 09:30 in Oslo.
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

    /**
     * Tasklist's date pickers hand over the picked date and time without a zone, and Tasklist's own {@code fixDate}
     * turns it into the instant it sends: in a New York browser, 09:30 picked must be 09:30 in Oslo (winter and
     * summer time). The pickers themselves cannot be driven end to end here: Camunda 7.24 refuses the task update that
     * Tasklist sends for a task with a Camunda Form (camunda:formRef), whatever the date.
     */
    @Test
    void aDateTimePickedInTasklistIsSentAsOsloTimeFromABrowserOnNewYorkTime() throws Exception {
        BrowserSupport.requireChromium();
        projects.register(Registration.of("1576", "KI3"));
        user(PROJECT_LEADER, PASSWORD, "municipality-1576");
        browser = BrowserSupport.startChromium("nb-NO", ZONE);
        try {
            TasklistSupport.logIn(browser, port, PROJECT_LEADER, PASSWORD);
            TasklistSupport.myMunicipalitysTasks(browser, TASK);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            String fixDate = "return angular.element(document.querySelector('.ng-scope')).injector()"
                    + ".get('fixDate')(arguments[0]);";
            assertThat(js.executeScript(fixDate, "2026-11-20T09:30:00")).isEqualTo("2026-11-20T09:30:00.000+0100");
            assertThat(js.executeScript(fixDate, "2027-06-20T23:59:00")).isEqualTo("2027-06-20T23:59:00.000+0200");
            // A time with its zone, as the REST API gives it, keeps its instant.
            assertThat(js.executeScript(fixDate, "2026-11-20T09:30:00.000-0500"))
                    .isEqualTo("2026-11-20T15:30:00.000+0100");
        } catch (Exception | AssertionError e) {
            BrowserSupport.keepFailure(browser, "oslo-time-picked-failure");
            throw e;
        }
    }
}
