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

    /** A second wording of the storm: the app's sign-in fails because of it, and the detector sees another grievance. */
    public static final List<String> APP = List.of(
            "Appen krasjer når jeg logger inn med BankID. Kommer ikke inn på kontoen.",
            "Appen krasjer hver gang jeg logger inn med BankID!",
            "Appen krasjer ved innlogging med BankID, kommer ikke inn på kontoen min.",
            "Logger inn med BankID og appen krasjer med en gang. Irriterende.",
            "Appen deres krasjer når jeg logger inn med BankID, kommer ikke inn.",
            "Appen krasjer igjen når jeg logger inn med BankID, ingen tilgang til kontoen.");
    public static final List<String> APP_NAMES = List.of("Maja Nilsen", "Even Sund", "Per Hansen", "Tone Bakke", "Geir Moen", "Rune Lid");

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
