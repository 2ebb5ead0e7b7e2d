package io.ccsfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (no Selenium Manager, no
 * download): a fresh profile per run, no background traffic, a laptop-sized window. Waits are
 * bounded; JavaScript errors and CSP violations in the browser's console fail the test.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path screenshots;

    private ConsoleBrowser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
        this.screenshots = screenshots;
    }

    static ConsoleBrowser start(Path profile, Path screenshots) {
        assertThat(CHROMIUM).as("Debian package chromium (.ci/run installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian package chromium-driver (.ci/run installs it)").isExecutable();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConsoleBrowser(new ChromeDriver(service, o), screenshots);
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement present(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    void waitText(String css, String text) {
        wait.withMessage(() -> css + " never contained \"" + text + "\": " + texts(css))
                .until(d -> texts(css).stream().anyMatch(t -> t.contains(text)));
    }

    List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> {
            try {
                return e.getText();
            } catch (org.openqa.selenium.StaleElementReferenceException x) {
                return "";
            }
        }).toList();
    }

    void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    /** Follows the navigation link {@code text} (no reload). */
    void nav(String text, String pageId) {
        driver.findElement(By.linkText(text)).click();
        visible("#" + pageId);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** fetch() from inside the page (same origin, the session cookie): [status, body]. */
    @SuppressWarnings("unchecked")
    List<Object> fetch(String method, String path, String body, Map<String, String> headers) {
        return (List<Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const [m, p, b, h, done] = arguments;"
                        + "fetch(p, {method: m, body: b, headers: h, credentials: 'same-origin'})"
                        + ".then(async r => done([r.status, await r.text()])).catch(e => done([0, String(e)]));",
                method, path, body, headers);
    }

    /** Saves a screenshot of the whole page (up to 3,000 pixels high) as {@code <screenshots>/<name>.png}. */
    Path screenshot(String name) {
        org.openqa.selenium.Dimension laptop = driver.manage().window().getSize();
        long high = (Long) js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(laptop.getWidth(), (int) Math.min(3000, high + 140)));
        File f;
        try {
            f = driver.getScreenshotAs(OutputType.FILE);
        } finally {
            driver.manage().window().setSize(laptop);
        }
        Path to = screenshots.resolve(name + ".png");
        try {
            Files.copy(f.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** The browser console's errors since the last call, minus the HTTP statuses a test provoked on purpose. */
    List<String> errors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource: the server responded with a status of"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
