package io.intelligencecrm.core.tenant;

import java.util.function.Supplier;

/**
 * Runs several service calls as one tenant transaction: they all commit or none does. Service calls
 * made inside join the transaction, so a use case spanning services (a contact and its first note)
 * never leaves half of itself behind.
 */
public interface UnitOfWork {
    <R> R atomically(TenantId tenant, Supplier<R> work);
}
