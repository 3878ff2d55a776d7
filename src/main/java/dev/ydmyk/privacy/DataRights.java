package dev.ydmyk.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ydmyk.agents.Agent;
import dev.ydmyk.audit.AuditTrail;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.incidents.IncidentChanged;
import dev.ydmyk.intake.ComplaintsErased;
import dev.ydmyk.intake.NewComplaint;
import dev.ydmyk.problem.CleanText;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Customers' data rights: an administrator exports everything kept about a customer (GDPR Art. 15)
 * or erases it (Art. 17); retention erases what is older than {@code ydmyk.retention.personal-data}
 * the same way. A customer is who wrote under one handle at one source. Erasure keeps the anonymous
 * facts the reports count, and every export and erasure is audited, without the customer's data.
 */
@ApplicationScoped
public class DataRights {

    /** The audit actor of retention: no person decided it, the configuration did. */
    static final String RETENTION = "ydmyk";
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final int BATCH = 200;
    private static final int IDS_IN_AUDIT = 20;

    /** Everything kept about one customer, as stored. */
    public record Export(String source, String handle, Instant exportedAt, List<Map<String, Object>> complaints,
                         List<Map<String, Object>> passedOverMail, List<Map<String, Object>> passedOverFacebook) {
    }

    /** What an erasure erased, per kind of thing; {@code unsentStopped}: replies that will now not go out. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Erasure(int complaints, int drafts, int replies, int holdingReplies, int followUps, int auditDetails,
                          int emailMessages, int passedOverMail, int passedOverFacebook, int slackMessages, int unsentStopped) {

        static final Erasure NONE = new Erasure(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Erasure plus(Erasure o) {
            return new Erasure(complaints + o.complaints, drafts + o.drafts, replies + o.replies, holdingReplies + o.holdingReplies,
                    followUps + o.followUps, auditDetails + o.auditDetails, emailMessages + o.emailMessages,
                    passedOverMail + o.passedOverMail, passedOverFacebook + o.passedOverFacebook, slackMessages + o.slackMessages,
                    unsentStopped + o.unsentStopped);
        }

        String summary() {
            return complaints + " complaint(s), " + drafts + " draft(s), " + replies + " reply(ies), " + holdingReplies + " holding reply(ies), "
                    + followUps + " follow-up(s), " + auditDetails + " audit detail(s), " + emailMessages + " e-mail message(s), "
                    + passedOverMail + " passed-over mail, " + passedOverFacebook + " passed-over Facebook change(s), "
                    + slackMessages + " Slack message(s) to redraw, " + unsentStopped + " unsent reply(ies) stopped";
        }
    }

    private record Done(Erasure erasure, List<UUID> complaints, List<UUID> drafts, List<UUID> incidents) {
    }

    private final Database db;
    private final PersonalDataRepository data;
    private final AuditTrail audit;
    private final Clock clock;
    private final Event<DraftChanged> draftChanges;
    private final Event<IncidentChanged> incidentChanges;
    private final Event<ComplaintsErased> complaintsErased;

    public DataRights(Database db, PersonalDataRepository data, AuditTrail audit, Clock clock, Event<DraftChanged> draftChanges,
                      Event<IncidentChanged> incidentChanges, Event<ComplaintsErased> complaintsErased) {
        this.db = db;
        this.data = data;
        this.audit = audit;
        this.clock = clock;
        this.draftChanges = draftChanges;
        this.incidentChanges = incidentChanges;
        this.complaintsErased = complaintsErased;
    }

    /** Art. 15: everything kept about the customer; audited (who, when, how many complaints), in the same transaction. */
    public Export export(String source, String handle, Agent admin) {
        validate(source, handle);
        Instant now = clock.instant();
        return db.tx(conn -> {
            List<UUID> ids = data.complaintsOf(conn, source, handle);
            Export export = new Export(source, handle, now, data.complaints(conn, ids), data.passedOverMail(conn, source, handle),
                    data.passedOverFacebook(conn, source, handle));
            audit.record(conn, null, null, "customer-exported", admin.login(), now, "Exported a customer's data on " + source + ": "
                    + ids.size() + " complaint(s)" + listed(ids) + ", " + export.passedOverMail().size() + " passed-over mail, "
                    + export.passedOverFacebook().size() + " passed-over Facebook change(s)");
            return export;
        });
    }

