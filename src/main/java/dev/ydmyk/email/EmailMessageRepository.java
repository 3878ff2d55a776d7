package dev.ydmyk.email;

import dev.ydmyk.problem.CleanText;
import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.ydmyk.storage.Database.strings;
import static dev.ydmyk.storage.Database.ts;

/** The e-mail a complaint came in (email_message), as a reply needs it to stay in the customer's thread. */
@ApplicationScoped
public class EmailMessageRepository {

    /** The customer's message, or for a complaint posted through the API only the author's handle. */
    public record Thread(String messageId, String replyTo, String subject, List<String> references, String authorHandle) {
    }

    private final Database db;

    public EmailMessageRepository(Database db) {
        this.db = db;
    }

    public Optional<Thread> thread(UUID complaintId) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    select m.message_id, m.reply_to, m.subject, m.references_ids, c.author_handle
                    from complaint c left join email_message m on m.complaint_id = c.id where c.id = ?""")) {
                ps.setObject(1, complaintId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Thread(rs.getString("message_id"), rs.getString("reply_to"), rs.getString("subject"),
                            strings(rs.getArray("references_ids")), rs.getString("author_handle")))
                            : Optional.empty();
                }
            }
        });
    }

    /** Keeps the customer's message beside its complaint, in the transaction that stores the complaint. */
    public void add(Connection conn, UUID complaintId, IncomingMail mail) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                insert into email_message (complaint_id, message_id, reply_to, subject, references_ids, attachments)
                values (?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, complaintId);
            ps.setString(2, mail.messageId());
            ps.setString(3, mail.replyTo());
            ps.setString(4, CleanText.of(mail.subject(), 1000));
            ps.setArray(5, conn.createArrayOf("text", mail.references().toArray()));
            ps.setArray(6, conn.createArrayOf("text", mail.attachments().toArray()));
            ps.executeUpdate();
        }
    }

    /** Records a message that is not drafted (an auto-reply, a bounce, data the database refused), once; false if already recorded. */
    public boolean passOver(IncomingMail mail, Instant now) {
        return db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    insert into email_passed_over (message_id, from_address, subject, reason, received_at)
                    values (?, ?, ?, ?, ?) on conflict do nothing""")) {
                ps.setString(1, mail.messageId());
                ps.setString(2, CleanText.of(mail.fromAddress(), 500));
                ps.setString(3, CleanText.of(mail.subject(), 1000));
                ps.setString(4, CleanText.of(mail.passOver(), 1000));
                ps.setTimestamp(5, ts(now));
                return ps.executeUpdate() == 1;
            }
        });
    }
}
