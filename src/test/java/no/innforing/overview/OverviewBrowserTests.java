package no.innforing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** RAG logs into the app in headless Chromium, opens the regional overview and sees the timeline. */
class OverviewBrowserTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;

    WebDriver browser;

    @BeforeEach
    void projectsAndARagMember() {
        BrowserSupport.requireChromium();
        projects.register(new Registration("1505", "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null, null));
        projects.register(new Registration("1576", "KI3", false, ProjectPhase.PRE_PROJECT, null, null));
        projects.register(new Registration("5001", "PD1", false, ProjectPhase.STABILIZATION, null, null));
        user("rag-nettleser", "rag-nettleser-passord", "rag");
        browser = BrowserSupport.startChromium();
    }

    @AfterEach
    void closeBrowser() {
        BrowserSupport.quit(browser);
    }

    @Test
    void ragOpensTheOverviewAndSeesTheTimeline() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/overview");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        BrowserSupport.screenshot(browser, "overview-01-login");
        browser.findElement(By.id("username")).sendKeys("rag-nettleser");
        browser.findElement(By.id("password")).sendKeys("rag-nettleser-passord");
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();

        wait.until(ExpectedConditions.titleIs("Regional oversikt – Innføring"));
        WebElement timeline = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("section.timeline svg")));
        assertThat(timeline.findElements(By.cssSelector("rect.bar-main"))).hasSize(3);
        assertThat(timeline.findElements(By.cssSelector("rect.deadline"))).hasSize(2);
        assertThat(timeline.getText()).contains("Kristiansund · KI3").contains("Trondheim · PD1").contains("I dag");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Bølge KI3 – Kommunal innføring 3 (produksjonssetting 31.03.2028)")
                .contains("Signer tjenesteavtale eller fratre, 28.02.2027");
        BrowserSupport.screenshot(browser, "overview-02-timeline");

        // Keyboard: the skip link is the first stop and leads to the content.
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Hopp til innholdet");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("wave"))).selectByValue("PD1");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("wave=PD1"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Trondheim").doesNotContain("Kristiansund");
        BrowserSupport.screenshot(browser, "overview-03-filtered");
    }
}
