package no.innforing.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import no.innforing.BrowserSupport;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The timeline tells the truth (issue 13), in headless Chromium: a municipality in its early start has a bar from the
 * day its early start began (today here), and a moved municipality is drawn in its new wave with the original marked.
 */
class TimelineBrowserTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;
    @Autowired
    TaskService taskService;

    WebDriver browser;

    @BeforeEach
    void kristiansundInItsEarlyStart() {
        BrowserSupport.requireChromium();
        String instance = projects.register(new Registration("1505", "KI3", true, ProjectPhase.POLITICAL_DECISION,
                null, null)).getProcessInstanceId();
        complete(instance, Map.of(ProjectProcess.VAR_COUNCIL_DECISION, "JOIN"));
        complete(instance, Map.of(ProjectProcess.VAR_CALL_OFF_SIGNED_ON, "2026-03-01"));
        assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
                .isEqualTo(ProjectProcess.TASK_PLAN_EARLY_START);
        projects.moveToWave("1505", "KI4", "Vil bruke tjuvstarten lenger", false);
        user("rag-tidslinje", "rag-tidslinje-passord", "rag");
        browser = BrowserSupport.startChromium();
    }

    @AfterEach
    void closeBrowser() {
        BrowserSupport.quit(browser);
    }

    @Test
    void anEarlyStartIsDrawnFromTheDayItBeganAndAMovedProjectShowsItsOriginalWave() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/overview");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("rag-tidslinje");
        browser.findElement(By.id("password")).sendKeys("rag-tidslinje-passord");
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();

        WebElement timeline = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("section.timeline svg")));
        WebElement early = timeline.findElement(By.cssSelector("rect.bar-early"));
        assertThat(early.findElement(By.tagName("title")).getAttribute("textContent"))
                .isEqualTo("Kristiansund (KI4): tjuvstart 02.03.2026–05.02.2027");
        WebElement today = timeline.findElement(By.cssSelector("line.today"));
        assertThat(Double.parseDouble(early.getAttribute("x")))
                .isCloseTo(Double.parseDouble(today.getAttribute("x1")), within(0.01));
        WebElement pre = timeline.findElement(By.cssSelector("rect.bar-pre"));
        assertThat(Double.parseDouble(pre.getAttribute("x")))
                .isCloseTo(Double.parseDouble(early.getAttribute("x")) + Double.parseDouble(early.getAttribute("width")),
                        within(0.01));
        assertThat(timeline.getText()).contains("Kristiansund · KI4 (fra KI3)");
        assertThat(early.getRect().getWidth()).isGreaterThan(10);
        BrowserSupport.screenshot(browser, "timeline-early-start");
    }

    private void complete(String instance, Map<String, Object> variables) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId(),
                variables);
    }
}
