package dev.ydmyk.channels;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's Chromium and ChromeDriver, headless. CI installs them (.ci/run) and sets
 * YDMYK_BROWSER_REQUIRED=true, so there a missing browser fails the build; elsewhere the browser
 * tests are skipped with a message saying how to install it.
 */
public final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    public static ChromeDriver open(int width, int height) throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present) {
            if ("true".equals(System.getenv("YDMYK_BROWSER_REQUIRED")) || Boolean.getBoolean("ydmyk.browser.required")) {
                throw new AssertionError("Chromium is required here: apt-get install chromium chromium-driver");
            }
            Assumptions.abort("No Chromium: apt-get install chromium chromium-driver to run the channel page tests");
        }
        Path profile = Files.createTempDirectory("ydmyk-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }
}
