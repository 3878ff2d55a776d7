package dev.ydmyk.agents;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ydmyk.agents.FakeIdentityProvider.ADMIN_ROLE;
import static dev.ydmyk.agents.FakeIdentityProvider.AGENT_ROLE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agents signed in by the company's identity provider (a local fake: {@link FakeIdentityProvider}):
 * bearer tokens on the API, the authorization code flow on the channel page, the display name and the
 * administrator's role from the token.
 */
@QuarkusTest
@TestProfile(FakeIdentityProvider.Profile.class)
class ProviderSignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void emptyQueue() {
        Api.wipe(ds);
    }

    private static io.restassured.specification.RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    @Test
    void anAdministratorsTokenReadsTheAudit() {
        bearer(FakeIdentityProvider.token("ingrid", "Ingrid Lead", AGENT_ROLE, ADMIN_ROLE)).get("/api/audit")
                .then().statusCode(200);
    }

    @Test
    void anAgentWithoutTheAdminRoleMayNotReadTheAudit() {
        bearer(FakeIdentityProvider.token("ola", "Ola Nordmann", AGENT_ROLE)).get("/api/audit")
                .then().statusCode(403);
    }

    @Test
    void anApprovalWithABearerTokenIsSignedWithTheTokensNameAndShowsIt() {
        // The sources' own bearer tokens still post complaints while the provider checks agents' tokens.
        String complaint = Api.post(Api.complaint("facebook", "Silje Strand", "Tredje gang på en måned at strømmen går og ingen gir beskjed."));
        String draft = Api.latestDraftId(Api.awaitDrafts(complaint, 1));

        bearer(FakeIdentityProvider.token("ola", "Ola Nordmann", AGENT_ROLE)).body(Map.of()).post("/api/drafts/" + draft + "/approve")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.anyOf(equalTo("approved"), equalTo("sent")))
                .body("decidedBy", equalTo("ola"));

        var view = Api.awaitSent(complaint);
        assertEquals("Ola Nordmann", view.getString("reply.agent"));
        assertTrue(view.getString("reply.text").contains("Ola Nordmann"), view.getString("reply.text"));
        // Read back later, by someone else: the decision still shows the name the provider gave.
        assertEquals(List.of("Ola Nordmann"), view.getList("drafts.decidedByName"));
        bearer(FakeIdentityProvider.token("ingrid", "Ingrid Lead", AGENT_ROLE, ADMIN_ROLE)).get("/api/audit?agent=ola")
                .then().statusCode(200).body("agent", hasItem("ola"));
    }

    @Test
    void noTokenAForgedOneOrAnExpiredOneIsUnauthorized() {
        given().get("/api/channel/status").then().statusCode(401);
        bearer("not-a-token").get("/api/channel/status").then().statusCode(401);
        bearer(FakeIdentityProvider.forge("ola", "Ola Nordmann", AGENT_ROLE, ADMIN_ROLE)).get("/api/channel/status")
                .then().statusCode(401).contentType("application/problem+json");
        bearer(FakeIdentityProvider.expired("ola", "Ola Nordmann", AGENT_ROLE)).get("/api/channel/status")
                .then().statusCode(401).contentType("application/problem+json");
        bearer(FakeIdentityProvider.token("ola", "Ola Nordmann", AGENT_ROLE)).get("/api/channel/status")
                .then().statusCode(200).body("agent", equalTo("Ola Nordmann")).body("login", equalTo("ola"));
    }

    @Test
    void someoneTheProviderKnowsWhoIsNoAgentIsRefused() {
        bearer(FakeIdentityProvider.token("per", "Per from Accounting")).get("/api/channel/status").then().statusCode(403);
    }

    @Test
    void builtInAgentsStillSignInWithTheirPasswords() {
        Api.asKari().get("/api/channel/status").then().statusCode(200).body("agent", equalTo("Kari Nordmann"));
    }

    @Test
    void theChannelPageSendsABrowserToTheProvidersSignIn() {
        Response r = given().redirects().follow(false).get("/channel");
        assertEquals(302, r.statusCode(), r.asString());
        URI location = URI.create(r.getHeader("Location"));
        assertEquals(FakeIdentityProvider.base() + FakeIdentityProvider.AUTHORIZE,
                location.getScheme() + "://" + location.getAuthority() + location.getPath());
        Map<String, String> q = query(location);
        assertEquals("code", q.get("response_type"));
        assertEquals(FakeIdentityProvider.CLIENT_ID, q.get("client_id"));
        assertTrue(q.get("scope").contains("openid"), q.get("scope"));
        assertTrue(q.get("redirect_uri").endsWith("/channel"), q.get("redirect_uri"));
        assertNotNull(q.get("state"));
        assertTrue(r.getCookies().keySet().stream().anyMatch(c -> c.startsWith("q_auth")), r.getCookies().toString());
    }

    @Test
    void afterTheProvidersSignInThePageWorksWithItsOwnCsrfToken() {
        Response challenge = given().redirects().follow(false).get("/channel");
        String state = query(URI.create(challenge.getHeader("Location"))).get("state");
        FakeIdentityProvider.codeExchangeGives("ola", "Ola Nordmann", AGENT_ROLE);

        // The provider sends the browser back with a code; the service exchanges it and starts its session.
        Response back = given().redirects().follow(false).cookies(challenge.getCookies())
                .queryParam("code", "code-from-the-provider").queryParam("state", state).get("/channel");
        assertEquals(302, back.statusCode(), back.asString());
        Map<String, String> session = back.getCookies();
        assertTrue(session.containsKey("q_session"), session.toString());

        Response page = given().redirects().follow(false).cookies(session).get("/channel");
        assertEquals(200, page.statusCode(), page.asString());
        Matcher csrf = CSRF.matcher(page.asString());
        assertTrue(csrf.find(), "the page carries its CSRF token");
        assertTrue(page.getHeader("Content-Security-Policy").contains("form-action 'self' " + FakeIdentityProvider.base()),
                "signing out may lead on to the provider: " + page.getHeader("Content-Security-Policy"));

        given().cookies(session).get("/api/channel/status").then().statusCode(200)
                .body("agent", equalTo("Ola Nordmann")).body("login", equalTo("ola"));
        Map<String, Object> dismiss = Map.of("kind", "sla-breach");
        given().cookies(session).contentType("application/json").body(dismiss).post("/api/notices/dismiss")
                .then().statusCode(403);
        given().cookies(session).header(Sessions.CSRF_HEADER, "guessed").contentType("application/json").body(dismiss)
                .post("/api/notices/dismiss").then().statusCode(403);
        given().cookies(session).header(Sessions.CSRF_HEADER, csrf.group(1)).contentType("application/json").body(dismiss)
                .post("/api/notices/dismiss").then().statusCode(200);

        // Signing out ends the session here and sends the browser on to end the provider's own session.
        given().redirects().follow(false).cookies(session).formParam("csrf", "guessed").post("/channel/logout")
                .then().statusCode(403);
        Response out = given().redirects().follow(false).cookies(session).formParam("csrf", csrf.group(1)).post("/channel/logout");
        assertEquals(303, out.statusCode(), out.asString());
        URI to = URI.create(out.getHeader("Location"));
        assertEquals(FakeIdentityProvider.base() + FakeIdentityProvider.END_SESSION, to.getScheme() + "://" + to.getAuthority() + to.getPath());
        Map<String, String> q = query(to);
        assertTrue(q.get("post_logout_redirect_uri").endsWith("/channel"), q.toString());
        assertEquals(FakeIdentityProvider.CLIENT_ID, q.get("client_id"));
        assertNotNull(q.get("id_token_hint"));
        assertTrue(out.getHeaders().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("q_session") && c.contains("Max-Age=0")),
                out.getHeaders().getValues("Set-Cookie").toString());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
