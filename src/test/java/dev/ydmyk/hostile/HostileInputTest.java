package dev.ydmyk.hostile;

import dev.ydmyk.email.EmailIntake;
import dev.ydmyk.email.IncomingMail;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.ydmyk.hostile.Door.JSON;
import static dev.ydmyk.hostile.Door.utf8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each hostile case from issues 10 and 11 at the doors: refused with the field named and nothing written, or cleaned and taken. */
@QuarkusTest
@TestProfile(HostileProfile.class)
class HostileInputTest {

    @Inject
    AgroalDataSource ds;
    @Inject
    EmailIntake email;
    @TestHTTPResource("/")
    URL root;

    Door door;

    @BeforeEach
    void door() {
        door = new Door(root.getPort());
    }

    static String complaint(String extra) {
        return "{\"source\":\"fuzz\",\"externalId\":\"x-" + UUID.randomUUID() + "\",\"text\":\"Pakken kom aldri frem.\"" + extra + "}";
    }

    /** Refused: 400 (or the given status) as problem+json naming the field, and no complaint written. */
    void refused(int status, String field, byte[] body, String contentType) {
        long before = count("complaint");
        Door.Answer a = door.asSource("/api/complaints", body, contentType);
        assertEquals(status, a.status(), a.body());
        assertTrue(a.problem(), a.contentType());
        assertEquals(field, a.field(), a.body());
        assertEquals(before, count("complaint"));
    }

    void refused(String field, String json) {
        refused(400, field, utf8(json), JSON);
    }

    @Test
    void nulInTextOrExternalIdIsRefusedNamingTheField() {
        refused("text", "{\"source\":\"fuzz\",\"externalId\":\"a\",\"text\":\"hei\\u0000du\"}");
        refused("externalId", "{\"source\":\"fuzz\",\"externalId\":\"a\\u0000b\",\"text\":\"hei\"}");
        refused("author.name", complaint(",\"author\":{\"name\":\"Kari\\u0007\"}"));
    }

    @Test
    void loneSurrogateIsRefusedNamingTheField() {
        refused("text", "{\"source\":\"fuzz\",\"externalId\":\"a\",\"text\":\"hei \\ud83d\"}");
        refused("externalId", "{\"source\":\"fuzz\",\"externalId\":\"\\udc00\",\"text\":\"hei\"}");
    }

    @Test
    void tabNewlineAndCarriageReturnAreText() {
        Door.Answer a = door.asSource("/api/complaints", utf8(complaint(",\"author\":{\"name\":\"Kari\\tN\"}")
                .replace("frem.", "frem.\\r\\nHilsen\\tKari")), JSON);
        assertEquals(201, a.status(), a.body());
    }

    @Test
    void postedAtOutsidePostgresqlsRangeOrWithAnImpossibleOffsetIsRefused() {
        for (String t : List.of("\"+300000-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"2026-11-20T16:54:00+18:00\"",
                "\"2026-02-30T10:00:00Z\"", "\"2026-11-20T16:54:00\"", "-999999999", "1e400", "1763654040", "\"\"", "true")) {
            refused("postedAt", complaint(",\"postedAt\":" + t));
        }
    }

    @Test
    void duplicateKeysAreRefusedNamingTheKey() {
        refused("text", "{\"source\":\"fuzz\",\"externalId\":\"a\",\"text\":\"one\",\"text\":\"two\"}");
        refused("author.name", complaint(",\"author\":{\"name\":\"a\",\"name\":\"b\"}"));
    }

    @Test
    void engagementCountsThatOverflowAreRefused() {
        refused("engagement.likes", complaint(",\"engagement\":{\"likes\":4294967294}"));
        refused("engagement.likes", complaint(",\"engagement\":{\"likes\":4.294967294E9}"));
        refused("engagement.shares", complaint(",\"engagement\":{\"shares\":2147483647}"));
        refused("engagement.comments", complaint(",\"engagement\":{\"comments\":1.5}"));
    }

    @Test
    void overlongOrInvalidUtf8IsRefused() {
        byte[] overlong = utf8(complaint("").replace("frem.", "frem#"));
        for (int i = 0; i < overlong.length; i++) {
            if (overlong[i] == '#') {
                byte[] b = new byte[overlong.length + 1];
                System.arraycopy(overlong, 0, b, 0, i);
                b[i] = (byte) 0xC0;
                b[i + 1] = (byte) 0xAF; // "/" in two bytes
                System.arraycopy(overlong, i + 1, b, i + 2, overlong.length - i - 1);
                refused(400, null, b, JSON);
                b[i] = (byte) 0xED;
                b[i + 1] = (byte) 0xA0; // the start of an encoded surrogate
                refused(400, null, b, JSON);
            }
        }
    }

