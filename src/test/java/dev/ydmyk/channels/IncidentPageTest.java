package dev.ydmyk.channels;

import dev.ydmyk.Api;
import dev.ydmyk.incidents.Storm;
import dev.ydmyk.incidents.StormProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A storm on the channel page: one incident card instead of a card per customer, and one click for all of them. */
@QuarkusTest
@TestProfile(StormProfile.class)
class IncidentPageTest {

    static final List<String> OUTAGE = List.of(
            "Internett er nede igjen! Fiberen har vært borte siden i morges.",
            "Hvorfor er nettet nede? Ingen fiber i hele Bergen siden kl 07, og ingen sier noe.",
            "Fiberen er død. Ikke noe internett siden i morges. Hva skjer??",
            "Nettet nede her også, fiber borte siden halv åtte. Har hjemmekontor og får ikke jobbet.",
            "Internett nede i hele nabolaget, fiberboksen blinker rødt siden i morges.",
            "Er det bare meg eller er fiberen nede? Ikke internett siden kl 07.",
            "Internett er nede igjen!! Tredje gang denne måneden at fiberen forsvinner.",
            "Fiberen har vært borte siden i morges, barna får ikke gjort lekser. Når kommer nettet tilbake?");
    static final List<String> NAMES = List.of("Kari Berg", "Ola Dahl", "Siri Lunde", "Jonas Vik", "Ingrid Moe", "Emil Strand",
            "Nora Holm", "Lars Aas");
    static final String SEVERE = "Internett er nede igjen og fiberen har vært borte siden i morges, og min far på 90 har "
            + "trygghetsalarm som ikke virker uten nett, dette er farlig!";

    @TestHTTPResource("/channel")
    URL channel;
    @Inject
    AgroalDataSource ds;

    private final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void aStormIsOneLiveCardAndItsAcknowledgementsGoOutWithOneClick() throws Exception {
        calm();
        ChromeDriver desk = signIn("kari", "kari-test", 1280, 900);
        ChromeDriver phone = signIn("lars", "lars-test", 390, 844);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < OUTAGE.size(); i++) {
            ids.add(Api.post(Api.complaint("web", NAMES.get(i), OUTAGE.get(i))));
        }
        String severe = Api.post(Api.complaint("web", "Astrid Solberg", SEVERE));
        ids.add(severe);

        String incident = await().atMost(Duration.ofSeconds(20)).until(() -> Api.complaintView(severe).getString("incidentId"),
                id -> id != null);
        JsonPath detail = await().atMost(Duration.ofSeconds(20)).until(() -> incident(incident),
                d -> d.getInt("acknowledgements.pending") + d.getInt("acknowledgements.held") == ids.size());
        int pending = detail.getInt("acknowledgements.pending");
        List<String> held = detail.getList("held.draftId");

        By card = By.cssSelector("section.incident");
        By approveAll = By.cssSelector("section.incident button.approve-acknowledgements");
        for (ChromeDriver b : List.of(desk, phone)) {
            wait(b).until(ExpectedConditions.textToBe(approveAll, "Approve " + pending + " acknowledgements"));
            wait(b).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.message"), held.size()));
        }
        assertEquals(1, desk.findElements(card).size(), "one card for the whole storm");
        String text = read(desk, card);
        assertTrue(text.contains(detail.getString("title")), text);
        assertEquals(String.valueOf(ids.size()), read(desk, By.cssSelector("section.incident .incident-size dd")));
        assertEquals(String.valueOf(ids.size()), read(desk, By.cssSelector("section.incident .incident-rate dd")));
        assertTrue(text.contains("Public statement") && text.contains("What customers write (3 of " + ids.size() + ")"), text);
        assertEquals(3, desk.findElements(By.cssSelector("section.incident blockquote.sample")).size());
        assertTrue(desk.findElements(By.cssSelector("section.incident .statement button.approve-statement")).size() >= 1);

        // No acknowledgement of its own in the queue, except the ones held for a person, marked with the incident.
        List<Map<String, Object>> acks = Api.asKari().get("/api/drafts?status=pending&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.purpose == 'acknowledgement' }");
        assertEquals(ids.size(), acks.size());
        for (Map<String, Object> a : acks) {
            boolean isHeld = held.contains((String) a.get("id"));
            assertEquals(isHeld ? 1 : 0, desk.findElements(By.cssSelector("article#draft-" + a.get("id"))).size(), a.toString());
        }
        String statement = detail.getString("statements[0].draftId");
        assertEquals(0, desk.findElements(By.cssSelector("article#draft-" + statement)).size(), "the statement is no card of its own");
        assertEquals(1, desk.findElements(By.cssSelector("section.incident #draft-" + statement)).size(), "the statement is in the card");
        // Read in one go: a card redrawn by a late change between finding it and reading it would be stale.
        @SuppressWarnings("unchecked")
        List<String> cards = (List<String>) desk.executeScript("return [...document.querySelectorAll('article.message')].map(c => c.innerText)");
        for (String c : cards) {
            assertTrue(c.contains("Incident: " + detail.getString("title")) && c.contains("held for a person"), c);
        }
        if (!held.isEmpty()) {
            assertTrue(text.contains("Held for a person"), text);
        }
        phone.executeScript("document.querySelector('section.incident').scrollIntoView()");
        screenshot(desk, Path.of("target", "screenshots"), "incident-before-desktop.png");
        screenshot(phone, Path.of("target", "screenshots"), "incident-before-phone.png");

