package dev.ydmyk.channels;

import dev.ydmyk.Api;
import dev.ydmyk.incidents.StormProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A storm on the channel page in Chromium: one live card, not a card per customer; one click answers them all. */
@QuarkusTest
@TestProfile(StormProfile.class)
class IncidentPageTest {

    static final List<String> OUTAGE = List.of(
            "Internett er nede igjen! Fiberen har vært borte siden i morges og jeg jobber hjemmefra.",
            "Hvorfor er nettet nede? Ingen fiber i hele Bergen siden kl 07, og ingen sier noe.",
            "Fiberen er død. Ikke noe internett siden i morges. Hva skjer??",
            "Nettet nede her også, fiber borte siden halv åtte. Har hjemmekontor og får ikke jobbet.",
            "Internett nede i hele nabolaget, fiberboksen blinker rødt siden i morges.",
            "Er det bare meg eller er fiberen nede? Ikke internett siden kl 07.",
            "Fiberen nede hos oss også, internett borte siden i morges.",
            "Ingen internett siden i morges, fiberen er død her i Åsane.");

    @TestHTTPResource("/channel")
    URL channel;
    @Inject
    AgroalDataSource ds;

    private final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(WebDriver::quit);
    }

    private ChromeDriver signIn(String login, String password, int width, int height) throws Exception {
        ChromeDriver b = Browser.open(width, height);
        browsers.add(b);
        b.get(channel.toString());
        b.findElement(By.id("login")).sendKeys(login);
        b.findElement(By.id("password")).sendKeys(password);
        b.findElement(By.id("sign-in")).click();
        wait(b).until(ExpectedConditions.textToBe(By.id("connection"), "live"));
        return b;
    }

    private static WebDriverWait wait(WebDriver b) {
        return new WebDriverWait(b, Duration.ofSeconds(20));
    }

    private static void screenshot(ChromeDriver b, String name) throws Exception {
        Files.copy(b.getScreenshotAs(OutputType.FILE).toPath(), Files.createDirectories(Path.of("target", "screenshots")).resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aStormIsOneCardAndOneClickApprovesEveryAcknowledgementButTheHeldOnes() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("update incident set status = 'resolved'");
        }
        Api.wipe(ds);
        ChromeDriver kari = signIn("kari", "kari-test", 1280, 900);
        ChromeDriver lars = signIn("lars", "lars-test", 390, 844);
        for (int i = 0; i < OUTAGE.size(); i++) {
            Api.post(Api.complaint("web", "Kunde " + (char) ('A' + i) + " Vik", OUTAGE.get(i)));
        }
        Api.post(Api.complaint("web", "Astrid Lie", "Fiberen er nede siden i morges, og min far på 92 har trygghetsalarm som ikke virker "
                + "uten internett. Dette er farlig, han havnet på sykehus etter et fall i fjor!"));

        By incident = By.cssSelector("article.incident");
        WebElement card = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(incident));
        wait(lars).until(ExpectedConditions.visibilityOfElementLocated(incident));
        wait(kari).until(ExpectedConditions.textToBePresentInElementLocated(incident, "8 to approve, 1 held for a person"));
        // The members' acknowledgements collapse into the card; only the one held for a person is a card of its own.
        wait(kari).until(b -> b.findElements(By.cssSelector("article.message")).size() == 1);
        WebElement held = kari.findElement(By.cssSelector("article.message"));
        assertTrue(held.getText().contains("Astrid Lie") && held.getText().contains("severe"), held.getText());
        assertEquals(1, kari.findElements(incident).size(), "one card for the storm");
        card = kari.findElement(incident);
        assertTrue(card.getText().contains("Public statement (nb)") && card.getText().contains("9 complaints"), card.getText());
        screenshot(kari, "incident-desktop.png");
        screenshot(lars, "incident-phone.png");

        kari.findElement(By.cssSelector("article.incident button.bulk")).click();
        wait(kari).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("article.incident .incident-result"),
                "Approved 8 · 1 held for a person"));
        wait(lars).until(ExpectedConditions.textToBePresentInElementLocated(incident, "0 to approve, 1 held for a person"));
        assertEquals(1, lars.findElements(By.cssSelector("article.message")).size(), "the held one still waits on every page");
        screenshot(kari, "incident-approved-desktop.png");
    }
}
