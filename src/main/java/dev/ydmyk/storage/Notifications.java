package dev.ydmyk.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * PostgreSQL's LISTEN/NOTIFY, so that every instance on one database hears what any of them did.
 * {@link #publish} sends after the caller's change is committed (a notification is delivered on
 * commit); one daemon thread per instance holds a connection that listens, and hands each payload
 * to the consumers of its channel. A dropped connection is opened again within a second; what was
 * sent while it was down is not replayed (the pages resynchronise when they reconnect).
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,40}");
    /** PostgreSQL refuses payloads of 8,000 bytes or more: callers send ids, not documents. */
    static final int MAX_PAYLOAD = 7_000;

    private final AgroalDataSource dataSource;
    private final Map<String, List<Consumer<String>>> consumers = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile boolean subscribed;
    private Thread listener;

    public Notifications(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void publish(String channel, String payload) {
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("A notification carries ids, not documents: " + payload.length() + " characters");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, payload);
            ps.execute();
        } catch (SQLException e) {
            throw new Database.StorageException(e);
        }
    }

    /** Hands every payload published on the channel, by any instance (this one too), to the consumer, on the listening thread. */
    public synchronized void listen(String channel, Consumer<String> consumer) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        consumers.computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>()).add(consumer);
        subscribed = false;
        if (listener == null) {
            listener = new Thread(this::run, "ydmyk-notifications");
            listener.setDaemon(true);
            listener.start();
        }
    }

    private void run() {
        while (!stopping) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                PGConnection pg = c.unwrap(PGConnection.class);
                subscribed = false;
                while (!stopping) {
                    if (!subscribed) {
                        subscribed = true;
                        try (Statement s = c.createStatement()) {
                            for (String channel : consumers.keySet()) {
                                s.execute("listen " + channel);
                            }
                        }
                    }
                    PGNotification[] arrived = pg.getNotifications(500);
                    if (arrived != null) {
                        for (PGNotification n : arrived) {
                            deliver(n.getName(), n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.warnf("Listening for notifications failed (trying again in a second): %s", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void deliver(String channel, String payload) {
        for (Consumer<String> consumer : consumers.getOrDefault(channel, List.of())) {
            try {
                consumer.accept(payload);
            } catch (RuntimeException e) {
                LOG.warnf(e, "A consumer of %s failed on %s", channel, payload);
            }
        }
    }

    /**
     * Lets the listening thread hand its connection back before the pool closes (it wakes at least every
     * half second), so a stop does not close a connection under it.
     */
    void stop(@Observes ShutdownEvent ignored) {
        stopping = true;
        Thread running = listener;
        if (running != null) {
            try {
                running.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
