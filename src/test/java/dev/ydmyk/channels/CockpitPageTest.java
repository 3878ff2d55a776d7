package dev.ydmyk.channels;

import dev.ydmyk.Api;
import dev.ydmyk.TestClock;
import dev.ydmyk.UndoWindow;
import dev.ydmyk.notices.Escalation;
import dev.ydmyk.notices.Notice;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The channel page as a place to work a night in: safe keys and an undo, inline errors, an edit that
 * survives a colleague, the notices tray, filters, history, a customer's past, the page's language,
 * dark mode, the phone, and axe-core's accessibility check. Approvals wait the default 10 s window.
 */
@QuarkusTest
@TestProfile(UndoWindow.class)
class CockpitPageTest {

    @TestHTTPResource("/channel")
    URL channel;
    @Inject
    AgroalDataSource ds;
    @Inject
    TestClock clock;
    @Inject
    Event<Notice> notices;
    @Inject
    Event<Escalation> escalations;

    private final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(WebDriver::quit);
        clock.reset();
    }

    private ChromeDriver signIn(String login, String password, int width, int height) throws Exception {
        ChromeDriver b = Browser.open(width, height);
        browsers.add(b);
        b.get(channel.toString());
        b.findElement(By.id("login")).sendKeys(login);
        b.findElement(By.id("password")).sendKeys(password);
        b.findElement(By.id("sign-in")).click();
        live(b);
        return b;
    }

    private static void live(WebDriver b) {
        wait(b).until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
    }

    private static WebDriverWait wait(WebDriver b) {
        return new WebDriverWait(b, Duration.ofSeconds(15));
    }

    static void screenshot(ChromeDriver b, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(b.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static By card(String draftId) {
        return By.id("draft-" + draftId);
    }

    private String pending(String author, String text) {
        String complaint = Api.post(Api.complaint("facebook", author, text));
        return Api.latestDraftId(Api.awaitDrafts(complaint, 1));
    }

    private static String status(String draftId) {
        return Api.asKari().get("/api/drafts/" + draftId).then().statusCode(200).extract().path("status");
    }

    @Test
    void keysWithAModifierDoNothingAndAKeyboardApprovalShowsTheTextThenCountsDownWithAnUndo() throws Exception {
        Api.wipe(ds);
        ChromeDriver kari = signIn("kari", "kari-test", 1280, 900);
        ChromeDriver lars = signIn("lars", "lars-test", 1280, 900);
        String draft = pending("Ingrid Holm", "Tredje gang denne uka at fakturaen er feil. Jeg er lei av å ringe dere.");
        WebElement card = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(card(draft)));
        wait(lars).until(ExpectedConditions.visibilityOfElementLocated(card(draft)));
        assertFalse(card.getText().contains("{agent}"), "the placeholder never shows: " + card.getText());
        assertTrue(card.getText().contains("signed Kari Nordmann") && card.getText().contains("Drafted from the guidelines"), card.getText());

        card.click();
        new Actions(kari).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
        new Actions(kari).keyDown(Keys.ALT).sendKeys("a").keyUp(Keys.ALT).perform();
        new Actions(kari).keyDown(Keys.CONTROL).sendKeys("e").keyUp(Keys.CONTROL).perform();
        assertTrue(kari.findElements(By.cssSelector(".panel:not([hidden])")).isEmpty(), "no panel opened by a key with a modifier");
        assertEquals("pending", status(draft), "Ctrl+A approved nothing");

        kari.findElement(By.tagName("body")).sendKeys("a");
        WebElement preview = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".panel .preview")));
        assertTrue(preview.getText().contains("Kari Nordmann") && !preview.getText().contains("{agent}"), preview.getText());
        screenshot(kari, "cockpit-confirm.png");
        new Actions(kari).sendKeys(Keys.ESCAPE).perform();
        wait(kari).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".panel .preview")));
        assertEquals("pending", status(draft), "Esc sent nothing");

        card.click();
        kari.findElement(By.tagName("body")).sendKeys("a");
        wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".panel .preview")));
        new Actions(kari).sendKeys(Keys.ENTER).perform();
        WebElement bar = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".sending-bar")));
        wait(kari).until(ExpectedConditions.textMatches(By.cssSelector(".sending-bar .countdown"), java.util.regex.Pattern.compile("Sending in \\d+ s")));
        wait(lars).until(ExpectedConditions.textMatches(By.cssSelector(".sending-bar .countdown"),
                java.util.regex.Pattern.compile("Approved by Kari Nordmann, sending in \\d+ s")));
        assertTrue(lars.findElements(By.cssSelector(".sending-bar button.undo")).isEmpty(), "only the approver is offered the undo");
        screenshot(kari, "cockpit-undo.png");
        assertEquals("approved", status(draft));

        bar.findElement(By.cssSelector("button.undo")).click();
        wait(kari).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".sending-bar")));
        wait(lars).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".sending-bar")));
        assertEquals("pending", status(draft), "undo within the window returns the draft to pending");
        assertTrue(kari.findElement(card(draft)).findElement(By.cssSelector("button.approve")).isDisplayed());

        // After the window it goes out, and leaves every page; an undo then is refused.
        kari.findElement(card(draft)).findElement(By.cssSelector("button.approve")).click();
        wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".sending-bar")));
        clock.set(Instant.now().plusSeconds(11));
        wait(lars).until(ExpectedConditions.numberOfElementsToBe(card(draft), 0));
        wait(kari).until(ExpectedConditions.numberOfElementsToBe(card(draft), 0));
        Api.asKari().post("/api/drafts/" + draft + "/undo").then().statusCode(409);
    }

    @Test
    void escCancelsErrorsAreSaidInlineAndAnEditSurvivesAColleaguesDecision() throws Exception {
        Api.wipe(ds);
        ChromeDriver kari = signIn("kari", "kari-test", 1280, 900);
        String draft = pending("Mads Kjær", "Min pakke er væk, og ingen svarer på mine mails. Det er simpelthen for dårligt.");
        WebElement card = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(card(draft)));

        card.click();
        kari.findElement(By.tagName("body")).sendKeys("r");
        WebElement reason = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input.reject-input")));
        assertEquals("Why reject it? (kept in the audit trail)",
                kari.findElement(By.cssSelector("label[for='" + reason.getDomAttribute("id") + "']")).getText(), "the input has a label");
        reason.sendKeys(Keys.ENTER);
        wait(kari).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".panel .error"), "Say why you reject it"));
        reason.sendKeys(Keys.ESCAPE);
        wait(kari).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input.reject-input")));

        kari.findElement(card(draft)).findElement(By.cssSelector("button.edit")).click();
        WebElement text = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea.edit-text")));
        text.clear();
        text.sendKeys("Mads, det står i vilkårene, så det er din egen skyld.");
        wait(kari).until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".live-tone .finding"), 0));
        kari.findElement(By.cssSelector("button.send-edit")).click();
        WebElement error = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".edit-error")));
        assertTrue(error.getText().contains("The tone check flagged this reply"), error.getText());
        assertEquals(kari.switchTo().activeElement(), kari.findElement(By.cssSelector("input.override")), "the reason field has the focus");
        assertEquals("pending", status(draft), "nothing was sent");
        screenshot(kari, "cockpit-inline-error.png");
        kari.findElement(By.cssSelector(".panel button.cancel")).click();
        wait(kari).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("textarea.edit-text")));

        // A colleague decides while Kari edits: her text stays, read-only, with a warning.
        kari.findElement(card(draft)).findElement(By.cssSelector("button.edit")).click();
        text = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea.edit-text")));
        text.sendKeys(Keys.END, " Ekstra linje fra Kari.");
        Api.asLars().body(Map.of()).post("/api/drafts/" + draft + "/approve").then().statusCode(200);
        WebElement warning = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".panel .warning")));
        assertTrue(warning.getText().contains("approved by Lars Jensen while you were editing"), warning.getText());
        assertTrue(text.getDomProperty("value").contains("Ekstra linje fra Kari."), "the text is kept to copy");
        assertEquals("true", text.getDomProperty("readOnly"));
        assertFalse(kari.findElement(By.cssSelector("button.send-edit")).isEnabled(), "it cannot be sent any more");
        screenshot(kari, "cockpit-overtaken.png");
    }

    @Test
    void theNoticesTrayGroupsNoticesKeepsThemAcrossAReloadAndDismissesPerAgent() throws Exception {
        Api.wipe(ds);
        try (var c = ds.getConnection()) {
            c.createStatement().execute("truncate notice cascade");
        }
        String draft = pending("Per Olsen", "Pakken min kom aldri, og ingen svarer på e-postene mine. Skuffende.");
        String complaint = Api.asKari().get("/api/drafts/" + draft).then().extract().path("complaintId");
        ChromeDriver kari = signIn("kari", "kari-test", 1280, 900);
        for (int i = 0; i < 18; i++) {
            escalations.fire(new Escalation(UUID.fromString(complaint), UUID.fromString(draft), Escalation.Reason.SLA_BREACH, null, null,
                    "Per Olsen " + i, "Sønnen min fikk en allergisk reaksjon", Instant.now(), Instant.now(), null));
        }
        escalations.fire(new Escalation(UUID.fromString(complaint), UUID.fromString(draft), Escalation.Reason.CRITICAL, null, null,
                "Per Olsen", "Sønnen min fikk en allergisk reaksjon", Instant.now(), Instant.now(), null));
        notices.fire(new Notice("praise-before-complaints", "Praise answered while complaints wait", List.of("2 complaint(s) wait.")));

        wait(kari).until(ExpectedConditions.textToBe(By.id("tray-button"), "Notices (20)"));
        assertTrue(kari.findElement(By.id("tray-button")).getDomAttribute("class").contains("urgent"), "a critical one turns the button red");
        assertFalse(kari.findElement(By.id("tray")).isDisplayed(), "the tray never covers the queue by itself");
        kari.findElement(By.id("tray-button")).click();
        WebElement tray = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.id("tray")));
        assertEquals(3, tray.findElements(By.cssSelector(".notice-group")).size(), "grouped by kind");
        assertTrue(tray.getText().contains("Past the first-response deadline (18)"), tray.getText());
        assertTrue(tray.getText().contains("is critical") && tray.getText().contains("Praise answered before complaints (1)"), tray.getText());
        assertTrue(kari.findElement(card(draft)).isDisplayed(), "the queue stays in view beside the tray");
        screenshot(kari, "cockpit-tray.png");

        kari.navigate().refresh();
        live(kari);
        wait(kari).until(ExpectedConditions.textToBe(By.id("tray-button"), "Notices (20)"));
        kari.findElement(By.id("tray-button")).click();
        kari.findElement(By.cssSelector(".notice-group[data-kind='sla-breach'] .dismiss-all")).click();
        wait(kari).until(ExpectedConditions.textToBe(By.id("tray-button"), "Notices (2)"));
        new Actions(kari).sendKeys(Keys.ESCAPE).perform();
        wait(kari).until(ExpectedConditions.invisibilityOfElementLocated(By.id("tray")));

        kari.navigate().refresh();
        live(kari);
        wait(kari).until(ExpectedConditions.textToBe(By.id("tray-button"), "Notices (2)"));
        Api.asKari().get("/api/notices").then().statusCode(200).body("notices.size()", equalTo(2)).body("counts.critical", equalTo(1));
        Api.asLars().get("/api/notices").then().statusCode(200).body("notices.size()", equalTo(20)).body("counts.'sla-breach'", equalTo(18));
        Api.asKari().body(Map.of()).post("/api/notices/dismiss").then().statusCode(400).body("field", equalTo("ids"));
    }

    @Test
    void filtersSearchHistoryAndACustomersEarlierPosts() throws Exception {
        Api.wipe(ds);
        String billing = pending("Astrid Vik", "Fakturaen min er feil for tredje måned på rad. Jeg vil ha pengene tilbake.");
        String praise = pending("Johan Berg", "Tack till Maria i butiken i Malmö, hon hjälpte mig jättebra med returen!");
        String late = pending("Astrid Vik", "Fortsatt ikke svar om fakturaen, og den er fortsatt feil. Dette er elendig service.");
        String spam = Api.post(Api.complaint("facebook", "Crypto King", "EARN $5000 A DAY!!! DM me now, link in bio 🚀🚀🚀 bit.ly/xyz"));
        Api.awaitStatus(spam, "spam");
        ChromeDriver kari = signIn("kari", "kari-test", 1280, 900);
        wait(kari).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.message"), 3));

        kari.findElement(By.id("search")).sendKeys("malmö");
        wait(kari).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.message:not([hidden])"), 1));
        assertTrue(kari.findElement(card(praise)).isDisplayed());
        assertEquals("2 hidden by the filters", kari.findElement(By.id("filtered")).getText());
        kari.findElement(By.id("search")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        wait(kari).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.message:not([hidden])"), 3));
        new Select(kari.findElement(By.id("f-kind"))).selectByValue("praise");
        wait(kari).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.message:not([hidden])"), 1));
        assertTrue(kari.findElement(card(praise)).isDisplayed(), "the praise is the one shown");
        new Select(kari.findElement(By.id("f-kind"))).selectByValue("");
        String swedish = Api.asKari().get("/api/drafts/" + praise).then().extract().path("complaint.triage.language");
        long sameLanguage = List.of(billing, praise, late).stream()
                .filter(id -> swedish.equals(Api.asKari().get("/api/drafts/" + id).then().extract().path("complaint.triage.language"))).count();
        new Select(kari.findElement(By.id("f-language"))).selectByValue(swedish);
        wait(kari).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.message:not([hidden])"), (int) sameLanguage));
        assertTrue(kari.findElement(card(praise)).isDisplayed(), "the post in the chosen language is shown");
        new Select(kari.findElement(By.id("f-language"))).selectByValue("");
        wait(kari).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.message:not([hidden])"), 3));

        // Decided elsewhere: one sent, one rejected; the history views say who did what.
        Api.asLars().body(Map.of("reason", "Svarer på den nyeste i stedet")).post("/api/drafts/" + billing + "/reject").then().statusCode(200);
        Api.approve(praise, null).then().statusCode(200);
        clock.set(Instant.now().plusSeconds(11));
        wait(kari).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.message"), 1));
        kari.findElement(By.cssSelector("#views button[data-view='sent']")).click();
        wait(kari).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "Approved by Kari Nordmann"));
        assertTrue(kari.findElement(By.id("history")).getText().contains("Maria i butiken"), kari.findElement(By.id("history")).getText());
        kari.findElement(By.cssSelector("#views button[data-view='rejected']")).click();
        wait(kari).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "Rejected by Lars Jensen: Svarer på den nyeste i stedet"));
        kari.findElement(By.cssSelector("#views button[data-view='spam']")).click();
        wait(kari).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "Kept as spam, never answered"));
        assertTrue(kari.findElement(By.id("history")).getText().contains("EARN $5000"));
        screenshot(kari, "cockpit-history.png");

        kari.findElement(By.cssSelector("#views button[data-view='pending']")).click();
        kari.findElement(card(late)).findElement(By.cssSelector("button.author")).click();
        WebElement customer = wait(kari).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("aside.customer")));
        wait(kari).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("aside.customer .past"), 2));
        assertTrue(customer.getText().contains("Earlier posts from Astrid Vik") && customer.getText().contains("tredje måned"), customer.getText());
        new Actions(kari).sendKeys(Keys.ESCAPE).perform();
        wait(kari).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("aside.customer"), 0));

        Api.asKari().get("/api/complaints?status=nonsense").then().statusCode(400).body("field", equalTo("status"));
        Api.asKari().get("/api/complaints?handle=astrid.vik").then().statusCode(400).body("field", equalTo("source"));
        Api.asKari().urlEncodingEnabled(false).get("/api/complaints?q=%00").then().statusCode(400).body("field", equalTo("q"));
        io.restassured.RestAssured.given().get("/api/complaints?status=sent").then().statusCode(401);
    }

    @Test
    void thePageSpeaksTheAgentsLanguageHasADarkModeFitsThePhoneAndPassesAxe() throws Exception {
        Api.wipe(ds);
        String draft = pending("Sofie Lund", "Mit tog blev aflyst, og ingen sagde noget på perronen. Jeg kom for sent på arbejde.");
        ChromeDriver desk = signIn("kari", "kari-test", 1280, 900);
        WebElement card = wait(desk).until(ExpectedConditions.visibilityOfElementLocated(card(draft)));
        assertEquals("da", card.findElement(By.tagName("blockquote")).getDomAttribute("lang"), "customer text carries its language");
        assertEquals("da", card.findElement(By.cssSelector(".draft")).getDomAttribute("lang"));
        assertTrue(desk.findElements(By.cssSelector("link[rel='icon']")).size() == 1, "a favicon");
        List<String> light = Accessibility.seriousViolations(desk);
        assertTrue(light.isEmpty(), "axe-core, light: " + light);
        screenshot(desk, "cockpit-desktop.png");

        new Select(desk.findElement(By.id("locale"))).selectByValue("nb");
        wait(desk).until(ExpectedConditions.textToBe(By.cssSelector("#draft-" + draft + " button.approve"), "Godkjenn"));
        assertEquals("nb", desk.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertTrue(desk.findElement(By.id("depth")).getText().contains("venter"), desk.findElement(By.id("depth")).getText());
        desk.navigate().refresh();
        live(desk);
        wait(desk).until(ExpectedConditions.textToBe(By.cssSelector("#draft-" + draft + " button.approve"), "Godkjenn"));
        screenshot(desk, "cockpit-norwegian.png");
        new Select(desk.findElement(By.id("locale"))).selectByValue("en");
        wait(desk).until(ExpectedConditions.textToBe(By.cssSelector("#draft-" + draft + " button.approve"), "Approve"));

        desk.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        String background = (String) ((JavascriptExecutor) desk).executeScript("return getComputedStyle(document.body).backgroundColor");
        assertEquals("rgb(26, 27, 30)", background, "dark mode from prefers-color-scheme");
        List<String> dark = Accessibility.seriousViolations(desk);
        assertTrue(dark.isEmpty(), "axe-core, dark: " + dark);
        screenshot(desk, "cockpit-dark.png");

        ChromeDriver phone = signIn("lars", "lars-test", 390, 844);
        WebElement phoneCard = wait(phone).until(ExpectedConditions.visibilityOfElementLocated(card(draft)));
        for (WebElement button : phoneCard.findElements(By.cssSelector("button"))) {
            if (button.isDisplayed() && !button.getDomAttribute("class").contains("author")) {
                assertTrue(button.getSize().height >= 44, button.getText() + " is " + button.getSize().height + " px high on the phone");
            }
        }
        List<String> small = Accessibility.seriousViolations(phone);
        assertTrue(small.isEmpty(), "axe-core, phone: " + small);
        screenshot(phone, "cockpit-phone.png");

        // The front door leads to the page, and nothing waiting says so.
        io.restassured.RestAssured.given().redirects().follow(false).get("/").then().statusCode(303);
        Api.asKari().body(Map.of("reason", "test")).post("/api/drafts/" + draft + "/reject").then().statusCode(200);
        wait(desk).until(ExpectedConditions.textToBe(By.id("depth"), "Nothing waiting"));
        assertTrue(desk.findElement(By.id("empty")).isDisplayed());
    }

    @Test
    void theCompactDensityShowsAtLeastSixDraftsOnA900PixelScreen() throws Exception {
        Api.wipe(ds);
        for (int i = 0; i < 8; i++) {
            pending("Kunde " + i, "Bestillingen min nummer " + (4100 + i) + " kom aldri frem, og ingen svarer meg. Veldig skuffet.");
        }
        ChromeDriver b = signIn("kari", "kari-test", 1280, 900);
        wait(b).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.message"), 8));
        b.findElement(By.id("compact")).click();
        // Measured once the browser has laid the compact cards out (cards off screen are laid out lazily).
        String inView = """
                return [...document.querySelectorAll('article.message')].filter(a => {
                  const r = a.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }).length""";
        wait(b).until(d -> (Long) ((JavascriptExecutor) d).executeScript(inView) >= 6);
        assertTrue((Long) ((JavascriptExecutor) b).executeScript(inView) >= 6, "at least 6 drafts fully in view at 1280×900, compact");
        screenshot(b, "cockpit-compact.png");
        b.navigate().refresh();
        live(b);
        assertTrue(b.findElement(By.id("compact")).isSelected(), "the density is remembered");
    }

    @Test
    void aTakenDraftLeavesColleaguesQueuesUntilReleasedOrIdle() throws Exception {
        Api.wipe(ds);
        String draft = pending("Eva Strand", "Strømmen har vært borte i seks timer og ingen informerer oss. Kjøleskapet er fullt av mat.");
        ChromeDriver kari = signIn("kari", "kari-test", 1280, 900);
        ChromeDriver lars = signIn("lars", "lars-test", 1280, 900);
        wait(lars).until(ExpectedConditions.visibilityOfElementLocated(card(draft)));
        wait(kari).until(ExpectedConditions.visibilityOfElementLocated(card(draft))).click();
        kari.findElement(By.tagName("body")).sendKeys("t");
        wait(kari).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#draft-" + draft + " .taken"), "You have taken this"));
        wait(lars).until(ExpectedConditions.invisibilityOfElementLocated(card(draft)));
        assertEquals("1 hidden by the filters", lars.findElement(By.id("filtered")).getText());
        Api.asLars().post("/api/drafts/" + draft + "/take").then().statusCode(409)
                .body("detail", equalTo("Cannot take this draft: Kari Nordmann has it"));
        kari.findElement(By.id("f-mine")).click();
        assertTrue(kari.findElement(card(draft)).isDisplayed(), "my queue shows what I took");
        kari.findElement(By.id("f-mine")).click();
        screenshot(kari, "cockpit-taken.png");

        kari.findElement(By.cssSelector("#draft-" + draft + " button.release")).click();
        wait(lars).until(ExpectedConditions.visibilityOfElementLocated(card(draft)));

        // Taken and then left alone: after ten idle minutes a colleague may take it.
        Api.asKari().post("/api/drafts/" + draft + "/take").then().statusCode(200).body("takenByName", equalTo("Kari Nordmann"));
        wait(lars).until(ExpectedConditions.invisibilityOfElementLocated(card(draft)));
        clock.set(Instant.now().plus(Duration.ofMinutes(11)));
        Api.asLars().post("/api/drafts/" + draft + "/take").then().statusCode(200).body("takenBy", equalTo("lars"));
        wait(kari).until(ExpectedConditions.invisibilityOfElementLocated(card(draft)));
        wait(lars).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#draft-" + draft + " .taken"), "You have taken this"));
    }
}