    @Test
    void utf16BodiesAndBodiesWithoutJsonContentTypeAreRefused() {
        String body = complaint("");
        refused(400, null, body.getBytes(StandardCharsets.UTF_16LE), JSON);
        refused(400, null, body.getBytes(StandardCharsets.UTF_16), JSON);
        refused(400, null, body.getBytes(Charset.forName("UTF-32BE")), JSON);
        refused(415, "Content-Type", utf8(body), null);
        refused(415, "Content-Type", body.getBytes(StandardCharsets.UTF_16LE), "application/json; charset=utf-16");
        Door.Answer plain = door.asSource("/api/complaints", utf8(body), "text/plain");
        assertEquals(415, plain.status());
        assertTrue(plain.problem());
    }

    @Test
    void rejectReasonAndRedraftHintWithNulAreRefusedAndTheDraftStaysPending() {
        UUID draft = pendingDraft();
        for (String[] c : new String[][]{{"reject", "reason"}, {"redraft", "hint"}, {"approve", "text"}, {"approve", "override"}}) {
            Door.Answer a = door.asKari("/api/drafts/" + draft + "/" + c[0], utf8("{\"" + c[1] + "\":\"nei\\u0000\"}"), JSON);
            assertEquals(400, a.status(), a.body());
            assertTrue(a.problem());
            assertEquals(c[1], a.field());
        }
        Door.Answer dup = door.asKari("/api/drafts/" + draft + "/reject", utf8("{\"reason\":\"a\",\"reason\":\"b\"}"), JSON);
        assertEquals(400, dup.status(), dup.body());
        assertEquals("reason", dup.field());
        assertEquals("pending", draftStatus(draft));
    }

    @Test
    void toneCheckTakesAtMostTheComplaintLimit() {
        String big = "x".repeat(10_001);
        Door.Answer a = door.asKari("/api/tone-check", utf8("{\"text\":\"" + big + "\",\"language\":\"nb\"}"), JSON);
        assertEquals(400, a.status(), a.body());
        assertEquals("text", a.field());
        Door.Answer b = door.asKari("/api/tone-check", utf8("{\"text\":\"Hei\",\"language\":\"nb\",\"complaintText\":\"" + big + "\"}"), JSON);
        assertEquals("complaintText", b.field());
        Door.Answer mib = door.asKari("/api/tone-check", utf8("{\"text\":\"" + "y".repeat(1_000_000) + "\",\"language\":\"nb\"}"), JSON);
        assertEquals(400, mib.status());
        assertEquals(200, door.asKari("/api/tone-check", utf8("{\"text\":\"" + "z".repeat(10_000) + "\",\"language\":\"nb\"}"), JSON).status());
    }

    static String change(String postId, String name, String message, String createdTime) {
        return """
                {"field":"feed","value":{"from":{"id":"42","name":"%s"},"post_id":"%s","created_time":%s,"item":"post",
                 "verb":"add","message":"%s"}}""".formatted(name, postId, createdTime, message);
    }

