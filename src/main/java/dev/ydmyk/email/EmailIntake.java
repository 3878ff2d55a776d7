package dev.ydmyk.email;

import dev.ydmyk.intake.ComplaintReceived;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.intake.NewComplaint;
import dev.ydmyk.problem.CleanText;
import dev.ydmyk.storage.Database;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Stores one message from the mailbox, once per Message-ID: a customer's message becomes a
 * complaint (source {@code email}) with the message it answers as its conversation; an
 * auto-reply, bounce or empty message is recorded with the reason and not drafted.
 */
@ApplicationScoped
public class EmailIntake {

    public static final String SOURCE = "email";
    private static final Logger LOG = Logger.getLogger(EmailIntake.class);

    private final Database db;
    private final ComplaintRepository complaints;
    private final EmailMessageRepository messages;
    private final Event<ComplaintReceived> arrivals;
    private final Clock clock;
    private final MeterRegistry metrics;

    public EmailIntake(Database db, ComplaintRepository complaints, EmailMessageRepository messages, Event<ComplaintReceived> received, Clock clock,
                       MeterRegistry metrics) {
        this.db = db;
        this.complaints = complaints;
        this.messages = messages;
        this.arrivals = received;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Commits the message; returns true if it became a new complaint. */
    public boolean take(IncomingMail received) {
        Instant now = clock.instant();
        IncomingMail mail = cleaned(received);
        if (!mail.draftable()) {
            boolean recorded = messages.passOver(mail, now);
            if (recorded) {
                LOG.infof("E-mail %s from %s passed over, not drafted: %s", mail.messageId(), mail.fromAddress(), mail.passOver());
                metrics.counter("ydmyk.email.passed-over").increment();
            }
            return false;
        }
        NewComplaint complaint = new NewComplaint(SOURCE, mail.messageId(), new NewComplaint.Author(
                cut(mail.fromName(), 200), cut(mail.fromAddress(), 200)), NewComplaint.fitted(mail.text()), null, mail.sentAt(), null, null);
        ComplaintRepository.Stored stored;
        try {
            stored = store(mail, complaint, now);
        } catch (RuntimeException e) {
            if (!refusedData(e)) {
                throw e; // the database is unreachable or busy: the message stays unseen and is taken on a later poll
            }
            // A message the database will not take must not block the mail behind it: record it as
            // passed over (it stays in the mailbox) and go on.
            IncomingMail unstorable = new IncomingMail(mail.messageId(), null, null, null, null, "", null, List.of(), null, List.of(),
                    "could not be stored (" + e.getMessage() + "); it is still in the mailbox");
            try {
                messages.passOver(unstorable, now);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                throw e;
            }
            LOG.errorf(e, "E-mail %s from %s could not be stored as a complaint; recorded as passed over, still in the mailbox",
                    mail.messageId(), mail.fromAddress());
            metrics.counter("ydmyk.email.passed-over").increment();
            return false;
        }
        if (stored.created()) {
            LOG.infof("E-mail %s from %s taken as complaint %s%s", mail.messageId(), mail.fromAddress(), stored.id(),
                    mail.attachments().isEmpty() ? "" : " (attachments not read: " + String.join(", ", mail.attachments()) + ")");
            metrics.counter("ydmyk.complaints.received", "source", SOURCE).increment();
            arrivals.fire(new ComplaintReceived(stored.id(), SOURCE));
        } else {
            LOG.infof("E-mail %s was taken before (complaint %s); marking it seen", mail.messageId(), stored.id());
        }
        return stored.created();
    }

    private ComplaintRepository.Stored store(IncomingMail mail, NewComplaint complaint, Instant now) {
        return db.tx(conn -> {
            ComplaintRepository.Stored s = complaints.store(conn, complaint, now, mail.inReplyTo());
            if (s.created()) {
                messages.add(conn, s.id(), mail);
            }
            return s;
        });
    }

    /** SQLSTATE classes 22 (data exception) and 23 (integrity): this message's data, not the database, is the problem. */
    private static boolean refusedData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Database.refusesData(sql);
            }
        }
        return false;
    }

    private static String cut(String s, int max) {
        return CleanText.of(s, max);
    }

    /** The message without what PostgreSQL cannot store (NUL, control characters, lone surrogates), its date only if a real one. */
    private static IncomingMail cleaned(IncomingMail m) {
        OffsetDateTime sent = m.sentAt() != null && m.sentAt().getYear() >= 1900 && m.sentAt().getYear() <= 9999 ? m.sentAt() : null;
        return new IncomingMail(CleanText.of(m.messageId()), CleanText.of(m.fromName()), CleanText.of(m.fromAddress()),
                CleanText.of(m.replyTo()), CleanText.of(m.subject()), CleanText.of(m.text()), CleanText.of(m.inReplyTo()),
                m.references().stream().map(CleanText::of).toList(), sent,
                m.attachments().stream().map(CleanText::of).toList(), CleanText.of(m.passOver()));
    }
}
