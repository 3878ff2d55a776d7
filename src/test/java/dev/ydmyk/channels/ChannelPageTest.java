package dev.ydmyk.channels;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channel page in a real headless Chromium, as two agents would use it. */
@QuarkusTest
class ChannelPageTest {

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
        return new WebDriverWait(b, Duration.ofSeconds(15));
    }

    private static void screenshot(ChromeDriver b, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(b.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aDraftArrivesLiveIsEditedPastTheToneCheckApprovedAndLeavesEveryPage() throws Exception {
        Api.wipe(ds);
        ChromeDriver kari = signIn("kari", "kari-test", 1280, 900);
        ChromeDriver lars = signIn("lars", "lars-test", 390, 844);

        String complaint = Api.post(Api.complaint("facebook", "Sophie Turner",
                "My order never arrived, and nobody has answered my three emails about it. Really disappointed."));
        By card = By.cssSelector("article.message");
        WebElement kariCard = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(card));
        wait(lars).until(ExpectedConditions.visibilityOfElementLocated(card));
        assertTrue(kariCard.getText().contains("Sophie Turner") && kariCard.getText().contains("complaint"), kariCard.getText());

        lars.findElement(card).click();
        wait(kari).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("article.message .presence"), "Lars Jensen is looking at this"));

        kariCard.click();
        kari.findElement(By.tagName("body")).sendKeys("e");
        WebElement text = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea.edit-text")));
        text.clear();
        text.sendKeys("Sophie, according to our terms this is your own fault. {agent}");
        wait(kari).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".live-tone"), "Blames the customer"));
        screenshot(kari, "channel-edit-flagged.png");
        screenshot(lars, "channel-phone.png");

        String fixed = "Hi Sophie,\n\nI understand how frustrating it is to wait for an order and hear nothing, and I am truly sorry. "
                + "I have started a trace with the carrier today. I will get back to you here as soon as I know more. "
                + "Thank you for telling us.\n\n{agent}";
        text.clear();
        text.sendKeys(fixed);
        wait(kari).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".live-tone .finding"), 0));
        kari.findElement(By.cssSelector("button.send-edit")).click();

        wait(kari).until(ExpectedConditions.numberOfElementsToBe(card, 0));
        wait(lars).until(ExpectedConditions.numberOfElementsToBe(card, 0));
        var view = Api.awaitStatus(complaint, "answered");
        assertEquals(fixed.replace("{agent}", "Kari Nordmann"), view.getString("reply.text"));
        screenshot(kari, "channel-empty.png");
    }

    @Test
    void aPermalinkThatIsNotAWebAddressIsShownAsNoLink() throws Exception {
        Api.wipe(ds);
        String complaint = Api.post(Api.complaint("facebook", "Eve Hacker", "Pakken min kom aldri, og ingen svarer. Hvor er den?"));
        Api.awaitDrafts(complaint, 1);
        // As a webhook could have delivered it (the API itself refuses such an address).
        try (var c = ds.getConnection(); var ps = c.prepareStatement("update complaint set url = ? where id = ?::uuid")) {
            ps.setString(1, "javascript:document.title='owned'");
            ps.setString(2, complaint);
            ps.executeUpdate();
        }
        ChromeDriver b = signIn("kari", "kari-test", 1024, 768);
        WebElement card = wait(b).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.message")));
        assertTrue(card.getText().contains("Eve Hacker"), card.getText());
        List<WebElement> links = card.findElements(By.cssSelector("a[href]"));
        assertTrue(links.stream().noneMatch(a -> a.getDomAttribute("href").strip().toLowerCase().startsWith("javascript")),
                "a javascript: address became a link");
        assertTrue(card.findElements(By.linkText("link")).isEmpty(), "no link at all for an address that is not http(s)");
        screenshot(b, "channel-after-csp.png");
    }

    @Test
    void theChannelPageNeedsASignIn() throws Exception {
        ChromeDriver b = Browser.open(1024, 768);
        browsers.add(b);
        b.get(channel.toString());
        b.findElement(By.id("login")).sendKeys("kari");
        b.findElement(By.id("password")).sendKeys("wrong");
        b.findElement(By.id("sign-in")).click();
        WebElement error = wait(b).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error")));
        assertTrue(error.getText().contains("Wrong login or password"), error.getText());
        io.restassured.RestAssured.given().get("/api/channel/status").then().statusCode(401);
    }
}
