package io.intelligencecrm.core.tenant;

import java.sql.PreparedStatement;
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
 * call for another tenant is a bug and fails.
 */
public final class TenantTransactions implements UnitOfWork {
    private static final ThreadLocal<Open> CURRENT = new ThreadLocal<>();
    private static final String SET_TENANT = "select set_config('app.tenant_id', ?, true)";

    private final Jdbi jdbi;

    public TenantTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
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
            return work.run(open.handle());
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
        }
    }

    /**
     * Plain JDBC rather than a Jdbi query: it runs before every tenant transaction, and Jdbi's
     * statement and result mapping machinery cost more CPU than the round trip itself. Setting
     * names are bound like values, never spliced into the SQL.
     */
    private static void set(Handle transaction, TenantId tenant, Map<String, String> settings) {
        StringBuilder sql = new StringBuilder(tenant == null ? "select 1" : SET_TENANT);
        settings.forEach((name, value) -> sql.append(", set_config(?, ?, true)"));
        try (PreparedStatement set = transaction.getConnection().prepareStatement(sql.toString())) {
            int parameter = 1;
            if (tenant != null) set.setString(parameter++, tenant.value().toString());
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                set.setString(parameter++, setting.getKey());
                set.setString(parameter++, setting.getValue());
            }
            set.executeQuery().close();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("Cannot set up the tenant transaction", e, null);
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
