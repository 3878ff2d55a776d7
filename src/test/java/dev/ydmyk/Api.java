package dev.ydmyk;

import dev.ydmyk.incidents.Incidents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;

/** How the tests talk to the service: as a source posting complaints, and as agents deciding drafts. */
public final class Api {

    public static final String SOURCE_TOKEN = "test-source-token";

    private static final AtomicLong MARKERS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L, 5_000_000L));

    /**
     * A word no other post of the run carries, for a fake to match on: {@code prefix} and seven digits. Digits, not
     * letters: random letters tipped the language of a post now and then (an English post read as Bokmal, so its
     * model reply failed the language guardrail), and seven stay short of a phone number.
     */
    public static String marker(String prefix) {
        return prefix + " " + MARKERS.getAndIncrement();
    }

    private Api() {
    }

    public static RequestSpecification asSource() {
        return given().header("Authorization", "Bearer " + SOURCE_TOKEN).contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String login, String password) {
        return given().auth().preemptive().basic(login, password).contentType(ContentType.JSON);
    }

    public static RequestSpecification asKari() {
        return as("kari", "kari-test");
    }

    public static RequestSpecification asLars() {
        return as("lars", "lars-test");
    }

    public static Map<String, Object> complaint(String source, String author, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("externalId", "ext-" + UUID.randomUUID());
        if (author != null) {
            body.put("author", Map.of("name", author, "handle", author.toLowerCase().replace(' ', '.')));
        }
        body.put("text", text);
        return body;
    }

    /** Posts a complaint and returns its id. */
    public static String post(Map<String, Object> body) {
        return asSource().body(body).post("/api/complaints").then().statusCode(201).extract().path("id");
    }

    public static JsonPath complaintView(String id) {
        return asKari().get("/api/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the complaint has {@code n} drafts (the drafting worker runs off the request thread). */
    public static JsonPath awaitDrafts(String complaintId, int n) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath view = complaintView(complaintId);
            List<?> drafts = view.getList("drafts");
            if (drafts != null && drafts.size() >= n) {
                return view;
            }
            sleep(50);
        }
        throw new AssertionError("No draft number " + n + " for complaint " + complaintId + " within 60 s: " + complaintView(complaintId).prettify());
    }

    /** Waits until the complaint is triaged and needs nothing more from the drafting worker. */
    public static JsonPath awaitStatus(String complaintId, String status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonPath view = complaintView(complaintId);
        while (Instant.now().isBefore(deadline)) {
            view = complaintView(complaintId);
            if (status.equals(view.getString("status"))) {
                return view;
            }
            sleep(50);
        }
        throw new AssertionError("Complaint " + complaintId + " never reached " + status + ": " + view.prettify());
    }

    /** Waits until the complaint's reply is out: publishing runs after the approval has answered. */
    public static JsonPath awaitSent(String complaintId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath view = complaintView(complaintId);
            if (view.getString("reply.sentAt") != null) {
                return view;
            }
            sleep(50);
        }
        throw new AssertionError("The reply to " + complaintId + " was not sent within 60 s: " + complaintView(complaintId).prettify());
    }

    public static String latestDraftId(JsonPath view) {
        List<String> ids = view.getList("drafts.id");
        return ids.get(ids.size() - 1);
    }

    public static Response approve(String draftId, Map<String, Object> body) {
        return asKari().body(body == null ? Map.of() : body).post("/api/drafts/" + draftId + "/approve");
    }

    /**
     * Empties the tables between tests. The notices tray is locked first: the service may be storing a
     * notice (which refers to a complaint) at this moment, and locking in the other order could
     * deadlock; a deadlock that happens anyway is tried again.
     */
    public static void wipe(AgroalDataSource ds) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("truncate notice, audit_event, reply, draft, complaint, digest, email_passed_over cascade");
                // The storm detector starts afresh from the database, as after a restart: else it would go on weighing the wiped posts' words.
                if (Arc.container() != null) {
                    Arc.container().instance(Incidents.class).get().reload();
                }
                return;
            } catch (java.sql.SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public static long count(AgroalDataSource ds, String table) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
