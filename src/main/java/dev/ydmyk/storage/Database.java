package dev.ydmyk.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Plain JDBC transactions: the SQL stays visible, and one dialect (PostgreSQL) is used everywhere. */
@ApplicationScoped
public class Database {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(Database.class);
    /** Set while this thread holds a connection: a second one could wait for a pool that this thread itself keeps full. */
    private static final ThreadLocal<Boolean> HOLDING = new ThreadLocal<>();

    private final AgroalDataSource dataSource;

    public Database(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T tx(Work<T> work) {
        boolean first = checkNotHolding();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        } finally {
            if (first) {
                HOLDING.remove();
            }
        }
    }

    public <T> T read(Work<T> work) {
        boolean first = checkNotHolding();
        try (Connection c = dataSource.getConnection()) {
            // One snapshot for every statement of the read: a view never shows a draft without the triage that was
            // committed with it, as it could when each statement saw the database at its own moment.
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback(); // an Error too, so that the resets below are not refused mid-transaction and hide it
                throw e;
            } finally {
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        } finally {
            if (first) {
                HOLDING.remove();
            }
        }
    }

    /**
     * Runs the work while this process holds a PostgreSQL advisory lock: one instance at a time, across
     * all instances on the database. The lock is kept on a connection of its own, which the work never
     * uses (so the work may open its own transactions); a process that dies releases it with its session.
     */
    public <T> T exclusively(long key, java.util.function.Supplier<T> work) {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            try (var ps = lock.prepareStatement("select pg_advisory_lock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            }
            try {
                return work.get();
            } finally {
                try (var ps = lock.prepareStatement("select pg_advisory_unlock(?)")) {
                    ps.setLong(1, key);
                    ps.execute();
                }
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Work that needs the database while holding a connection must be given that connection; the tests insist. */
    private static boolean checkNotHolding() {
        if (HOLDING.get() != null) {
            IllegalStateException e = new IllegalStateException("A second database connection was asked for while this thread holds one");
            if (LaunchMode.current() == LaunchMode.TEST) {
                throw e;
            }
            LOG.warn(e.getMessage(), e);
            return false;
        }
        HOLDING.set(Boolean.TRUE);
        return true;
    }

    /** SQLSTATE classes 22 (data exception) and 23 (integrity violation): the data given, not the database, is the problem. */
    public static boolean refusesData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    public static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    public static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    public static class StorageException extends RuntimeException {
        public StorageException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
