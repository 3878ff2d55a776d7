package dev.ydmyk.publishing;

import com.sun.net.httpserver.HttpServer;
import dev.ydmyk.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A source with a callback URL gets every sent reply POSTed to it; failures are retried, nothing is lost. */
@QuarkusTest
class CallbackTest {

    static final int PORT = 18089;
    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(2);

    @BeforeEach
    void startReceiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/replies", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                received.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    @Test
    void aFailingCallbackIsRetriedUntilItTakesTheReply() {
        Map<String, Object> body = Api.complaint("hooked", "Julie Nørgaard", "Min ordre er forsinket igen, og ingen svarer.");
        String id = given().header("Authorization", "Bearer hooked-token").contentType("application/json")
                .body(body).post("/api/complaints").then().statusCode(201).extract().path("id");
        String draft = Api.latestDraftId(Api.awaitDrafts(id, 1));

        Api.approve(draft, null).then().statusCode(200);
        var approved = Api.complaintView(id);
        assertEquals("approved", approved.getString("status"), "the first attempt fails, the reply waits");
        assertNull(approved.getString("reply.sentAt"));

        var sent = Api.awaitStatus(id, "answered");
        assertEquals(3, sent.getInt("reply.publishAttempts"));
        assertEquals(1, received.size());
        assertTrue(received.get(0).contains("Kari Nordmann") && received.get(0).contains(id), received.get(0));
    }
}
