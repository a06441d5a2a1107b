package io.intelligencecrm.core.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster-wide locks that outlive a transaction (an agent turn streams for seconds or minutes):
 * PostgreSQL session advisory locks, all held on one dedicated connection per node, so a pooled
 * connection is never pinned for a turn. If the node dies its connection ends and the locks with it.
 * Session locks are re-entrant in PostgreSQL, so this node's own holders are refused here first.
 * Thread-safe; calls are short and serialised on the connection.
 */
public final class SessionLocks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionLocks.class);
    private final DatabaseCoordinates coordinates;
    private final Set<Long> held = new HashSet<>();
    private Connection connection;

    SessionLocks(DatabaseCoordinates coordinates) {
        this.coordinates = coordinates;
    }

    /** Takes the lock if no one in the cluster (this node included) holds it; never waits. */
    public synchronized boolean tryLock(long key) {
        if (held.contains(key)) return false;
        boolean locked;
        try {
            locked = call("select pg_try_advisory_lock(?)", key);
        } catch (SQLException first) {
            // A broken connection took this node's locks with it; holders find out when they unlock.
            reset(first);
            try {
                locked = call("select pg_try_advisory_lock(?)", key);
            } catch (SQLException second) {
                reset(second);
                throw new IllegalStateException("Could not take a lock in the database", second);
            }
        }
        if (locked) held.add(key);
        return locked;
    }

    public synchronized void unlock(long key) {
        if (!held.remove(key)) return;
        try {
            call("select pg_advisory_unlock(?)", key);
        } catch (SQLException e) {
            reset(e);
        }
    }

    private boolean call(String sql, long key) throws SQLException {
        if (connection == null) connection = open();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", coordinates.appUser());
        properties.setProperty("password", coordinates.appPassword());
        properties.setProperty("ApplicationName", "intelligence-crm-locks");
        properties.setProperty("logServerErrorDetail", "false");
        properties.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(coordinates.url(), properties);
    }

    private void reset(SQLException cause) {
        log.warn("Lock connection failed ({}); {} locks held by this node are released", cause.getMessage(),
                held.size());
        held.clear();
        closeConnection();
    }

    private void closeConnection() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the lock connection failed", e);
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        held.clear();
        closeConnection();
    }
}
