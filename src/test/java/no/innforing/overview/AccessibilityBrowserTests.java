package no.innforing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.innforing.BrowserSupport;
import no.innforing.IntegrationTest;
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
 * A and AA rules on the login page, the accessibility statement and RAG's regional overview.
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
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
