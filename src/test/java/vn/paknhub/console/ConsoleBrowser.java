package vn.paknhub.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.paknhub.devstack.DevIdentityProvider;
import vn.paknhub.devstack.Totp;

/**
 * A real browser on the console for the tests (Debian's chromium and chromium-driver, headless, at the
 * 1366×768 of an office screen): signing in through the identity provider with a password and, unless told
 * otherwise, a TOTP code; waiting for what a page shows; screenshots into docs/console/ for the README.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path SHOTS = Path.of("docs/console");

    final WebDriver driver;
    private final int port;
    private final DevIdentityProvider.Officers officers;

    ConsoleBrowser(int port, DevIdentityProvider.Officers officers) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768",
                "--lang=vi");
        this.driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), options);
        this.port = port;
        this.officers = officers;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void get(String path) {
        driver.get(url(path));
    }

    /** The element once the page shows it (the page is rendered by the server: this waits for the navigation). */
    WebElement await(String id) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Waits for the page to show one of these (an outcome or a refusal), whichever it is. */
    void awaitOneOf(String... ids) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.or(java.util.Arrays.stream(ids)
                .map(id -> ExpectedConditions.presenceOfElementLocated(By.id(id))).toArray(
                        org.openqa.selenium.support.ui.ExpectedCondition[]::new)));
    }

    void signIn(String username, boolean withCode) {
        driver.manage().deleteAllCookies();
        driver.get(url("/console/"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        DevIdentityProvider.Officer officer = officers.named(username);
        driver.findElement(By.id("username")).sendKeys(officer.username());
        driver.findElement(By.id("password")).sendKeys(officer.password());
        if (withCode) {
            driver.findElement(By.id("code")).sendKeys(code(username));
        }
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/console/"));
    }

    /** The officer's current TOTP code, as their authenticator app shows it. */
    String code(String username) {
        return Totp.code(officers.named(username).totpSecret(), Instant.now().getEpochSecond());
    }

    void screenshot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
