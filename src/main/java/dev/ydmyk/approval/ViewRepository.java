package dev.ydmyk.approval;

import dev.ydmyk.approval.Views.EmailView;
import dev.ydmyk.approval.Views.HoldingView;
import dev.ydmyk.approval.Views.ReplyView;
import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;

/** What the read model shows beside complaints and drafts: the replies, the holding reply, the e-mail. */
@ApplicationScoped
public class ViewRepository {

    /** How many drafts wait, and the oldest waiting complaint's arrival, in one query. */
    public Views.Waiting waiting(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                select count(*), min(c.received_at) filter (where c.kind = 'complaint')
                from draft d join complaint c on c.id = d.complaint_id where d.status = 'pending'""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Views.Waiting(rs.getLong(1), instant(rs.getTimestamp(2)));
        }
    }

    public List<ReplyView> replies(Connection conn, UUID complaintId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select * from reply where complaint_id = ? order by approved_at")) {
            ps.setObject(1, complaintId);
            List<ReplyView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReplyView(rs.getObject("draft_id", UUID.class), rs.getString("text"),
                            instant(rs.getTimestamp("sent_at")), rs.getString("agent"), instant(rs.getTimestamp("approved_at")),
                            rs.getInt("publish_attempts"), rs.getString("last_error")));
                }
            }
            return out;
        }
    }

    public HoldingView holdingReply(Connection conn, UUID complaintId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select * from holding_reply where complaint_id = ?")) {
            ps.setObject(1, complaintId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new HoldingView(rs.getString("text"), instant(rs.getTimestamp("sent_at")), rs.getString("approved_by"),
                        rs.getString("last_error"), instant(rs.getTimestamp("failed_at")))
                        : null;
            }
        }
    }

    public EmailView email(Connection conn, UUID complaintId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select message_id, subject, attachments from email_message where complaint_id = ?")) {
            ps.setObject(1, complaintId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new EmailView(rs.getString(1), rs.getString(2), Database.strings(rs.getArray(3))) : null;
            }
        }
    }

    /** E-mail subjects of these complaints, in one query. */
    public Map<UUID, String> subjects(Connection conn, Collection<UUID> complaintIds) throws SQLException {
        Map<UUID, String> subjects = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("select complaint_id, subject from email_message where complaint_id = any (?)")) {
            ps.setArray(1, conn.createArrayOf("uuid", complaintIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    subjects.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
        return subjects;
    }
}
