package dev.ydmyk.it;

import dev.ydmyk.channels.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged instances on the machine's PostgreSQL server, a browser on each: a complaint posted
 * to one instance shows on both pages, a session made on one is valid on the other, who is looking shows across them, and a draft approved on one
 * page leaves the other (the pages are fed by LISTEN/NOTIFY, not one process's memory).
 */
class TwoInstancesPageIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final List<PackagedService> services = new ArrayList<>();
    private final List<WebDriver> browsers = new ArrayList<>();
    private String database;

    @AfterEach
    void stop() throws Exception {
        browsers.forEach(WebDriver::quit);
        for (PackagedService s : services) {
            s.stopQuietly();
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "postgres"); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private PackagedService instance(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it-two", name));
        PackagedService s = new PackagedService(PackagedService.projectDir(), PackagedService.packagedApp(), dir.resolve("service.log"))
                .with("quarkus.datasource.jdbc.url", SERVER + database).with("quarkus.datasource.username", "postgres")
                .with("quarkus.datasource.password", "postgres").with("ydmyk.approval.undo", "PT2S")
                .with("ydmyk.agents.ola.name", "Ola Nordmann").with("ydmyk.agents.ola.password", "ola-password")
                .with("ydmyk.agents.per.name", "Per Nordmann").with("ydmyk.agents.per.password", "per-password")
                .with("ydmyk.sign-in.free", "1").with("ydmyk.sign-in.lock-after", "2");
        services.add(s);
        return s.start();
    }

    private ChromeDriver page(PackagedService s, String login, String password) throws Exception {
        ChromeDriver b = Browser.open(1280, 900);
        browsers.add(b);
        b.get(s.uri("/channel").toString());
        b.findElement(By.id("login")).sendKeys(login);
        b.findElement(By.id("password")).sendKeys(password);
        b.findElement(By.id("sign-in")).click();
        wait(b).until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        return b;
    }

    /** Whether the complaint's reply has been sent (a wait polls again while it has not). */
    private static boolean sentAt(PackagedService service, String complaint) {
        try {
            return service.complaint(complaint).body().contains("\"sentAt\":\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static WebDriverWait wait(WebDriver b) {
        return new WebDriverWait(b, Duration.ofSeconds(20));
    }

    @Test
    void twoInstancesOnOneDatabaseShowEveryAgentTheSameQueue() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "postgres"); Statement s = c.createStatement()) {
            database = "ydmyk_two_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            s.execute("create database " + database);
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL server at 127.0.0.1:5432 (.ci/run starts one): " + e.getMessage());
        }
        PackagedService a = instance("a");
        PackagedService b = instance("b");
        ChromeDriver onA = page(a, "it", "it-password");
        ChromeDriver onB = page(b, "ola", "ola-password");

        // A session signed in on A is valid on B (one signing key, kept in the database).
        String cookie = onA.manage().getCookieNamed("ydmyk_session") == null ? null
                : "ydmyk_session=" + onA.manage().getCookieNamed("ydmyk_session").getValue();
        assertTrue(cookie != null, "signed in on A: " + onA.manage().getCookies());
        HttpResponse<String> onBWithA = HttpClient.newHttpClient().send(HttpRequest.newBuilder(b.uri("/api/channel/status"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, onBWithA.statusCode(), onBWithA.body());
        assertTrue(onBWithA.body().contains("\"login\":\"it\""), onBWithA.body());

        String complaint = PackagedService.id(a.postComplaint("two-" + UUID.randomUUID()));
        By card = By.cssSelector("article.message");
        WebElement cardOnA = wait(onA).until(ExpectedConditions.visibilityOfElementLocated(card));
        WebElement cardOnB = wait(onB).until(ExpectedConditions.visibilityOfElementLocated(card));
        assertTrue(cardOnB.getText().contains("Silje Strand"), "the post made on A is on B's page: " + cardOnB.getText());
        assertEquals(cardOnA.getDomAttribute("id"), cardOnB.getDomAttribute("id"));

        cardOnB.click();
        wait(onA).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("article.message .presence"),
                "Ola Nordmann is looking at this"));

        cardOnB.findElement(By.cssSelector("button.approve")).click();
        wait(onA).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sending-bar .countdown"),
                "Approved by Ola Nordmann"));
        wait(onA).until(ExpectedConditions.numberOfElementsToBe(card, 0));
        wait(onB).until(ExpectedConditions.numberOfElementsToBe(card, 0));
        // The card leaves the queue when the undo window ends; the reply is published just after, off the request: wait for it.
        assertTrue(wait(onA).until((WebDriver d) -> sentAt(a, complaint)), "sent once the undo window passed");

        // Failed sign-ins count on every instance: one wrong password on A and one on B lock the login
        // (after two here), on both; a guesser gets one allowance, not one per instance.
        assertEquals(401, basic(a, "per", "guess-1").statusCode());
        assertEquals(401, basic(b, "per", "guess-2").statusCode());
        for (PackagedService s : List.of(a, b)) {
            HttpResponse<String> locked = basic(s, "per", "per-password");
            assertEquals(429, locked.statusCode(), locked.body());
            assertTrue(locked.body().contains("Too many failed sign-ins"), locked.body());
        }
    }

    private static HttpResponse<String> basic(PackagedService s, String login, String password) throws Exception {
        String auth = java.util.Base64.getEncoder().encodeToString((login + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(s.uri("/api/channel/status")).header("Authorization", "Basic " + auth)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