    static String delivery(String... changes) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + HostileProfile.PAGE + "\",\"time\":1763654041,\"changes\":["
                + String.join(",", changes) + "]}]}";
    }

    static String postId() {
        return HostileProfile.PAGE + "_" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    @Test
    void oneBadFacebookChangeCostsOnlyItself() {
        String good = postId();
        String withNul = postId();
        String farFuture = postId();
        String badId = "1_2\\u0000/../../PAGE1/feed?message=x&y=";
        byte[] body = utf8(delivery(change(good, "Kari", "Regningen er feil.", "1763654040"),
                change(withNul, "Ola\\u0000", "Hei\\u0000 \\ud83d der", "1763654040"),
                change(farFuture, "Per", "Ingen svar.", "1e15"),
                change(badId, "Eve", "Hvor er pakken? " + good, "1763654040")));
        for (int i = 0; i < 3; i++) { // Meta redelivers: still each taken once
            Door.Answer a = door.toMeta(body);
            assertEquals(200, a.status(), a.body());
        }
        assertEquals("Regningen er feil.", storedText(good));
        assertEquals("Hei \uFFFD der", storedText(withNul));
        assertEquals("Ingen svar.", storedText(farFuture));
        assertEquals(0, countWhere("complaint", "text = 'Hvor er pakken? " + good + "'"));
        assertEquals(1, countWhere("complaint", "external_id = '" + good + "'"));
        assertTrue(countWhere("facebook_passed_over", "reason like '%cannot be stored%' and change like '%PAGE1/feed%'") >= 1);
    }

    @Test
    void aWebhookChangeWithBytesThatAreNotUtf8IsCleanedAndTaken() {
        String id = postId();
        byte[] body = utf8(delivery(change(id, "Kari", "Feil # her", "1763654040")));
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '#') {
                body[i] = (byte) 0xC0; // an overlong form's first byte, alone
            }
        }
        Door.Answer a = door.toMeta(body);
        assertEquals(200, a.status(), a.body());
        assertEquals("Feil \uFFFD her", storedText(id));
    }

    @Test
    void theAuthorsNameFromTheWebhookIsCapped() {
        String id = postId();
        Door.Answer a = door.toMeta(utf8(delivery(change(id, "N".repeat(100_000), "Kortet virker ikke.", "1763654040"))));
        assertEquals(200, a.status(), a.body());
        assertEquals("200", query("select length(author_name) from complaint where external_id = '" + id + "'"));
    }

    @Test
    void pathologicalPostsDoNotHoldUpTheDraftOfANormalComplaint() {
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            changes.add(change(postId(), "N".repeat(100_000), (i == 0 ? "x" : i == 1 ? "." : "!a").repeat(10_000 / (i + 1)), "1763654040"));
        }
        assertEquals(200, door.toMeta(utf8(delivery(changes.toArray(String[]::new)))).status());
        long t0 = System.nanoTime();
        pendingDraft();
        Duration waited = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(waited.compareTo(Duration.ofSeconds(5)) < 0, "a normal complaint waited " + waited + " for its draft");
    }

    @Test
    void aMailWithNulAndLoneSurrogatesIsCleanedAndTaken() {
        String mid = "<" + UUID.randomUUID() + "@kunde.example>";
        boolean taken = email.take(new IncomingMail(mid, "Kari\u0000", "kari@kunde.example", "kari@kunde.example",
                "Feil\u0000 i\u0008 regning", "Dere trakk meg to ganger\u0000 \ud83d.", null, List.of(), OffsetDateTime.parse("+300000-01-01T00:00Z"),
                List.of(), null));
        assertTrue(taken);
        assertEquals("Dere trakk meg to ganger \uFFFD.", query("select text from complaint where external_id = '" + mid + "'"));
    }

    @Test
    void slackPayloadsThatVerifyButDoNotParseAre400AndChangeNothing() {
        UUID draft = pendingDraft();
        String u = HostileProfile.SLACK_USER;
        List<String> payloads = new ArrayList<>(List.of(
                "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + u + "\"},\"actions\":[{\"action_id\":\"approve\",\"value\":\"not-a-uuid\"}]}",
                "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + u + "\"}}",
                "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + u + "\"},\"actions\":[]}",
                "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + u + "\"},\"actions\":[{\"action_id\":\"explode\",\"value\":\"" + draft + "\"}]}",
                "{\"type\":\"view_submission\",\"user\":{\"id\":\"" + u + "\"},\"view\":{\"callback_id\":\"reject\",\"private_metadata\":\"\"}}",
                "{\"type\":\"view_submission\",\"user\":{\"id\":\"" + u + "\"},\"view\":5}",
                "{\"type\":\"view_submission\",\"user\":{\"id\":\"" + u + "\"},\"view\":{\"callback_id\":\"weird\",\"private_metadata\":\"" + draft + "\"}}",
                "[1,2]", "not json", "{\"type\":"));
        for (String p : payloads) {
            Door.Answer a = door.toSlack(utf8("payload=" + URLEncoder.encode(p, StandardCharsets.UTF_8)));
            assertEquals(400, a.status(), p + " -> " + a.body());
            assertTrue(a.problem(), p);
            assertTrue(a.field().startsWith("payload"), a.body());
        }
        for (String form : List.of("payload=%E0%A4%A", "payload=%zz", "payload=%")) {
            Door.Answer a = door.toSlack(utf8(form));
            assertEquals(400, a.status(), form + " -> " + a.body());
            assertTrue(a.problem(), form);
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> "pending".equals(draftStatus(draft)));
    }

    UUID pendingDraft() {
        Door.Answer a = door.asSource("/api/complaints", utf8(complaint("")), JSON);
        assertEquals(201, a.status(), a.body());
        String id = a.json().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> query("select id from draft where complaint_id = '" + id + "' and status = 'pending'") != null);
        return UUID.fromString(query("select id from draft where complaint_id = '" + id + "' and status = 'pending'"));
    }

    String draftStatus(UUID draft) {
        return query("select status from draft where id = '" + draft + "'");
    }

    String storedText(String externalId) {
        return query("select text from complaint where source = 'facebook' and external_id = '" + externalId.replace("'", "''") + "'");
    }

    long count(String table) {
        return countWhere(table, "true");
    }

    long countWhere(String table, String where) {
        return Long.parseLong(query("select count(*) from " + table + " where " + where));
    }

    String query(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new AssertionError(sql, e);
        }
    }
}
