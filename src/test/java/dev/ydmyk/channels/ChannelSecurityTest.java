package dev.ydmyk.channels;

import dev.ydmyk.Api;
import dev.ydmyk.publishing.CapturedLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channel page defends itself: against other origins, framing, sniffing, a forged Host and a copied cookie. */
@QuarkusTest
class ChannelSecurityTest {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private record Session(String cookie, String csrf) {
    }

    private static io.restassured.specification.RequestSpecification noRedirects() {
        return given().config(RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    /** Signs in through the form, as the page does, and reads the CSRF token the page is given. */
    private static Session signIn(String login, String password) {
        Response r = noRedirects().contentType("application/x-www-form-urlencoded")
                .formParam("login", login).formParam("password", password).post("/channel/login");
        assertEquals(303, r.statusCode());
        String cookie = r.getCookie("ydmyk_session");
        assertNotNull(cookie);
        String page = given().cookie("ydmyk_session", cookie).get("/channel").then().statusCode(200).extract().asString();
        Matcher m = CSRF_META.matcher(page);
        assertTrue(m.find(), page);
        return new Session(cookie, m.group(1));
    }

    private static String pendingDraft() {
        String complaint = Api.post(Api.complaint("web", "Ola Nordmann", "Pakken min kom aldri, og ingen svarer meg. Skuffende."));
        return Api.latestDraftId(Api.awaitDrafts(complaint, 1));
    }

    private static String status(String draft) {
        return Api.asKari().get("/api/drafts/" + draft).then().statusCode(200).extract().path("status");
    }

    @Test
    void aRequestFromAnotherOriginCannotRejectADraftWithTheAgentsCookie() throws Exception {
        Session kari = signIn("kari", "kari-test");
        String draft = pendingDraft();
        // What fetch(…, {mode: 'no-cors', credentials: 'include'}) from http://localhost:9999 sends: the cookie,
        // no Content-Type (or a text/plain one), no custom header.
        // Written by hand: exactly those headers, nothing a client library adds.
        String forged = raw("POST /api/drafts/" + draft + "/reject HTTP/1.1\r\nHost: localhost:" + RestAssured.port
                + "\r\nOrigin: http://localhost:9999\r\nCookie: ydmyk_session=" + kari.cookie()
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(forged.startsWith("HTTP/1.1 403"), forged);
        assertTrue(forged.contains("application/problem+json") && forged.contains("\"field\":\"X-CSRF-Token\""), forged);
        given().cookie("ydmyk_session", kari.cookie()).header("Origin", "http://localhost:9999").contentType("text/plain")
                .body("{\"reason\":\"forged\"}").post("/api/drafts/" + draft + "/reject")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(403), org.hamcrest.Matchers.is(415)));
        given().cookie("ydmyk_session", kari.cookie()).header("X-CSRF-Token", "not-the-token").contentType("application/json")
                .body(Map.of("reason", "forged")).post("/api/drafts/" + draft + "/reject").then().statusCode(403);
        assertEquals("pending", status(draft), "nothing changed");

        // The page itself sends the session's token, and may.
        given().cookie("ydmyk_session", kari.cookie()).header("X-CSRF-Token", kari.csrf()).contentType("application/json")
                .body(Map.of("reason", "Not our kind of answer")).post("/api/drafts/" + draft + "/reject").then().statusCode(200);
        assertEquals("rejected", status(draft));
    }

    @Test
    void anotherAgentsTokenDoesNotFitThisSession() {
        Session kari = signIn("kari", "kari-test");
        Session lars = signIn("lars", "lars-test");
        given().cookie("ydmyk_session", kari.cookie()).header("X-CSRF-Token", lars.csrf()).contentType("application/json")
                .body(Map.of("draftId", UUID.randomUUID().toString())).post("/api/channel/presence").then().statusCode(403);
    }

    @Test
    void theFrontDoorLeadsToTheChannelPage() {
        io.restassured.RestAssured.given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/channel"));
    }

    @Test
    void pagesAndFilesCarryTheProtectiveHeaders() {
        for (String path : new String[]{"/channel", "/channel/channel.js", "/channel/channel.css", "/api/channel/status"}) {
            Response r = given().get(path);
            assertEquals("DENY", r.getHeader("X-Frame-Options"), path);
            assertEquals("nosniff", r.getHeader("X-Content-Type-Options"), path);
        }
        String csp = given().get("/channel").getHeader("Content-Security-Policy");
        assertNotNull(csp, "the channel page has a Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), csp);
        assertNotNull(noRedirects().contentType("application/x-www-form-urlencoded").formParam("login", "kari")
                .formParam("password", "wrong").post("/channel/login").getHeader("Content-Security-Policy"), "the sign-in answer too");
    }

    @Test
    void redirectsNeverTakeTheHostHeader() throws Exception {
        String body = "login=kari&password=kari-test";
        String answer = raw("POST /channel/login HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.1 303"), answer);
        assertFalse(answer.contains("evil.example"), answer);
        Matcher location = Pattern.compile("(?im)^location: *(\\S+)").matcher(answer);
        assertTrue(location.find(), answer);
        assertEquals("/channel", location.group(1));

        String logout = raw("POST /channel/logout HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(logout.startsWith("HTTP/1.1 303") && !logout.contains("evil.example"), logout);
    }

    @Test
    void signingOutKillsTheCookieEverywhere() {
        Session lars = signIn("lars", "lars-test");
        String copied = lars.cookie();
        given().cookie("ydmyk_session", copied).get("/api/channel/status").then().statusCode(200);

        // Without the page's token, no one else can sign the agent out.
        noRedirects().cookie("ydmyk_session", copied).contentType("application/x-www-form-urlencoded")
                .post("/channel/logout").then().statusCode(403);
        given().cookie("ydmyk_session", copied).get("/api/channel/status").then().statusCode(200);

        noRedirects().cookie("ydmyk_session", copied).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", lars.csrf()).post("/channel/logout").then().statusCode(303);
        given().cookie("ydmyk_session", copied).get("/api/channel/status").then().statusCode(401);
        assertTrue(given().cookie("ydmyk_session", copied).get("/channel").asString().contains("id=\"sign-in\""), "the sign-in form again");
        given().cookie("ydmyk_session", copied).header("X-CSRF-Token", lars.csrf()).contentType("application/json")
                .body(Map.of("draftId", UUID.randomUUID().toString())).post("/api/channel/presence").then().statusCode(401);
    }

    @Test
    void failedSignInsAreLoggedWithLoginAndAddressButNotThePassword() {
        try (CapturedLog log = CapturedLog.install()) {
            noRedirects().contentType("application/x-www-form-urlencoded").formParam("login", "kari")
                    .formParam("password", "Hunter2-not-karis").post("/channel/login").then().statusCode(401);
            given().auth().preemptive().basic("lars", "Tr0ub4dor-not-lars").get("/api/channel/status").then().statusCode(401);
            noRedirects().contentType("application/x-www-form-urlencoded").formParam("login", "eve\r\nINFO forged line")
                    .formParam("password", "x").post("/channel/login").then().statusCode(401);

            String all = log.all();
            assertTrue(all.contains("Failed sign-in (channel page): login 'kari' from 127.0.0.1"), all);
            assertTrue(all.contains("Failed sign-in (HTTP Basic): login 'lars' from 127.0.0.1"), all);
            assertTrue(all.contains("login 'eve??INFO forged line'"), "no line breaks from the login into the log: " + all);
            assertFalse(all.contains("Hunter2-not-karis") || all.contains("Tr0ub4dor-not-lars"), all);
        }
    }

    /** One HTTP/1.1 exchange over a plain socket, so the Host header is exactly what we write. */
    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
