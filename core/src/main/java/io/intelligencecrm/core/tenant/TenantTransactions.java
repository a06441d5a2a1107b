package io.intelligencecrm.core.tenant;

import io.intelligencecrm.core.db.DatabaseErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The only way to run tenant SQL: a transaction whose {@code app.tenant_id} is set, so the
 * row-level security policies see exactly one tenant. Nested calls for the same tenant join
 * the open transaction (so a service can make several repository calls atomically); a nested
 * call for another tenant is a bug and fails. Database errors a client caused (a duplicate, a NUL
 * character) leave as domain errors, translated here once for every repository.
 */
public final class TenantTransactions implements UnitOfWork {
    private static final ThreadLocal<Open> CURRENT = new ThreadLocal<>();

    private final Jdbi jdbi;
    private final DatabaseErrors errors;

    public TenantTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.errors = new DatabaseErrors(jdbi);
    }

    @FunctionalInterface
    public interface Work<R> {
        R run(Handle handle);
    }

    @FunctionalInterface
    public interface Action {
        void run(Handle handle);
    }

    private record Open(TenantId tenant, Handle handle) {
    }

    public <R> R inTenant(TenantId tenant, Work<R> work) {
        return inTenant(tenant, Map.of(), work);
    }

    /**
     * With transaction-local settings (planner or extension parameters such as {@code hnsw.ef_search})
     * set in the same statement as the tenant: one round trip fewer for a query that needs them. Joined
     * to an open transaction, the settings hold until that transaction ends.
     */
    public <R> R inTenant(TenantId tenant, Map<String, String> settings, Work<R> work) {
        Objects.requireNonNull(tenant, "a tenant is required for tenant data");
        Open open = CURRENT.get();
        if (open != null) {
            if (!open.tenant().equals(tenant)) {
                throw new IllegalStateException("A transaction for another tenant is already open on this thread");
            }
            if (!settings.isEmpty()) set(open.handle(), null, settings);
            try {
                return work.run(open.handle());
            } catch (RuntimeException e) {
                throw errors.translate(e);
            }
        }
        try (Handle handle = jdbi.open()) {
            return handle.inTransaction(transaction -> {
                set(transaction, tenant, settings);
                CURRENT.set(new Open(tenant, transaction));
                try {
                    return work.run(transaction);
                } finally {
                    CURRENT.remove();
                }
            });
        } catch (RuntimeException e) {
            throw errors.translate(e);
        }
    }

    /**
     * Plain JDBC rather than a Jdbi query: it runs before every tenant transaction, and Jdbi's
     * statement and result mapping machinery cost more CPU than the round trip itself.
     */
    private static void set(Handle transaction, TenantId tenant, Map<String, String> settings) {
        try (PreparedStatement set = transaction.getConnection().prepareStatement(TenantSetup.sql(tenant, settings))) {
            TenantSetup.bind(set, tenant, settings);
            set.executeQuery().close();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("Cannot set up the tenant transaction", e, null);
        }
    }

    /** Binds a query's parameters from {@code first} on. */
    @FunctionalInterface
    public interface Parameters {
        void bind(PreparedStatement statement, int first) throws SQLException;
    }

    @FunctionalInterface
    public interface Rows<R> {
        R read(ResultSet rows) throws SQLException;
    }

    /**
     * One query for a tenant in a single round trip, for hot paths where the two extra round trips
     * of {@link #inTenant} (the tenant with BEGIN, then COMMIT) are a measurable share of the time:
     * BEGIN, the statement binding the tenant (and the settings), the query and COMMIT are sent as
     * one batch of statements. The explicit transaction keeps that correct even if the driver
     * splits the batch (it does when a parameter's type is left to the server): the tenant holds
     * from the query's start to its end and nowhere else. Joins an open transaction for the same
     * tenant instead.
     */
    public <R> R queryInOneTrip(TenantId tenant, Map<String, String> settings, String sql, Parameters parameters, Rows<R> rows) {
        Objects.requireNonNull(tenant, "a tenant is required for tenant data");
        if (CURRENT.get() != null) {
            return inTenant(tenant, settings, handle -> query(handle.getConnection(), sql, 1, parameters, rows));
        }
        try (Handle handle = jdbi.open()) {
            Connection connection = handle.getConnection();
            if (!connection.getAutoCommit()) throw new IllegalStateException("one-trip queries need an autocommit connection");
            try (PreparedStatement statement = connection.prepareStatement(
                    "begin;\n" + TenantSetup.sql(tenant, settings) + ";\n" + sql + "\n;\ncommit")) {
                parameters.bind(statement, TenantSetup.bind(statement, tenant, settings));
                statement.execute();
                return rows.read(secondResultSet(statement));
            } catch (SQLException | RuntimeException e) {
                rollBack(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw errors.translate(new UnableToExecuteStatementException("Tenant query failed", e, null));
        }
    }

    /** After BEGIN (no result set) come the setup's row, then the query's rows. */
    private static ResultSet secondResultSet(PreparedStatement statement) throws SQLException {
        int seen = 0;
        while (true) {
            ResultSet result = statement.getResultSet();
            if (result != null && ++seen == 2) return result;
            if (!statement.getMoreResults() && statement.getUpdateCount() == -1) {
                throw new IllegalStateException("the query returned no result set");
            }
        }
    }

    /** A failure inside the batch skips its COMMIT: the connection must not go back to the pool in that transaction. */
    private static void rollBack(Connection connection) {
        try (var statement = connection.createStatement()) {
            statement.execute("rollback");
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it.
        }
    }

    private static <R> R query(Connection connection, String sql, int first, Parameters parameters, Rows<R> rows) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(statement, first);
            try (ResultSet result = statement.executeQuery()) {
                return rows.read(result);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("Tenant query failed", e, null);
        }
    }

    @Override
    public <R> R atomically(TenantId tenant, Supplier<R> work) {
        return inTenant(tenant, handle -> work.get());
    }

    public void useTenant(TenantId tenant, Action action) {
        inTenant(tenant, handle -> {
            action.run(handle);
            return null;
        });
    }

    /** The tenant of the transaction open on this thread, if any. */
    public static java.util.Optional<TenantId> currentTenant() {
        Open open = CURRENT.get();
        return open == null ? java.util.Optional.empty() : java.util.Optional.of(open.tenant());
    }
}
