package dev.ydmyk.incidents;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/** What the incident tests share: a calm start and a look at one incident. */
public final class Storm {

    static final List<String> NAMES = List.of("Kari Berg", "Ola Dahl", "Siri Lunde", "Jonas Vik", "Ingrid Moe", "Emil Strand",
            "Nora Holm", "Lars Aas", "Maja Nilsen", "Even Sund");

    private Storm() {
    }

    /** A calm start: open incidents from other tests resolved, then wiped (the detector with them). */
    public static void wipe(AgroalDataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("update incident set status = 'resolved' where status = 'open'");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Api.wipe(ds);
    }

    static JsonPath incident(String id) {
        return Api.asKari().get("/api/incidents/" + id).then().statusCode(200).extract().jsonPath();
    }
}
