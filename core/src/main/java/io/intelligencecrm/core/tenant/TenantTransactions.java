package io.intelligencecrm.core.tenant;

import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The only way to run tenant SQL: a transaction whose {@code app.tenant_id} is set, so the
 * row-level security policies see exactly one tenant. Nested calls for the same tenant join
 * the open transaction (so a service can make several repository calls atomically); a nested
 * call for another tenant is a bug and fails.
 */
public final class TenantTransactions implements UnitOfWork {
    private static final ThreadLocal<Open> CURRENT = new ThreadLocal<>();

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
        Objects.requireNonNull(tenant, "a tenant is required for tenant data");
        Open open = CURRENT.get();
        if (open != null) {
            if (!open.tenant().equals(tenant)) {
                throw new IllegalStateException("A transaction for another tenant is already open on this thread");
            }
            return work.run(open.handle());
        }
        try (Handle handle = jdbi.open()) {
            return handle.inTransaction(transaction -> {
                transaction.createQuery("select set_config('app.tenant_id', :tenant, true)")
                        .bind("tenant", tenant.value().toString()).mapTo(String.class).one();
                CURRENT.set(new Open(tenant, transaction));
                try {
                    return work.run(transaction);
                } finally {
                    CURRENT.remove();
                }
            });
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
