package dev.ydmyk.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;

import static dev.ydmyk.hostile.Door.JSON;
import static dev.ydmyk.hostile.Door.utf8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated malformed and hostile bodies at every door (fixed seed, so a failure replays): no answer
 * is a 5xx, every 4xx is problem+json naming the field at fault where there is one, each case gets
 * the status it should, and a refused request writes nothing.
 */
@QuarkusTest
@TestProfile(HostileProfile.class)
class FuzzTest {

    static final int COMPLAINTS = 10_000;
    static final int EACH = 1_000;
    /** Any field, or none: the fault is in the bytes or the shape, not in one field. */
    static final String ANY = "\u0000any";
    static final Map<String, Map<Integer, Integer>> FIGURES = new LinkedHashMap<>();

    @Inject
    AgroalDataSource ds;
    @TestHTTPResource("/")
    URL root;

    Door door;
    final Random rnd = new Random(20261122);

    /** One request to make and what it must get: a status, and the field named (null: none, ANY: not checked). */
    record Case(String what, byte[] body, String contentType, int status, String field) {
    }

    @BeforeEach
    void door() {
        door = new Door(root.getPort());
    }

    @AfterAll
    static void figures() {
        FIGURES.forEach((door, statuses) -> System.out.printf("FUZZ %-24s %6d requests  %s%n", door,
                statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses));
    }

    // ---- the complaint door -------------------------------------------------------------------

    @Test
    void tenThousandHostileComplaints() {
        long before = count("select count(*) from complaint");
        Map<Integer, Integer> statuses = run("POST /api/complaints", COMPLAINTS, this::complaintCase,
                c -> door.asSource("/api/complaints", c.body(), c.contentType()));
        assertEquals(before + statuses.getOrDefault(201, 0), count("select count(*) from complaint"),
                "only the accepted complaints were written");
        assertTrue(statuses.getOrDefault(201, 0) > 100 && statuses.getOrDefault(400, 0) > 7_000, statuses::toString);
    }

