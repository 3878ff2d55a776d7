package dev.ydmyk.email;

import dev.ydmyk.config.Backoff;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.notices.Notice;
import dev.ydmyk.storage.BackgroundJob;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Watches the configured mailbox: polls it on the schedule {@code ydmyk.email.imap.poll}, and
 * between polls waits with IMAP IDLE (when the server offers it) so that new mail is taken within
 * seconds. Off unless {@code ydmyk.email.imap.host} is set.
 */
@ApplicationScoped
public class EmailWatcher {

    private static final Logger LOG = Logger.getLogger(EmailWatcher.class);

    /** Polls that fail in a row before the channels are told that e-mail is not being read. */
    static final int FAILURES_BEFORE_ALERT = 3;

    private final YdmykConfig config;
    private final EmailIntake intake;
    private final Event<Notice> notices;
    private int failuresInARow;
    private boolean alerted;
    private final Mailbox.Settings settings;
    private Mailbox mailbox;
    private Mailbox idleBox;
    private Mailbox outbox;
    private Thread idler;
    private volatile boolean running;

    public EmailWatcher(YdmykConfig config, EmailIntake intake, Event<Notice> notices) {
        this.config = config;
        this.intake = intake;
        this.notices = notices;
        YdmykConfig.Email.Imap imap = config.email().imap();
        this.settings = imap.host().filter(h -> !h.isBlank()).map(host -> new Mailbox.Settings(host, imap.port(), imap.tls(), imap.trust().filter(t -> !t.isBlank()),
                imap.user().orElse(""), imap.password().orElse(""), imap.folder(), imap.sentFolder().filter(s -> !s.isBlank()),
                imap.timeout(), ownAddress(config.email().from()))).orElse(null);
    }

    void start(@Observes StartupEvent ignored) {
        if (settings == null) {
            return;
        }
        if (config.email().from().filter(f -> !f.isBlank()).isEmpty()) {
            // Otherwise an approved reply to an e-mail would be recorded as sent and never reach the customer.
            throw new IllegalStateException("ydmyk.email.imap.host is set but ydmyk.email.from is not: set the address replies are sent from");
        }
        mailbox = new Mailbox(settings, settings.timeout());
        outbox = new Mailbox(settings, settings.timeout());
        running = true;
        LOG.infof("Watching mailbox %s on %s:%d (%s), every %s%s", settings.folder(), settings.host(), settings.port(),
                settings.tls() ? "IMAPS" : "IMAP", config.email().imap().poll(), config.email().imap().idle() ? " and with IMAP IDLE" : "");
        if (config.email().imap().idle()) {
            // A read timeout below the servers' 30-minute IDLE limit, so a dead connection is noticed.
            idleBox = new Mailbox(settings, Duration.ofMinutes(25));
            idler = new Thread(this::idleLoop, "ydmyk-imap-idle");
            idler.setDaemon(true);
            idler.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        for (Mailbox m : new Mailbox[]{idleBox, mailbox, outbox}) {
            if (m != null) {
                m.close();
            }
        }
        if (idler != null) {
            idler.interrupt();
        }
    }

    @BackgroundJob
    @Scheduled(every = "${ydmyk.email.imap.poll:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        poll();
    }

    /** Takes every unseen message now; returns how many were taken (new complaints and passed-over ones). */
    public int poll() {
        if (mailbox == null || !running) {
            return 0;
        }
        try {
            int taken = mailbox.poll(intake::take);
            if (taken > 0) {
                LOG.debugf("Took %d message(s) from %s", taken, settings.folder());
            }
            recovered();
            return taken;
        } catch (Exception e) {
            if (!running) {
                return 0; // stopping: unseen mail stays unseen and is taken after the restart
            }
            LOG.warnf("Could not read mailbox %s on %s: %s (unseen mail stays unseen and is taken on the next poll)",
                    settings.folder(), settings.host(), e.toString());
            mailbox.close();
            failed(e);
            return 0;
        }
    }

    /** After a few failed polls in a row, the agents hear that e-mail is not being read: nobody should think the inbox is quiet. */
    private synchronized void failed(Exception e) {
        if (++failuresInARow >= FAILURES_BEFORE_ALERT && !alerted) {
            alerted = true;
            notices.fire(new Notice("email-unreachable", "E-mail is not being read", List.of(
                    "Ydmyk cannot read mailbox " + settings.folder() + " on " + settings.host() + " (" + e.getMessage() + ").",
                    "New e-mails wait unread in the mailbox and are taken as soon as it can be read again; "
                            + "check ydmyk.email.imap.* and the mail server.")));
        }
    }

    private synchronized void recovered() {
        if (alerted) {
            notices.fire(new Notice("email-resumed", "E-mail is being read again", List.of(
                    "Mailbox " + settings.folder() + " on " + settings.host() + " can be read again; waiting mail is being taken now.")));
        }
        alerted = false;
        failuresInARow = 0;
    }

    /** Drops the connection, as a network failure would; the next poll connects again. */
    void disconnect() {
        if (mailbox != null) {
            mailbox.close();
        }
    }

    private void idleLoop() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));
        int failures = 0;
        while (running) {
            try {
                if (!idleBox.idle()) {
                    LOG.infof("%s does not offer IMAP IDLE: new mail is taken on the %s poll", settings.host(), config.email().imap().poll());
                    return;
                }
                failures = 0;
                poll();
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                idleBox.close();
                Duration wait = backoff.delay(++failures);
                LOG.debugf("IMAP IDLE ended (%s); again in %s", e, wait);
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Whether the sent folder holds a message with this Message-ID (false when there is no sent folder or mailbox). */
    boolean inSentFolder(String messageId) throws Exception {
        return outbox != null && outbox.sent(messageId);
    }

    /** Whether replies are copied to a sent folder (a mailbox is watched and ydmyk.email.imap.sent-folder is set). */
    boolean keepsCopies() {
        return outbox != null && settings.sentFolder().isPresent();
    }

    /** Keeps a copy of a sent reply in the sent folder; only when {@link #keepsCopies()}. */
    void keepCopy(MimeMessage message) throws Exception {
        outbox.keepCopy(message);
    }

    jakarta.mail.Session session() {
        return outbox.session();
    }

    static String ownAddress(Optional<String> from) {
        try {
            return from.isPresent() ? new InternetAddress(from.get()).getAddress() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
