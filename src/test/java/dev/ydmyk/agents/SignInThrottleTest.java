package dev.ydmyk.agents;

import dev.ydmyk.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Password guessing is slowed, then locked, per login and per address; the lock passes with time. In date order: one address's count spans both. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestProfile(SignInThrottleTest.Defaults.class)
class SignInThrottleTest {

    /** The shipped defaults: three free failures, a lock after ten within fifteen minutes. */
    public static class Defaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ydmyk.sign-in.free", "3", "ydmyk.sign-in.lock-after", "10");
        }
    }

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource ds;

    /** The failures are kept in the database, shared with every other test: each test starts and ends with none. */
    @BeforeEach
    @AfterEach
    void realTime() throws Exception {
        clock.reset();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from sign_in_failure");
        }
    }

    @Test
    @Order(1)
    void guessesAreSlowedThenLockedAndTheLockPasses() {
        clock.set(Instant.parse("2026-12-05T10:00:00Z"));
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic("kari", "guess-" + i).get("/api/channel/status").then().statusCode(401);
        }
        given().auth().preemptive().basic("kari", "guess-3").get("/api/channel/status").then().statusCode(401);
        // The fourth failure makes the next try wait a second, even with the right password.
        given().auth().preemptive().basic("kari", "kari-test").get("/api/channel/status").then().statusCode(429)
                .contentType(containsString("application/problem+json")).body("detail", containsString("try again in 1 s"))
                .body("field", equalTo("Authorization"));
        clock.advance(Duration.ofSeconds(1));
        for (int i = 4; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            given().auth().preemptive().basic("kari", "guess-" + i).get("/api/channel/status").then().statusCode(401);
        }
        clock.advance(Duration.ofMinutes(1));
        given().auth().preemptive().basic("kari", "kari-test").get("/api/channel/status").then().statusCode(429)
                .body("detail", containsString("try again in 840 s"));   // locked for 15 minutes from the tenth failure
        // The channel page's form says the same, in words.
        given().formParam("login", "kari").formParam("password", "kari-test").post("/channel/login").then().statusCode(429)
                .header("Retry-After", equalTo("840")).body(containsString("Too many failed sign-ins. Try again in 840 s."));

        clock.advance(Duration.ofMinutes(15));
        given().auth().preemptive().basic("lars", "lars-test").get("/api/channel/status").then().statusCode(200);
        given().auth().preemptive().basic("kari", "kari-test").get("/api/channel/status").then().statusCode(200);
    }

    @Test
    @Order(2)
    void oneAddressGuessingManyLoginsIsLockedToo() {
        clock.set(Instant.parse("2026-12-06T10:00:00Z"));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            given().auth().preemptive().basic("user" + i, "guess").get("/api/channel/status").then().statusCode(401);
        }
        // Every login from this address now waits, even a real one with the right password.
        given().auth().preemptive().basic("lars", "lars-test").get("/api/channel/status").then().statusCode(429);
        clock.advance(Duration.ofMinutes(16));
        given().auth().preemptive().basic("lars", "lars-test").get("/api/channel/status").then().statusCode(200);
    }
}