    Map<String, String> validComplaint() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("source", q("fuzz"));
        f.put("externalId", q("fz-" + UUID.randomUUID()));
        f.put("author", "{\"name\":" + q("Kari Nordmann") + ",\"handle\":" + q("kari.n") + "}");
        f.put("text", q("Pakken min kom aldri frem, og ingen svarer på telefon."));
        f.put("url", q("https://example.com/p/1"));
        f.put("postedAt", q("2026-11-20T16:54:00+01:00"));
        f.put("language", q("nb"));
        f.put("engagement", "{\"likes\":3,\"comments\":1,\"shares\":0}");
        return f;
    }

    static final String[] STRINGS = {"source", "externalId", "author.name", "author.handle", "text", "url", "language"};
    static final String[] BAD_DATES = {"\"+300000-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"2026-11-20T16:54:00+18:00\"",
            "\"2026-02-30T10:00:00Z\"", "\"2026-11-20T16:54:00\"", "\"2026-13-01T00:00:00Z\"", "\"1899-12-31T23:59:59Z\"", "-999999999",
            "1e400", "1763654040", "\"\"", "true", "[]", "{}", "\"yesterday\"", "\"2026-11-20T25:00:00Z\"", "\"2026-11-20T16:54:00+14:01\""};
    static final String[] BAD_COUNTS = {"-1", "2147483648", "4294967294", "1e10", "4.294967294E9", "1.5", "\"3\"", "true", "[]", "{}",
            "1000000001", "2147483647", "-2147483649", "99999999999999999999999"};
    static final String[] GOOD_TEXTS = {"<script>alert(1)</script>", "'; drop table complaint; --", "Robert'); DELETE FROM draft;--",
            "\\u202eevil\\u202c", "a\\u200db\\ufeffc", "linje1\\r\\nlinje2\\tTab", "😀🇳🇴 æøå ÆØÅ", "<img src=x onerror=alert(1)>",
            "{{7*7}} ${jndi:ldap://x}", "%00%27%22", "𝕳𝖊𝖎"};

    Case complaintCase() {
        Map<String, String> f = validComplaint();
        int k = rnd.nextInt(100);
        if (k < 6) { // accepted although hostile in content
            f.put("text", q(GOOD_TEXTS[rnd.nextInt(GOOD_TEXTS.length)] + " " + rnd.nextInt()));
            if (rnd.nextBoolean()) {
                f.put("author", "{\"name\":" + q(GOOD_TEXTS[rnd.nextInt(GOOD_TEXTS.length)]) + "}");
            }
            if (rnd.nextInt(10) == 0) {
                f.put("text", q("😀".repeat(10_000)));
            }
            if (rnd.nextInt(5) == 0) {
                f.put("engagement", "{\"likes\":1000000000,\"comments\":1000000000,\"shares\":1000000000}");
            }
            return new Case("accepted", utf8(obj(f)), JSON, 201, null);
        }
        if (k < 10) {
            return new Case("garbage", bytes(rnd.nextInt(300)), JSON, 400, ANY);
        }
        if (k < 16) {
            byte[] b = utf8(obj(f));
            return new Case("truncated", Arrays.copyOf(b, 1 + rnd.nextInt(b.length - 1)), JSON, 400, ANY);
        }
        if (k < 46) {
            String field = STRINGS[rnd.nextInt(STRINGS.length)];
            String bad = switch (rnd.nextInt(4)) {
                case 0 -> q("ab" + control() + "cd");
                case 1 -> q("ab" + lone() + "cd");
                case 2 -> new String[]{"123", "true", "[]", "{}", "1.5", "[\"x\"]"}[rnd.nextInt(6)];
                default -> q("x".repeat(switch (field) {
                    case "source" -> 41;
                    case "externalId" -> 501;
                    case "author.name", "author.handle" -> 201;
                    case "text" -> 10_001;
                    case "url" -> 2_001;
                    default -> 3;
                }));
            };
            put(f, field, bad);
            return new Case("bad " + field, utf8(obj(f)), JSON, 400, field);
        }
        if (k < 52) {
            f.put("postedAt", BAD_DATES[rnd.nextInt(BAD_DATES.length)]);
            return new Case("bad postedAt", utf8(obj(f)), JSON, 400, "postedAt");
        }
        if (k < 58) {
            String which = new String[]{"likes", "comments", "shares"}[rnd.nextInt(3)];
            f.put("engagement", "{\"" + which + "\":" + BAD_COUNTS[rnd.nextInt(BAD_COUNTS.length)] + "}");
            return new Case("bad count", utf8(obj(f)), JSON, 400, "engagement." + which);
        }
        if (k < 62) {
            String[] v = {"\"Facebook\"", "\"\"", "\"a b\"", "\"  \"", "null", "\"x/../y\""};
            f.put("source", v[rnd.nextInt(v.length)]);
            return new Case("bad source", utf8(obj(f)), JSON, 400, "source");
        }
        if (k < 63) {
            f.put("source", q("twitter"));
            return new Case("other source", utf8(obj(f)), JSON, 403, "source");
        }
        if (k < 66) {
            f.put(new String[]{"text", "externalId"}[rnd.nextInt(2)], new String[]{"null", "\"\"", "\" \\n\\t \""}[rnd.nextInt(3)]);
            String field = f.get("text").startsWith("\"Pakken") ? "externalId" : "text";
            return new Case("missing " + field, utf8(obj(f)), JSON, 400, field);
        }
        if (k < 69) {
            String[] v = {"\"xx\"", "\"NB\"", "\"nb-NO\"", "\"\""};
            f.put("language", v[rnd.nextInt(v.length)]);
            return new Case("bad language", utf8(obj(f)), JSON, 400, "language");
        }
        if (k < 72) {
            String[] v = {"\"javascript:alert(1)\"", "\"ftp://x\"", "\"not a url\"", "\"http://[::1\"", "\"data:text/html,x\""};
            f.put("url", v[rnd.nextInt(v.length)]);
            return new Case("bad url", utf8(obj(f)), JSON, 400, "url");
        }
        if (k < 77) { // a key twice
            List<String> keys = new ArrayList<>(f.keySet());
            String key = keys.get(rnd.nextInt(keys.size()));
            String json = obj(f);
            json = json.substring(0, json.length() - 1) + "," + q(key) + ":" + f.get(key) + "}";
            return new Case("duplicate " + key, utf8(json), JSON, 400, key);
        }
        if (k < 80) {
            String escape = control();
            String key = rnd.nextBoolean() ? "evil" + rnd.nextInt(100) : "k" + escape;
            f.put(key, "1");
            return new Case("unknown field", utf8(obj(f)), JSON, 400,
                    key.startsWith("evil") ? key : "k" + (char) Integer.parseInt(escape.substring(2), 16));
        }
        if (k < 84) {
            String body = obj(f);
            return switch (rnd.nextInt(6)) {
                case 0 -> new Case("no content type", utf8(body), null, 415, "Content-Type");
                case 1 -> new Case("utf-16 charset", body.getBytes(StandardCharsets.UTF_16LE), "application/json; charset=UTF-16", 415, "Content-Type");
                case 2 -> new Case("latin-1 charset", body.getBytes(StandardCharsets.ISO_8859_1), "application/json;charset=iso-8859-1", 415, "Content-Type");
                case 3 -> new Case("text/plain", utf8(body), "text/plain", 415, null);
                case 4 -> new Case("form", utf8(body), "application/x-www-form-urlencoded", 415, null);
                default -> new Case("xml", utf8("<complaint/>"), "application/xml", 415, null);
            };
        }
        if (k < 90) {
            String body = obj(f);
            Charset[] cs = {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16, Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE")};
            if (rnd.nextBoolean()) {
                return new Case("utf-16/32 body", body.getBytes(cs[rnd.nextInt(cs.length)]), JSON, 400, null);
            }
            byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                    {(byte) 0xC3}, {0}};
            return new Case("invalid utf-8", splice(utf8(body), "Pakken", bad[rnd.nextInt(bad.length)]), JSON, 400, null);
        }
        if (k < 94) {
            String[] v = {"null", "[]", "\"x\"", "5", "true", "[" + obj(f) + "]", obj(f) + obj(f), obj(f) + " x", "", "   ", "{", "}",
                    "[".repeat(3000) + "]".repeat(3000), "{\"text\":" + "[".repeat(3000) + "]".repeat(3000) + "}"};
            String s = v[rnd.nextInt(v.length)];
            return new Case("bad shape", utf8(s), JSON, 400, ANY);
        }
        String which = new String[]{"likes", "comments", "shares"}[rnd.nextInt(3)];
        String[] v = {"01", "+1", "NaN", "Infinity", "-Infinity", "1e400", "0x10", ".5", "1.", "--1"};
        f.put("engagement", "{\"" + which + "\":" + v[rnd.nextInt(v.length)] + "}");
        return new Case("odd number", utf8(obj(f)), JSON, 400, ANY);
    }

    // ---- the agent's doors: approve, reject, redraft, tone check -------------------------------

    @Test
    void aThousandHostileApprovals() {
        decisions("approve", new String[]{"text", "override"});
    }

    @Test
    void aThousandHostileRejections() {
        decisions("reject", new String[]{"reason"});
    }

    @Test
    void aThousandHostileRedrafts() {
        decisions("redraft", new String[]{"hint"});
    }

    void decisions(String action, String[] fields) {
        UUID draft = pendingDraft();
        String complaint = one("select complaint_id from draft where id = '" + draft + "'");
        String state = one("select status || coalesce(decided_by, '') || md5(text) from draft where id = '" + draft + "'");
        long audits = count("select count(*) from audit_event where complaint_id = '" + complaint + "'");
        long drafts = count("select count(*) from draft where complaint_id = '" + complaint + "'");
        run("POST /api/drafts/{id}/" + action, EACH, () -> decisionCase(fields), c -> {
            String id = rnd.nextInt(20) == 0 ? (rnd.nextBoolean() ? UUID.randomUUID().toString() : "not-a-uuid") : draft.toString();
            return door.asKari("/api/drafts/" + id + "/" + action, c.body(), c.contentType()); // the body's fault comes first
        });
        assertEquals(state, one("select status || coalesce(decided_by, '') || md5(text) from draft where id = '" + draft + "'"));
        assertEquals(audits, count("select count(*) from audit_event where complaint_id = '" + complaint + "'"));
        assertEquals(drafts, count("select count(*) from draft where complaint_id = '" + complaint + "'"));
    }

    /** Always at fault, so that none may change the draft. */
    Case decisionCase(String[] fields) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String field : fields) {
            f.put(field, q("Fint svar, takk " + rnd.nextInt(1000)));
        }
        String field = fields[rnd.nextInt(fields.length)];
        int k = rnd.nextInt(100);
        if (k < 40) {
            f.put(field, switch (rnd.nextInt(5)) {
                case 0 -> q("nei" + control());
                case 1 -> q(lone() + "nei");
                case 2 -> new String[]{"123", "true", "[]", "{}", "1.5"}[rnd.nextInt(5)];
                case 3 -> q("x".repeat(field.equals("text") ? 10_001 : 2_001));
                default -> q("a\\u0000b");
            });
            return new Case("bad " + field, utf8(obj(f)), JSON, 400, field);
        }
        if (k < 50) {
            String json = obj(f);
            json = json.substring(0, json.length() - 1) + "," + q(field) + ":\"again\"}";
            return new Case("duplicate", utf8(json), JSON, 400, field);
        }
        if (k < 60) {
            f.put("evil", "1");
            return new Case("unknown field", utf8(obj(f)), JSON, 400, "evil");
        }
        if (k < 70) {
            return new Case("garbage", bytes(1 + rnd.nextInt(200)), JSON, 400, ANY);
        }
        if (k < 78) {
            byte[] b = utf8(obj(f));
            return new Case("truncated", Arrays.copyOf(b, 1 + rnd.nextInt(b.length - 1)), JSON, 400, ANY);
        }
        if (k < 86) {
            String body = obj(f);
            return switch (rnd.nextInt(4)) {
                case 0 -> new Case("no content type", utf8(body), null, 415, "Content-Type");
                case 1 -> new Case("utf-16 charset", body.getBytes(StandardCharsets.UTF_16LE), "application/json; charset=utf-16", 415, "Content-Type");
                case 2 -> new Case("text/plain", utf8(body), "text/plain", 415, null);
                default -> new Case("utf-16 body", body.getBytes(StandardCharsets.UTF_16BE), JSON, 400, null);
            };
        }
        if (k < 93) {
            return new Case("invalid utf-8", splice(utf8(obj(f)), "Fint", new byte[]{(byte) 0xC0, (byte) 0xAF}), JSON, 400, null);
        }
        String[] v = {"[]", "\"x\"", "5", "true", "{", obj(f) + "x", "[".repeat(3000)};
        return new Case("bad shape", utf8(v[rnd.nextInt(v.length)]), JSON, 400, ANY);
    }

    @Test
    void aThousandHostileToneChecks() {
        long complaints = count("select count(*) from complaint");
        run("POST /api/tone-check", EACH, () -> {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("text", q("Hei! Beklager at pakken ble forsinket. Vi ser på saken i dag."));
            f.put("language", q(new String[]{"nb", "da", "sv", "en"}[rnd.nextInt(4)]));
            f.put("complaintText", q("Hvor er pakken min?"));
            int k = rnd.nextInt(100);
            if (k < 20) {
                f.put("text", q(new String[]{"x", ".", "aa ", "!!", "kr "}[rnd.nextInt(5)].repeat(1 + rnd.nextInt(3_000))));
                return new Case("valid", utf8(obj(f)), JSON, 200, null);
            }
            if (k < 60) {
                String field = new String[]{"text", "language", "complaintText"}[rnd.nextInt(3)];
                f.put(field, switch (rnd.nextInt(4)) {
                    case 0 -> q("a" + control());
                    case 1 -> q(lone());
                    case 2 -> new String[]{"1", "[]", "{}", "false"}[rnd.nextInt(4)];
                    default -> field.equals("language") ? q("xx") : q("y".repeat(10_001 + rnd.nextInt(100_000)));
                });
                return new Case("bad " + field, utf8(obj(f)), JSON, 400, field);
            }
            if (k < 70) {
                f.put("text", new String[]{"null", "\"\"", "\"   \""}[rnd.nextInt(3)]);
                return new Case("no text", utf8(obj(f)), JSON, 400, "text");
            }
            if (k < 80) {
                return new Case("garbage", bytes(rnd.nextInt(200)), JSON, 400, ANY);
            }
            if (k < 90) {
                return new Case("no content type", utf8(obj(f)), null, 415, "Content-Type");
            }
            return new Case("utf-16", obj(f).getBytes(StandardCharsets.UTF_16LE), JSON, 400, null);
        }, c -> door.asKari("/api/tone-check", c.body(), c.contentType()));
        assertEquals(complaints, count("select count(*) from complaint"));
    }

    // ---- Meta's door ---------------------------------------------------------------------------

    int facebookAdded;

    @Test
    void aThousandHostileFacebookDeliveries() {
        long before = count("select count(*) from complaint where source = 'facebook'");
        facebookAdded = 0;
        run("POST /webhooks/facebook", EACH, this::facebookCase, c -> {
            Door.Answer a = door.toMeta(c.body());
            JsonNode j = a.status() == 200 ? a.json() : null;
            facebookAdded += j == null ? 0 : j.path("added").asInt();
            return a;
        });
        assertEquals(before + facebookAdded, count("select count(*) from complaint where source = 'facebook'"));
        assertTrue(facebookAdded > 100, "hostile but takeable changes are taken: " + facebookAdded);
    }

    Case facebookCase() {
        int k = rnd.nextInt(100);
        if (k < 8) {
            return new Case("not json", bytes(rnd.nextInt(200)), JSON, 400, ANY);
        }
        if (k < 12) {
            String[] v = {"[]", "5", "{\"object\":\"page\",\"entry\":", "{\"a\":1,\"a\":2}", "[".repeat(3000)};
            return new Case("bad shape", utf8(v[rnd.nextInt(v.length)]), JSON, 400, ANY);
        }
        List<String> changes = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
            changes.add(facebookChange());
        }
        String object = rnd.nextInt(20) == 0 ? "user" : "page";
        String entry = rnd.nextInt(30) == 0 ? "{\"changes\":5}" : "{\"id\":\"" + HostileProfile.PAGE + "\",\"time\":1763654041,\"changes\":[" + String.join(",", changes) + "]}";
        return new Case("delivery", utf8("{\"object\":\"" + object + "\",\"entry\":[" + entry + "]}"), JSON, 200, null);
    }

    String facebookChange() {
        String id = HostileProfile.PAGE + "_" + (1_000_000_000L + rnd.nextInt(1_000_000_000));
        Map<String, String> v = new LinkedHashMap<>();
        v.put("from", "{\"id\":\"42\",\"name\":" + q("Ola " + rnd.nextInt(100)) + "}");
        v.put("post_id", q(id));
        v.put("created_time", "1763654040");
        v.put("item", q("post"));
        v.put("verb", q("add"));
        v.put("message", q("Ingen har svart meg på en uke. " + rnd.nextInt()));
        v.put("permalink_url", q("https://www.facebook.com/" + id));
        switch (rnd.nextInt(14)) {
            case 0 -> v.put("message", q("Hei" + control() + " og " + lone() + " " + rnd.nextInt()));
            case 1 -> v.put("from", "{\"id\":\"42\",\"name\":" + q("N".repeat(rnd.nextInt(10) == 0 ? 100_000 : 1_000)) + "}");
            case 2 -> v.put("created_time", new String[]{"1e15", "-999999999", "1.5", "\"soon\"", "1e400", "99999999999999999999", "null", "{}"}[rnd.nextInt(8)]);
            case 3 -> v.put("post_id", new String[]{q("1_2/../../PAGE1/feed?message=x&y="), q("12 34"), q("1\\u00002"), q("9".repeat(1000)), "5", "{}", "[]", "null"}[rnd.nextInt(8)]);
            case 4 -> v.put("message", q("x".repeat(10_000 + rnd.nextInt(20_000)) + rnd.nextInt()));
            case 5 -> v.put("permalink_url", new String[]{q("javascript:alert(1)"), q("https://x\\u0000y"), q("h".repeat(3000)), "7"}[rnd.nextInt(4)]);
            case 6 -> v.put("verb", new String[]{q("remove"), q("edited"), q("hide"), "[]", q("")}[rnd.nextInt(5)]);
            case 7 -> v.put("item", new String[]{q("comment"), q("reaction"), q("like"), "1"}[rnd.nextInt(4)]);
            case 8 -> v.put("message", new String[]{"5", "[]", "{}", "null", q(""), q(" ")}[rnd.nextInt(6)]);
            case 9 -> v.put("from", new String[]{"5", "[]", "null", "{\"id\":" + q(HostileProfile.PAGE) + "}"}[rnd.nextInt(4)]);
            case 10 -> v.put("parent_id", new String[]{q("../../x"), q("1\\u0001"), "{}"}[rnd.nextInt(3)]);
            default -> {
                // a good change: it must be taken beside its bad neighbours
            }
        }
        String field = rnd.nextInt(25) == 0 ? "\"feed_x\"" : "\"feed\"";
        String value = rnd.nextInt(40) == 0 ? "[1,2]" : obj(v);
        return "{\"field\":" + field + ",\"value\":" + value + "}";
    }

    // ---- Slack's door --------------------------------------------------------------------------

    @Test
    void aThousandHostileSlackInteractions() {
        String decided = "select count(*) from draft where decided_by is not null";
        long before = count(decided);
        run("POST /slack/interactions", EACH, this::slackCase, c -> door.toSlack(c.body()));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> count(decided) == before);
    }

    Case slackCase() {
        String user = rnd.nextInt(4) == 0 ? "UNOBODY" : HostileProfile.SLACK_USER;
        String uuid = UUID.randomUUID().toString();
        String badId = new String[]{"not-a-uuid", "", "1-1-1-1-1", uuid + "x", "../../x", "\\u0000"}[rnd.nextInt(6)];
        int k = rnd.nextInt(100);
        String payload;
        int status = 400;
        String field = ANY;
        if (k < 15) {
            payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + user + "\"},\"actions\":[{\"action_id\":\"approve\",\"value\":\"" + badId + "\"}]}";
            field = "payload.actions[0].value";
        } else if (k < 25) {
            payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + user + "\"}" + new String[]{"", ",\"actions\":[]", ",\"actions\":5", ",\"actions\":[{}]"}[rnd.nextInt(4)] + "}";
            field = "payload.actions[0].action_id";
        } else if (k < 35) {
            payload = "{\"type\":\"view_submission\",\"user\":{\"id\":\"" + user + "\"},\"view\":{\"callback_id\":\"reject\",\"private_metadata\":\"" + badId + "\"}}";
            field = "payload.view.private_metadata";
        } else if (k < 45) {
            payload = "{\"type\":\"view_submission\",\"user\":{\"id\":\"" + user + "\"},\"view\":" + new String[]{"5", "[]", "{}", "{\"callback_id\":7}", "null"}[rnd.nextInt(5)] + "}";
            field = "payload.view.callback_id";
        } else if (k < 55) {
            payload = new String[]{"not json", "[1]", "5", "{\"type\":", "{\"a\":1,\"a\":2}", "[".repeat(3000), ""}[rnd.nextInt(7)];
            field = "payload";
        } else if (k < 70) { // parses; the draft does not exist: acknowledged, and nothing happens
            payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + user + "\"},\"trigger_id\":\"t\",\"channel\":{\"id\":\"C1\"},\"actions\":[{\"action_id\":\""
                    + new String[]{"approve", "edit", "reject", "redraft"}[rnd.nextInt(4)] + "\",\"value\":\"" + uuid + "\"}]}";
            status = 200;
            field = null;
        } else if (k < 80) {
            String cb = new String[]{"edit", "reject", "redraft"}[rnd.nextInt(3)];
            payload = "{\"type\":\"view_submission\",\"user\":{\"id\":\"" + user + "\"},\"view\":{\"callback_id\":\"" + cb + "\",\"private_metadata\":\"" + uuid
                    + "|C1\",\"state\":{\"values\":{\"note\":{\"note\":{\"value\":\"a\\u0000b\"}},\"text\":{\"text\":{\"value\":\"" + lone() + "\"}}}}}}";
            status = cb.equals("edit") && !user.equals("UNOBODY") ? 404 : 200;
            field = null;
        } else if (k < 85) {
            payload = "{\"type\":\"" + new String[]{"view_closed", "shortcut", "", "message_action"}[rnd.nextInt(4)] + "\"}";
            status = 200;
            field = null;
        } else {
            String[] forms = {"payload=%E0%A4%A", "payload=%zz", "payload=%", "nopayload=1", "", "payload=%7B%22a%22%3A%7D", "payload=\u00ff"};
            String form = forms[rnd.nextInt(forms.length)];
            byte[] b = rnd.nextInt(5) == 0 ? new byte[]{'p', 'a', 'y', 'l', 'o', 'a', 'd', '=', (byte) 0xC0, (byte) 0xAF} : utf8(form);
            return new Case("bad form", b, null, 400, ANY);
        }
        return new Case("payload", utf8("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)), null, status, field);
    }

    // ---- the harness ---------------------------------------------------------------------------

    Map<Integer, Integer> run(String name, int n, Supplier<Case> cases, Function<Case, Door.Answer> send) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Case c = cases.get();
            Door.Answer a = send.apply(c);
            statuses.merge(a.status(), 1, Integer::sum);
            String why = a.status() >= 500 ? "a 5xx"
                    : a.status() >= 400 && !a.problem() ? "a 4xx that is not problem+json (" + a.contentType() + ")"
                    : a.status() != c.status() ? "status " + a.status() + ", expected " + c.status()
                    : a.status() >= 400 && c.field() != ANY && !Objects.equals(c.field(), a.field()) ? "field " + a.field() + ", expected " + c.field()
                    : null;
            if (why != null && wrong.size() < 25) {
                String body = new String(c.body(), StandardCharsets.UTF_8);
                wrong.add("#" + i + " " + c.what() + ": " + why + "\n   sent " + (body.length() > 300 ? body.substring(0, 300) + "…" : body)
                        + "\n   got  " + (a.body().length() > 300 ? a.body().substring(0, 300) : a.body()));
            }
        }
        FIGURES.put(name, statuses);
        assertTrue(wrong.isEmpty(), name + " " + statuses + "\n" + String.join("\n", wrong));
        return statuses;
    }

    static String q(String s) {
        return "\"" + s.replace("\"", "\\\"") + "\"";
    }

    String control() {
        int[] c = {0, 1, 7, 8, 11, 12, 14, 27, 31, 127, 128, 133, 159};
        return String.format("\\u%04x", c[rnd.nextInt(c.length)]);
    }

    String lone() {
        return String.format("\\u%04x", rnd.nextBoolean() ? 0xD800 + rnd.nextInt(0x400) : 0xDC00 + rnd.nextInt(0x400));
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    static String obj(Map<String, String> f) {
        StringBuilder s = new StringBuilder("{");
        Map<String, Map<String, String>> nested = new LinkedHashMap<>();
        f.forEach((k, v) -> {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append(q(k)).append(':').append(v);
        });
        return s.append('}').toString();
    }

    /** Sets a possibly nested field ({@code author.name}) to a raw JSON value. */
    static void put(Map<String, String> f, String field, String raw) {
        if (!field.contains(".")) {
            f.put(field, raw);
            return;
        }
        String[] p = field.split("\\.");
        String inner = f.get(p[0]);
        String re = "\"" + p[1] + "\":\"[^\"]*\"";
        f.put(p[0], inner.replaceFirst(re, Matcher.quoteReplacement("\"" + p[1] + "\":" + raw)));
    }

    static byte[] splice(byte[] body, String at, byte[] insert) {
        String s = new String(body, StandardCharsets.UTF_8);
        int i = s.indexOf(at);
        int bi = s.substring(0, Math.max(i, 0)).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, bi);
        out.write(insert, 0, insert.length);
        out.write(body, bi, body.length - bi);
        return out.toByteArray();
    }

    UUID pendingDraft() {
        Door.Answer a = door.asSource("/api/complaints", utf8(obj(validComplaint())), JSON);
        assertEquals(201, a.status(), a.body());
        String id = a.json().get("id").asText();
        String sql = "select id from draft where complaint_id = '" + id + "' and status = 'pending'";
        // Behind the drafting backlog the other fuzz runs leave (hundreds of accepted complaints, some 10,000 characters).
        await().atMost(Duration.ofSeconds(120)).until(() -> one(sql) != null);
        return UUID.fromString(one(sql));
    }

    long count(String sql) {
        return Long.parseLong(one(sql));
    }

    String one(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new AssertionError(sql, e);
        }
    }
}
