package io.intelligencecrm.core.tenant;

import io.intelligencecrm.core.db.DatabaseErrors;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
    private static final String SET_TENANT = "select set_config('app.tenant_id', ?, true)";

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
        Objects.requireNonNull(tenant, "a tenant is required for tenant data");
        Open open = CURRENT.get();
        if (open != null) {
            if (!open.tenant().equals(tenant)) {
                throw new IllegalStateException("A transaction for another tenant is already open on this thread");
            }
            try {
                return work.run(open.handle());
            } catch (RuntimeException e) {
                throw errors.translate(e);
            }
        }
        try (Handle handle = jdbi.open()) {
            return handle.inTransaction(transaction -> {
                setTenant(transaction, tenant);
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
    private static void setTenant(Handle transaction, TenantId tenant) {
        try (PreparedStatement set = transaction.getConnection().prepareStatement(SET_TENANT)) {
            set.setString(1, tenant.value().toString());
            set.executeQuery().close();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("Cannot set the tenant of the transaction", e, null);
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
