package dev.ydmyk.agents;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A local OpenID provider for the sign-in tests: its discovery document, its keys (JWKS) and a token
 * endpoint, on WireMock. Tokens are signed here with a key made per run, as the company's provider
 * would sign them; {@link #forge} signs with a key the provider never published.
 */
public class FakeIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "ydmyk";
    static final String SECRET = "a-client-secret-long-enough-to-encrypt-sessions";
    static final String REALM = "/realms/ydmyk";
    static final String AUTHORIZE = REALM + "/protocol/openid-connect/auth";
    static final String TOKEN = REALM + "/protocol/openid-connect/token";
    static final String END_SESSION = REALM + "/protocol/openid-connect/logout";
    static final String ADMIN_ROLE = "support-leads";
    static final String AGENT_ROLE = "support";

    static WireMockServer server;
    private static RsaJsonWebKey key;
    private static RsaJsonWebKey stranger;

    /** The provider configured as an operator would: issuer, client and secret; the roles Ydmyk reads. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeIdentityProvider.class));
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("signing-" + UUID.randomUUID());
            stranger = RsaJwkGenerator.generateJwk(2048);
            stranger.setKeyId(key.getKeyId());
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String issuer = issuer();
        String discovery = """
                {"issuer": "%1$s", "authorization_endpoint": "%2$s%3$s", "token_endpoint": "%2$s%4$s",
                 "jwks_uri": "%1$s/protocol/openid-connect/certs", "end_session_endpoint": "%2$s%5$s",
                 "response_types_supported": ["code"],
                 "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"],
                 "scopes_supported": ["openid", "profile", "email"]}""".formatted(issuer, base(), AUTHORIZE, TOKEN, END_SESSION);
        server.stubFor(get(urlPathEqualTo(REALM + "/.well-known/openid-configuration"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(discovery)));
        server.stubFor(get(urlPathEqualTo(REALM + "/protocol/openid-connect/certs"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
        return Map.of("quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", SECRET,
                "quarkus.oidc.token.audience", CLIENT_ID,
                "ydmyk.oidc.admin-role", ADMIN_ROLE,
                "ydmyk.oidc.agent-role", AGENT_ROLE);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    static String issuer() {
        return base() + REALM;
    }

    /** A token as the provider issues it: valid for five minutes, for this client, with a name and roles. */
    static String token(String login, String name, String... roles) {
        return sign(key, claims(login, name, Instant.now(), Duration.ofMinutes(5), roles));
    }

    /** A token that ran out half an hour ago. */
    static String expired(String login, String name, String... roles) {
        return sign(key, claims(login, name, Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(30), roles));
    }

    /** A well-formed token with the provider's key id, signed by someone else's key. */
    static String forge(String login, String name, String... roles) {
        return sign(stranger, claims(login, name, Instant.now(), Duration.ofMinutes(5), roles));
    }

    /** The next code the token endpoint is asked to exchange gets these tokens (the ID token names the agent). */
    static void codeExchangeGives(String login, String name, String... roles) {
        JwtClaims id = claims(login, name, Instant.now(), Duration.ofMinutes(5), roles);
        id.setClaim("sid", UUID.randomUUID().toString());
        String body = """
                {"access_token": "%s", "id_token": "%s", "token_type": "Bearer", "expires_in": 300}"""
                .formatted(token(login, name, roles), sign(key, id));
        server.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static JwtClaims claims(String login, String name, Instant issued, Duration life, String... roles) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(issuer());
        c.setAudience(CLIENT_ID);
        c.setSubject(UUID.nameUUIDFromBytes(login.getBytes()).toString());
        c.setClaim("preferred_username", login);
        if (name != null) {
            c.setClaim("name", name);
        }
        c.setStringListClaim("groups", List.of(roles));
        c.setIssuedAt(NumericDate.fromSeconds(issued.getEpochSecond()));
        c.setExpirationTime(NumericDate.fromSeconds(issued.plus(life).getEpochSecond()));
        c.setGeneratedJwtId();
        return c;
    }

    private static String sign(RsaJsonWebKey with, JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(with.getPrivateKey());
        jws.setKeyIdHeaderValue(with.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
