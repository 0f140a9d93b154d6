package no.innforing;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the Tasklist browser tests do in Tasklist: log in, pick the own municipality's filter, open and claim a task. */
public final class TasklistSupport {

    public static final String MY_MUNICIPALITY_FILTER = "Min kommunes åpne oppgaver";

    private TasklistSupport() {
    }

    /** A fresh explicit wait (30 s) whose timeout message names what was awaited. */
    public static WebDriverWait waitFor(WebDriver browser, String what) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.withMessage(what);
        return wait;
    }

    public static void logIn(WebDriver browser, int port, String user, String password) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        By filters = By.cssSelector(".task-filter");
        BrowserSupport.logInToCamunda(browser, user, password, filters);
        waitFor(browser, "the filters").until(ExpectedConditions.visibilityOfElementLocated(filters));
    }

    /**
     * Picks the filter "Min kommunes åpne oppgaver", waits until {@code expected} is listed and returns the names and
     * definitions of the listed tasks.
     */
    public static List<String> myMunicipalitysTasks(WebDriver browser, String expected) {
        By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(normalize-space(.),'"
                + MY_MUNICIPALITY_FILTER + "')]]");
        WebElement mine = waitFor(browser, "the filter " + MY_MUNICIPALITY_FILTER)
                .until(ExpectedConditions.elementToBeClickable(filter));
        if (!mine.getAttribute("class").contains("active")) {
            mine.findElement(By.cssSelector("h4.name a")).click();
            waitFor(browser, "the filter to be selected")
                    .until(ExpectedConditions.attributeContains(filter, "class", "active"));
        }
        waitFor(browser, expected + " in the list").until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ol.tasks-list"), expected));
        return browser.findElements(By.cssSelector("ol.tasks-list li.task")).stream().map(WebElement::getText).toList();
    }

    /** Opens the listed task {@code name}, claims it when it is not yet claimed and waits for its Camunda Form. */
    public static void openAndClaim(WebDriver browser, String name) {
        browser.findElement(By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')]"
                + "//h4[contains(@class,'task')]/a[contains(normalize-space(.),'" + name + "')]")).click();
        waitFor(browser, "the task card of " + name).until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-card h2.task"), name));
        List<WebElement> claim = browser.findElements(By.cssSelector(".task-card button.claim"));
        if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
            claim.get(0).click();
            waitFor(browser, "the task to be claimed").until(
                    ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-card button.claim")));
        }
        waitFor(browser, "the Camunda Form (form-js) to render").until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    }

    /** The form-js input whose label reads {@code label}. */
    public static WebElement input(WebDriver browser, String label) {
        WebElement labelElement = waitFor(browser, "the field " + label).until(
                ExpectedConditions.visibilityOfElementLocated(By.xpath("//form[contains(@class,'fjs-form')]"
                        + "//label[contains(normalize-space(.),'" + label + "')]")));
        return browser.findElement(By.id(labelElement.getAttribute("for")));
    }

    /** Tasklist's button that completes the open task (Fullfør). */
    public static WebElement completeButton(WebDriver browser) {
        return browser.findElement(By.cssSelector(".form-actions button.btn-primary"));
    }
}
