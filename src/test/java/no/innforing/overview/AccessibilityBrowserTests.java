package no.innforing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.innforing.BrowserSupport;
import no.innforing.IntegrationTest;
import no.innforing.TasklistSupport;
import no.innforing.project.ProjectPhase;
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
 * axe-core in headless Chromium on the app's own pages: no serious or critical violation of the WCAG 2.0 and 2.1
 * A and AA rules on the login page, the accessibility statement, the regional overview (RAG and a project leader),
 * /benefits, /benefits/{number}, /notifications and the refusal page. Tasklist's form view (Camunda's webapp) is
 * checked too, and its findings written to {@code target/screenshots/axe-tasklist-form.txt} for the README.
 */
class AccessibilityBrowserTests extends IntegrationTest {

    private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void projectsAndARagMember() {
        BrowserSupport.requireChromium();
        projects.register(new Registration("1505", "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null, null));
        projects.register(new Registration("5001", "PD1", false, ProjectPhase.STABILIZATION, null, null));
        user("rag-axe", "rag-axe-passord", "rag");
        browser = BrowserSupport.startChromium("nb-NO");
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        BrowserSupport.quit(browser);
    }

    @Test
    void theLoginPageTheStatementAndTheOverviewPassAxe() {
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertNoSeriousViolations("/login");

        browser.get("http://localhost:" + port + "/tilgjengelighet");
        wait.until(ExpectedConditions.titleIs("Tilgjengelighetserklæring – Innføring"));
        assertNoSeriousViolations("/tilgjengelighet");

        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("rag-axe");
        browser.findElement(By.id("password")).sendKeys("rag-axe-passord");
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();
        wait.until(ExpectedConditions.titleIs("Regional oversikt – Innføring"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.timeline svg")));
        assertNoSeriousViolations("/overview (RAG)");

        for (String page : List.of("/benefits", "/benefits/1505", "/notifications")) {
            open(page);
            assertNoSeriousViolations(page + " (RAG)");
        }
    }

    @Test
    void aProjectLeadersPagesAndTheRefusalPagePassAxeAndTasklistsFormIsReported() throws Exception {
        user("pl-axe", "pl-axe-passord", "municipality-1505");
        logIn("pl-axe", "pl-axe-passord");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main")));
        assertNoSeriousViolations("/overview (project leader)");
        open("/benefits/1505");
        assertNoSeriousViolations("/benefits/1505 (project leader)");
        browser.get("http://localhost:" + port + "/benefits/5001");
        wait.until(ExpectedConditions.titleContains("Ingen tilgang"));
        assertNoSeriousViolations("refusal page (project leader opening /benefits/5001)");

        // Camunda's Tasklist with a Camunda Form: third-party, so its findings are reported (README), not failed on.
        TasklistSupport.logIn(browser, port, "pl-axe", "pl-axe-passord");
        By firstTask = By.cssSelector("ol.tasks-list li.task h4.task a");
        String task = wait.until(ExpectedConditions.visibilityOfElementLocated(firstTask)).getText();
        TasklistSupport.openAndClaim(browser, task);
        TasklistSupport.input(browser, "Kommune");
        Results tasklist = new AxeBuilder().withTags(WCAG_A_AA).analyze(browser);
        assertThat(tasklist.isErrored()).as("axe ran on Tasklist: " + tasklist.getErrorMessage()).isFalse();
        String report = "axe-core, WCAG 2.0/2.1 A and AA, Tasklist form view (" + task + "):\n"
                + describe(tasklist.getViolations());
        Files.createDirectories(BrowserSupport.SCREENSHOTS);
        Files.writeString(BrowserSupport.SCREENSHOTS.resolve("axe-tasklist-form.txt"), report);
        System.out.println(report);
        assertThat(tasklist.getPasses()).as("axe checked something in Tasklist").isNotEmpty();
    }

    private void logIn(String user, String password) {
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void open(String page) {
        browser.get("http://localhost:" + port + page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main")));
    }

    private void assertNoSeriousViolations(String page) {
        Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(browser);
        assertThat(results.isErrored()).as("axe ran on " + page + ": " + results.getErrorMessage()).isFalse();
        List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact()))
                .toList();
        assertThat(blocking).as("serious or critical WCAG A/AA violations on " + page + ":\n" + describe(blocking))
                .isEmpty();
        assertThat(results.getPasses()).as("axe checked something on " + page).isNotEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " – "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "))
                + " [" + String.join(", ", rule.getTags()) + "]")
                .collect(Collectors.joining("\n"));
    }
}
