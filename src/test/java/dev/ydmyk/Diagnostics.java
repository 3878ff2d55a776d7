package dev.ydmyk;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.sql.Connection;
import java.sql.Statement;

/** What a test that timed out waiting on publishing prints, so a failure in CI names its cause. */
public final class Diagnostics {

    private Diagnostics() {
    }

    /** Each queued message's purpose, attempts, failures, next attempt, outcome and last error, oldest approval first. */
    public static String outbox() {
        AgroalDataSource ds = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery("""
                select d.purpose, d.status, r.publish_attempts, r.failures, r.next_attempt_at, r.sent_at, r.failed_at, r.last_error
                from reply r join draft d on d.id = r.draft_id order by r.approved_at""")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append("\n  ");
                for (int i = 1; i <= 8; i++) {
                    out.append(rs.getString(i)).append(i < 8 ? " | " : "");
                }
            }
            return out.toString();
        } catch (Exception e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Every live thread's state and stack, as a thread dump has them. */
    public static String threads() {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            out.append("\n\"").append(t.getThreadName()).append("\" ").append(t.getThreadState());
            for (StackTraceElement frame : t.getStackTrace()) {
                out.append("\n    at ").append(frame);
            }
        }
        return out.toString();
    }
}