        // Measured in one go, as the cards above: the live card may be redrawn by a late member between two calls.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> buttons = (List<Map<String, Object>>) phone.executeScript(
                "return [...document.querySelectorAll('section.incident button')].filter(b => b.offsetParent !== null)"
                        + ".map(b => ({text: b.innerText, height: b.getBoundingClientRect().height}))");
        assertFalse(buttons.isEmpty(), "the incident's buttons on the phone");
        for (Map<String, Object> button : buttons) {
            double height = ((Number) button.get("height")).doubleValue();
            assertTrue(height >= 44, button.get("text") + " is " + height + "px high");
        }

        click(desk, By.cssSelector("section.incident input.keep-on"));
        click(desk, approveAll);
        wait(desk).until(ExpectedConditions.textToBe(By.cssSelector("section.incident .incident-answer"),
                "Approved " + pending + " · " + held.size() + " held"));
        wait(desk).until(ExpectedConditions.textToBe(approveAll, "Approve 0 acknowledgements"));
        wait(desk).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.incident .incident-counts"),
                "Acknowledgements: 0 waiting · " + held.size() + " held"));
        wait(phone).until(ExpectedConditions.textToBe(approveAll, "Approve 0 acknowledgements"));
        await().atMost(Duration.ofSeconds(20)).until(() -> incident(incident).getInt("acknowledgements.sent") == pending);
        wait(desk).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.incident .incident-counts"),
                pending + " sent"));
        assertEquals(1, desk.findElements(card).size());
        assertEquals(held.size(), desk.findElements(By.cssSelector("article.message")).size(), "the held ones stay for one-by-one handling");

        // The checkbox asked for later ones to be approved on arrival: the card says so and offers to stop.
        By stop = By.cssSelector("section.incident button.stop-auto");
        wait(desk).until(ExpectedConditions.visibilityOfElementLocated(stop));
        wait(phone).until(ExpectedConditions.visibilityOfElementLocated(stop));
        assertEquals("kari", incident(incident).getString("autoApproveBy"));

        Path docs = Path.of("docs");
        wholePage(desk, docs, "incident-card-desktop.png");
        wholePage(phone, docs, "incident-card-phone.png");

        click(desk, stop);
        wait(desk).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.incident input.keep-on")));
        assertEquals(null, incident(incident).getString("autoApproveBy"));

        // Resolving takes a note inline; then the report-backs go out with the same one click.
        click(desk, By.cssSelector("section.incident button.resolve"));
        desk.findElement(By.cssSelector("section.incident input.resolve-note")).sendKeys("Fiberen er tilbake i hele Bergen etter et kabelbrudd.");
        click(desk, By.cssSelector("section.incident button.resolve-go"));
        JsonPath resolved = await().atMost(Duration.ofSeconds(20)).until(() -> incident(incident),
                d -> "resolved".equals(d.getString("status")) && d.getInt("reportBacks.pending") + d.getInt("reportBacks.held") == ids.size());
        int reports = resolved.getInt("reportBacks.pending");
        By approveReports = By.cssSelector("section.incident button.approve-report-backs");
        wait(desk).until(ExpectedConditions.textToBe(approveReports, "Approve " + reports + " report-backs"));
        assertTrue(read(desk, card).contains("kabelbrudd"), "the note shows on the card");
        wait(desk).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#incident-" + incident + " input.resolve-note")));
        screenshot(desk, Path.of("target", "screenshots"), "incident-resolved-desktop.png");
        click(desk, approveReports);
        wait(desk).until(ExpectedConditions.textToBe(By.cssSelector("section.incident .incident-answer"),
                "Approved " + reports + " · " + resolved.getInt("reportBacks.held") + " held"));
        wait(desk).until(ExpectedConditions.textToBe(approveReports, "Approve 0 report-backs"));
        assertEquals(1, desk.findElements(card).size());
        wholePage(desk, Path.of("target", "screenshots"), "incident-reported-back-desktop.png");
    }

    @Test
    void oneStormToldAsTwoIncidentsBecomesOneCardWhenAnAgentMergesThem() throws Exception {
        calm();
        ChromeDriver desk = signIn("kari", "kari-test", 1280, 900);
        List<String> outage = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            outage.add(Api.post(Api.complaint("web", NAMES.get(i), OUTAGE.get(i))));
        }
        String first = await().atMost(Duration.ofSeconds(20)).until(() -> Api.complaintView(outage.get(5)).getString("incidentId"), id -> id != null);
        List<String> app = new ArrayList<>();
        for (int i = 0; i < Storm.APP.size(); i++) {
            app.add(Api.post(Api.complaint("web", Storm.APP_NAMES.get(i), Storm.APP.get(i))));
        }
        String second = await().atMost(Duration.ofSeconds(20)).until(() -> Api.complaintView(app.get(app.size() - 1)).getString("incidentId"),
                id -> id != null && !id.equals(first));
        int total = await().atMost(Duration.ofSeconds(20)).until(() -> incident(first).getInt("size") + incident(second).getInt("size"),
                n -> n == outage.size() + app.size());

        By cards = By.cssSelector("section.incident");
        wait(desk).until(ExpectedConditions.numberOfElementsToBe(cards, 2));
        By choice = By.cssSelector("#incident-" + second + " select.merge-into");
        wait(desk).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#incident-" + second + " select.merge-into option[value='" + first + "']")));
        ChromeDriver phone = signIn("lars", "lars-test", 390, 844);
        wait(phone).until(ExpectedConditions.presenceOfElementLocated(choice));
        WebElement onPhone = phone.findElement(choice);
        phone.executeScript("arguments[0].scrollIntoView({block: 'center'})", onPhone);
        assertTrue(onPhone.getRect().getHeight() >= 44, "the choice is " + onPhone.getRect().getHeight() + "px high on a phone");
        screenshot(phone, Path.of("docs"), "incident-merge-phone.png");
        new Select(desk.findElement(choice)).selectByValue(first);
        desk.executeScript("document.getElementById('incident-" + second + "').scrollIntoView()");
        screenshot(desk, Path.of("docs"), "incident-merge-desktop.png");
        click(desk, By.cssSelector("#incident-" + second + " button.merge-go"));

        wait(desk).until(ExpectedConditions.numberOfElementsToBe(cards, 1));
        wait(phone).until(ExpectedConditions.numberOfElementsToBe(cards, 1));
        wait(desk).until(ExpectedConditions.textToBe(By.cssSelector("#incident-" + first + " .incident-size dd"), String.valueOf(total)));
        JsonPath merged = incident(first);
        assertEquals("merged", incident(second).getString("status"));
        wait(desk).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.message"), merged.getList("held").size()));
        assertTrue(desk.findElements(By.cssSelector("#incident-" + first + " select.merge-into")).isEmpty(), "nothing left to merge with");
        By approveAll = By.cssSelector("#incident-" + first + " button.approve-acknowledgements");
        wait(desk).until(ExpectedConditions.textToBe(approveAll, "Approve " + merged.getInt("acknowledgements.pending") + " acknowledgements"));
        screenshot(desk, Path.of("target", "screenshots"), "incident-merged-desktop.png");
    }

    /** Open incidents from other tests would take in these complaints: resolve them, then wipe. */
    private void calm() {
        Storm.wipe(ds);
    }

    private static JsonPath incident(String id) {
        return Api.asKari().get("/api/incidents/" + id).then().statusCode(200).extract().jsonPath();
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

    /** Clicks what is there now: the live card may be redrawn between finding a button and clicking it (a stale one is not clicked). */
    private static void click(WebDriver b, By what) {
        new WebDriverWait(b, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(what).click();
            return true;
        });
    }

    private static WebDriverWait wait(WebDriver b) {
        return new WebDriverWait(b, Duration.ofSeconds(20));
    }

    /** The whole page at the window's width: the window grows to the page's height for the picture. */
    private static void wholePage(ChromeDriver b, Path dir, String name) throws Exception {
        Dimension was = b.manage().window().getSize();
        long page = (Long) b.executeScript("return document.documentElement.scrollHeight");
        long viewport = (Long) b.executeScript("return window.innerHeight");
        b.manage().window().setSize(new Dimension(was.getWidth(), (int) Math.min(5000, page + was.getHeight() - viewport)));
        Api.sleep(300);
        screenshot(b, dir, name);
        b.manage().window().setSize(was);
    }

    private static void screenshot(ChromeDriver b, Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Files.copy(b.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** An element's text; the live card is redrawn as the clock ticks, so a reference may go stale between find and read. */
    private static String read(WebDriver b, By what) {
        return new WebDriverWait(b, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(what).getText());
    }
}
