package dev.ydmyk.privacy;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Customers' data rights end to end: an administrator exports everything kept about a customer and
 * erases it, after which none of the customer's words, names or addresses is left in any table of
 * the database (found by scanning every text column there is, so a table added later without erasure
 * fails here), other customers are untouched, and the anonymous counts remain.
 */
@QuarkusTest
class DataRightsTest {

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void clean() {
        Api.wipe(ds);
        sql("delete from facebook_passed_over");
    }

    /** Words no other test writes: a name, a handle, words in the text, a link, an agent's note about them. */
    record Customer(String name, String handle, String words, String link, String note) {
        static Customer unique() {
            return new Customer("Silje " + letters(), "silje." + letters().toLowerCase(Locale.ROOT), "ordre" + letters(),
                    "https://www.facebook.com/" + letters() + "/posts/1", "notat" + letters());
        }

        List<String> markers() {
            return List.of(name.substring(6), handle, words, link.substring(25, 35), note);
        }
    }

    static String letters() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            b.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    static Map<String, Object> complaint(Customer c, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "facebook");
        body.put("externalId", "ext-" + UUID.randomUUID());
        body.put("author", Map.of("name", c.name(), "handle", c.handle()));
        body.put("text", text + " " + c.words());
        body.put("url", c.link());
        return body;
    }

    /** Two complaints: one answered with an edit and an override that quotes the customer, one asked to be redrafted and left pending. */
    private List<String> customerWithHistory(Customer c) {
        String answered = Api.post(complaint(c, "Strømmen har vært borte i to dager og ingen svarer meg. Jeg er så lei av dette."));
        String draft = Api.latestDraftId(Api.awaitDrafts(answered, 1));
        String text = Api.complaintView(answered).getString("drafts[0].text");
        Api.approve(draft, Map.of("text", text + "\n\nVi ser på saken din, " + c.words() + ".", "override", "Kunden ba om det: " + c.note()))
                .then().statusCode(200);
        Api.awaitSent(answered);

        String pending = Api.post(complaint(c, "Fakturaen er feil for tredje gang. Hvorfor kan dere ikke rette den?"));
        String first = Api.latestDraftId(Api.awaitDrafts(pending, 1));
        Api.asLars().body(Map.of("hint", "Nevn " + c.note())).post("/api/drafts/" + first + "/redraft").then().statusCode(202);
        Api.awaitDrafts(pending, 2);
        // What Facebook sent about them that we could not take.
        sql("insert into facebook_passed_over (external_id, reason, change, received_at) values ('1_2', 'no usable id', "
                + "'{\"field\":\"feed\",\"value\":{\"from\":{\"id\":\"" + c.handle() + "\",\"name\":\"" + c.name() + "\"},\"message\":\""
                + c.words() + "\"}}', now())");
        return List.of(answered, pending);
    }

    @Test
    void anAdministratorExportsEverythingKeptAboutACustomer() {
        Customer c = Customer.unique();
        List<String> ids = customerWithHistory(c);
        Api.post(complaint(Customer.unique(), "Noen andre klager på noe helt annet her."));

        JsonPath export = Api.asKari().queryParam("source", "facebook").queryParam("handle", c.handle().toUpperCase(Locale.ROOT))
                .get("/api/customers/export").then().statusCode(200).extract().jsonPath();
        assertEquals(ids, export.getList("complaints.id"));
        assertEquals(c.name(), export.getString("complaints[0].authorName"));
        assertTrue(export.getString("complaints[0].text").contains(c.words()));
        assertEquals(c.link(), export.getString("complaints[0].url"));
        assertTrue(export.getString("complaints[0].replies[0].text").contains(c.words()), "the reply as sent");
        assertNotNull(export.getString("complaints[0].replies[0].sentAt"));
        assertEquals(List.of("sent"), export.getList("complaints[0].drafts.status"));
        assertTrue(export.getString("complaints[0].audit.find { it.action == 'approved' }.detail").contains(c.note()));
        assertEquals(2, export.getList("complaints[1].drafts").size());
        assertEquals("Nevn " + c.note(), export.getString("complaints[1].drafts[1].hint"));
        assertTrue(export.getString("passedOverFacebook[0].change").contains(c.words()));
        assertEquals(List.of(), export.getList("passedOverMail"));

        JsonPath audit = Api.asKari().queryParam("agent", "kari").get("/api/audit").then().statusCode(200).extract().jsonPath();
        assertEquals("exported", audit.getString("find { it.action == 'customer-exported' }.decision"));
        String detail = audit.getString("find { it.action == 'customer-exported' }.detail");
        assertTrue(detail.contains("2 complaint(s)") && detail.contains(ids.get(0)), detail);
        assertTrue(!detail.contains(c.handle()), "the audit names no customer: " + detail);
    }

    @Test
    void erasureLeavesNothingOfTheCustomerInAnyTableAndKeepsTheCounts() {
        Customer c = Customer.unique();
        List<String> ids = customerWithHistory(c);
        Customer other = Customer.unique();
        String otherId = Api.post(complaint(other, "Pakken min kom aldri frem, og sporingen har stått stille i en uke."));
        Api.awaitDrafts(otherId, 1);
        Map<String, Object> before = counts(ids.get(0));
        List<String> found = traces(c.markers());
        for (String table : List.of("complaint", "draft", "reply", "audit_event", "facebook_passed_over")) {
            assertTrue(found.stream().anyMatch(f -> f.startsWith(table + ".")), "the scan finds the customer in " + table + " first: " + found);
        }

        JsonPath erased = Api.asKari().body(Map.of("source", "facebook", "handle", c.handle())).post("/api/customers/erase")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, erased.getInt("complaints"));
        assertEquals(3, erased.getInt("drafts"));
        assertEquals(1, erased.getInt("replies"));
        assertEquals(1, erased.getInt("passedOverFacebook"));
        assertTrue(erased.getInt("auditDetails") >= 2, erased.prettify());

        assertEquals(List.of(), traces(c.markers()), "nothing of the customer is left anywhere");
        assertEquals(before, counts(ids.get(0)), "what the reports count stays");
        JsonPath view = Api.complaintView(ids.get(1));
        assertEquals("[erased]", view.getString("text"));
        assertNull(view.get("author.name"));
        assertEquals("withdrawn", view.getString("drafts[1].status"), "a pending draft can no longer be approved");
        Api.approve(view.getString("drafts[1].id"), null).then().statusCode(409);

        // Others keep everything.
        assertTrue(traces(other.markers()).stream().anyMatch(f -> f.startsWith("complaint.text")));
        assertTrue(Api.complaintView(otherId).getString("text").contains(other.words()));

        // Again: nothing more to erase, and the answer says so.
        Api.asKari().body(Map.of("source", "facebook", "handle", c.handle())).post("/api/customers/erase")
                .then().statusCode(200).body("complaints", equalTo(0)).body("drafts", equalTo(0)).body("auditDetails", equalTo(0));
        Api.asKari().queryParam("source", "facebook").queryParam("handle", c.handle()).get("/api/customers/export")
                .then().statusCode(200).body("complaints.size()", equalTo(0));
        Api.asKari().queryParam("agent", "kari").get("/api/audit").then().statusCode(200)
                .body("findAll { it.action == 'customer-erased' }.decision", equalTo(List.of("erased", "erased")));
    }

    @Test
    void anEmailCustomersPassedOverMailIsErasedWithTheirComplaints() {
        String address = "kunde." + letters().toLowerCase(Locale.ROOT) + "@example.no";
        String subject = "Emne " + letters();
        Map<String, Object> body = new LinkedHashMap<>(Api.complaint("email", null, "Jeg har fortsatt ikke fått pengene tilbake. " + subject));
        body.put("author", Map.of("name", "Arne Dahl", "handle", address));
        String id = Api.post(body);
        Api.awaitDrafts(id, 1);
        sql("insert into email_passed_over (message_id, from_address, subject, reason, received_at) values ('<" + letters() + "@example.no>', '"
                + address.toUpperCase(Locale.ROOT) + "', '" + subject + "', 'auto-reply', now())");

        Api.asKari().queryParam("source", "email").queryParam("handle", address).get("/api/customers/export").then().statusCode(200)
                .body("complaints.size()", equalTo(1)).body("passedOverMail[0].subject", equalTo(subject));
        Api.asKari().body(Map.of("source", "email", "handle", address)).post("/api/customers/erase").then().statusCode(200)
                .body("complaints", equalTo(1)).body("passedOverMail", equalTo(1));
        assertEquals(List.of(), traces(List.of(address.substring(0, address.indexOf('@')), subject)));
    }

    @Test
    void onlyAdministratorsMayExportOrErase() {
        given().queryParam("source", "facebook").queryParam("handle", "x").get("/api/customers/export").then().statusCode(401);
        Api.asLars().queryParam("source", "facebook").queryParam("handle", "x").get("/api/customers/export").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        Api.asLars().body(Map.of("source", "facebook", "handle", "x")).post("/api/customers/erase").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().contentType("application/json").body(Map.of("source", "facebook", "handle", "x")).post("/api/customers/erase")
                .then().statusCode(401);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Api.asKari().queryParam("handle", "x").get("/api/customers/export").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("source"));
        Api.asKari().queryParam("source", "Face Book").queryParam("handle", "x").get("/api/customers/export").then().statusCode(400)
                .body("field", equalTo("source"));
        Api.asKari().queryParam("source", "facebook").queryParam("handle", " ").get("/api/customers/export").then().statusCode(400)
                .body("field", equalTo("handle"));
        Api.asKari().body(Map.of("source", "facebook")).post("/api/customers/erase").then().statusCode(400).body("field", equalTo("handle"));
        Api.asKari().body(Map.of("source", "facebook", "handle", "x".repeat(201))).post("/api/customers/erase").then().statusCode(400)
                .body("field", equalTo("handle"));
        Api.asKari().body(Map.of("source", "facebook", "handle", "x", "name", "y")).post("/api/customers/erase").then().statusCode(400)
                .body("field", equalTo("name"));
        Api.asKari().body("[]").post("/api/customers/erase").then().statusCode(400).contentType(startsWith("application/problem+json"));
        Api.asKari().body("").post("/api/customers/erase").then().statusCode(400).body("field", equalTo("source"));
    }

    @Test
    void erasingSomeoneWeDoNotKnowAnswersZeros() {
        Api.asKari().body(Map.of("source", "twitter", "handle", "nobody-" + letters())).post("/api/customers/erase").then().statusCode(200)
                .body("complaints", equalTo(0)).body("drafts", equalTo(0)).body("replies", equalTo(0)).body("slackMessages", equalTo(0));
    }

    /** What the reports count about a complaint: these survive erasure. */
    private Map<String, Object> counts(String id) {
        Map<String, Object> row = new LinkedHashMap<>();
        try (Connection conn = ds.getConnection(); PreparedStatement ps = conn.prepareStatement("""
                select source, kind, severity, language, topics::text, received_at, triaged_at,
                       (select count(*) from draft where complaint_id = c.id) as drafts,
                       (select count(*) from reply where complaint_id = c.id and sent_at is not null) as sent,
                       (select count(*) from audit_event where complaint_id = c.id) as events
                from complaint c where id = ?::uuid""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the complaint's row stays");
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertNotNull(row.get("kind"));
        return row;
    }

    /**
     * Every text-like column (text, varchar, json, arrays, anything cast to text) of every table in the
     * schema, searched for each marker: "table.column: marker" for each hit.
     */
    private List<String> traces(List<String> markers) {
        List<String> found = new ArrayList<>();
        try (Connection conn = ds.getConnection(); Statement s = conn.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select c.table_name, c.column_name from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                      and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED', 'bytea')
                    order by 1, 2""")) {
                while (rs.next()) {
                    columns.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
            assertTrue(columns.size() > 30, "the scan sees the schema: " + columns.size() + " columns");
            for (String[] col : columns) {
                for (String marker : markers) {
                    try (PreparedStatement ps = conn.prepareStatement(
                            "select count(*) from \"" + col[0] + "\" where strpos(lower(\"" + col[1] + "\"::text), lower(?)) > 0")) {
                        ps.setString(1, marker);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(col[0] + "." + col[1] + ": " + marker);
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private void sql(String sql) {
        try (Connection conn = ds.getConnection(); Statement s = conn.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