    /** Art. 17: erases the customer's personal data everywhere; idempotent (a second erasure finds nothing and answers zeros). */
    public Erasure erase(String source, String handle, Agent admin) {
        validate(source, handle);
        Instant now = clock.instant();
        Done done = db.tx(conn -> {
            List<UUID> ids = data.complaintsOf(conn, source, handle);
            Done d = erase(conn, ids, admin.login(), now);
            Erasure e = d.erasure().plus(new Erasure(0, 0, 0, 0, 0, 0, 0, data.erasePassedOverMail(conn, source, handle),
                    data.erasePassedOverFacebook(conn, source, handle), 0, 0));
            audit.record(conn, null, null, "customer-erased", admin.login(), now,
                    "Erased a customer's data on " + source + " at their request" + listed(ids) + ": " + e.summary());
            return new Done(e, d.complaints(), d.drafts(), d.incidents());
        });
        tell(done, admin.login());
        return done.erasure();
    }

    /**
     * Retention: erases the personal data of complaints received before {@code cutoff}, and passed-over
     * items as old, a batch per transaction (each audited), as an erasure on request does.
     */
    public Erasure eraseReceivedBefore(Instant cutoff, String why) {
        Erasure total = Erasure.NONE;
        boolean first = true;
        while (true) {
            boolean passedOver = first;
            Instant now = clock.instant();
            Done done = db.tx(conn -> {
                List<UUID> ids = data.receivedBefore(conn, cutoff, BATCH);
                Done d = erase(conn, ids, RETENTION, now);
                Erasure e = passedOver ? d.erasure().plus(new Erasure(0, 0, 0, 0, 0, 0, 0, data.erasePassedOverMailBefore(conn, cutoff),
                        data.erasePassedOverFacebookBefore(conn, cutoff), 0, 0)) : d.erasure();
                if (e.complaints() > 0 || e.passedOverMail() > 0 || e.passedOverFacebook() > 0) {
                    audit.record(conn, null, null, "retention-erased", RETENTION, now,
                            "Personal data received before " + cutoff + " erased (" + why + "): " + e.summary());
                }
                return new Done(e, d.complaints(), d.drafts(), d.incidents());
            });
            first = false;
            tell(done, RETENTION);
            total = total.plus(done.erasure());
            if (done.erasure().complaints() < BATCH) {
                return total;
            }
        }
    }

    private Done erase(Connection conn, List<UUID> ids, String actor, Instant now) throws SQLException {
        PersonalDataRepository.Erased erased = data.erase(conn, ids, actor, now);
        int auditDetails = ids.isEmpty() ? 0 : audit.erase(conn, ids);
        return new Done(new Erasure(erased.complaints(), erased.drafts().size(), erased.replies(), erased.holdingReplies(),
                erased.followUps(), auditDetails, erased.emailMessages(), 0, 0, erased.slackMessages(), erased.stopped()),
                ids, erased.drafts(), erased.incidents());
    }

    /** After the commit: the channels redraw the drafts and incident cards (Slack's were queued in the transaction already). */
    private void tell(Done done, String actor) {
        done.drafts().forEach(id -> draftChanges.fire(new DraftChanged(id, DraftChanged.Change.ERASED, actor)));
        done.incidents().forEach(id -> incidentChanges.fire(new IncidentChanged(id, IncidentChanged.Change.ERASED, 0)));
        complaintsErased.fire(new ComplaintsErased(done.complaints()));
    }

    private static String listed(List<UUID> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        return " (complaints " + ids.stream().limit(IDS_IN_AUDIT).map(UUID::toString).collect(Collectors.joining(", "))
                + (ids.size() > IDS_IN_AUDIT ? ", …" : "") + ")";
    }

    static void validate(String source, String handle) {
        if (source == null || source.isBlank()) {
            throw Problem.invalid("source", "source is required: where the customer wrote (e.g. facebook, email)");
        }
        if (!SOURCE.matcher(source).matches()) {
            throw Problem.invalid("source", "source must be 1-40 lower-case letters, digits, '-' or '_' (e.g. facebook, email)");
        }
        if (handle == null || handle.isBlank()) {
            throw Problem.invalid("handle", "handle is required: the customer's handle, id or e-mail address at that source");
        }
        if (handle.length() > NewComplaint.MAX_NAME || CleanText.firstFault(handle) >= 0) {
            throw Problem.invalid("handle", "handle must be at most " + NewComplaint.MAX_NAME + " characters, without control characters");
        }
    }
}
