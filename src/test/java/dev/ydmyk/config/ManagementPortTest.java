package dev.ydmyk.config;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Built with quarkus.management.enabled=true, health and metrics are served on the management port
 * (9000 unless quarkus.management.port says otherwise) and no longer beside the API.
 */
@QuarkusTest
@TestProfile(ManagementPortTest.ManagementInterface.class)
class ManagementPortTest {

    public static class ManagementInterface implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true", "quarkus.management.test-port", "0");
        }
    }

    // relative to the management interface's root path, /q
    @TestHTTPResource(value = "/health", management = true)
    URL health;
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void healthIsServedOnTheManagementPort() {
        assertTrue(health.toString().endsWith("/q/health"), health.toString());
        given().log().ifValidationFails().get(health).then().statusCode(200).body("status", equalTo("UP"));
        given().get(health + "/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get(health + "/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedOnTheManagementPort() {
        given().log().ifValidationFails().get(metrics).then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void theApplicationPortNoLongerServesThem() {
        given().get("/q/health").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
