package dev.ydmyk.agents;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behind HTTPS (ydmyk.public-url is https) the session cookie is Secure, HttpOnly and SameSite=Strict. */
@QuarkusTest
@TestProfile(SecureCookieTest.BehindHttps.class)
class SecureCookieTest {

    public static class BehindHttps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ydmyk.public-url", "https://support.example.com");
        }
    }

    @Test
    void theSessionCookieIsSecureBehindHttps() {
        Response r = given().redirects().follow(false).formParam("login", "kari").formParam("password", "kari-test").post("/channel/login");
        String cookie = r.getHeader("Set-Cookie");
        assertTrue(r.statusCode() == 303 && cookie != null, r.statusCode() + " " + cookie);
        assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    }
}
