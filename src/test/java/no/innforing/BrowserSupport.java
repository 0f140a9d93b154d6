package no.innforing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian for browser tests, driven by the system chromedriver: nothing is downloaded (Selenium
 * Manager is never asked, because both the browser and the driver are given). Screenshots go to
 * {@code target/screenshots/<name>.png}.
 */
public final class BrowserSupport {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Map<WebDriver, Path> PROFILES = new ConcurrentHashMap<>();

    /**
     * Selenium warns that it has no DevTools (CDP) classes for Debian's newer Chromium; the tests use only WebDriver,
     * so the warning is noise. Held here so that the levels stay set.
     */
    private static final List<Logger> QUIET = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver").map(Logger::getLogger).toList();

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private BrowserSupport() {
    }

    /**
     * Chromium and chromedriver must be installed: on CI (environment variable {@code CI=true}) a missing one fails
     * the test, locally the test is skipped with a message saying what to install.
     */
    public static void requireChromium() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (present) {
            return;
        }
        String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "; CI installs them in .ci/run, so they should be there");
        }
        assumeTrue(false, message + "; skipped");
    }

    /** Starts headless Chromium (1366x900, English UI, a fresh profile). End it with {@link #quit(WebDriver)}. */
    public static WebDriver startChromium() {
        return startChromium("en-US");
    }

    /**
     * Starts headless Chromium whose language is {@code language} (a BCP 47 tag such as {@code nb-NO} or
     * {@code en-US}: its UI language, {@code navigator.language} and the Accept-Language header) in a browser
     * on Oslo time, as the region's users are. End it with {@link #quit(WebDriver)}.
     */
    public static WebDriver startChromium(String language) {
        return startChromium(language, "Europe/Oslo");
    }

    /** As {@link #startChromium(String)}, with the browser's clock on the time zone {@code zone} (e.g. America/New_York). */
    public static WebDriver startChromium(String language, String zone) {
        requireChromium();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("innforing-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=" + language,
                "--user-data-dir=" + profile.toAbsolutePath());
        String primary = language.split("-")[0];
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language + "," + primary));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", zone, "LANGUAGE", language.replace('-', '_')))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        PROFILES.put(driver, profile);
        return driver;
    }

    /** Ends the browser and removes its profile. */
    public static void quit(WebDriver driver) {
        if (driver == null) {
            return;
        }
        try {
            driver.quit();
        } finally {
            Path profile = PROFILES.remove(driver);
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException ignored) {
                    // a left-over temp directory is harmless
                }
            }
        }
    }

    /** Writes what the browser shows to {@code target/screenshots/<name>.png} and returns that file. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            return Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what a failing browser test saw: {@code <name>.png} and the page source {@code <name>.html}. */
    public static void keepFailure(WebDriver driver, String name) {
        screenshot(driver, name);
        try {
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Logs in to a Camunda webapp (Tasklist, Cockpit …) the browser has been sent to, and waits until
     * {@code loggedIn} is visible. The webapps have no login of their own: without a session the server sends the
     * browser to the app's login page ({@code /login}), and back to the webapp after logging in (one login for the
     * app's pages and the webapps). Already logged in, it only waits.
     */
    public static void logInToCamunda(WebDriver driver, String user, String password, By loggedIn) {
        By username = By.id("username");
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage("the login page or the webapp")
                .ignoring(StaleElementReferenceException.class)
                .until(browser -> !browser.findElements(loggedIn).isEmpty()
                        || !browser.findElements(username).isEmpty());
        if (driver.findElements(loggedIn).isEmpty()) {
            logInOnTheLoginPage(driver, user, password);
        }
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage("the webapp after logging in as " + user)
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(loggedIn));
    }

    /** Fills in and sends the app's login form ({@code /login}) the browser shows. */
    public static void logInOnTheLoginPage(WebDriver driver, String user, String password) {
        WebElement name = new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage("the login form")
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.clear();
        name.sendKeys(user);
        WebElement secret = driver.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.cssSelector("main.login form button[type=submit]")).click();
    }
}
