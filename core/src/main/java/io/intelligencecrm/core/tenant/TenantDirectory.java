package io.intelligencecrm.core.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds tenants before a tenant is known (login by slug or domain, jobs that fan out per tenant).
 * The tenants table holds no tenant data, only the directory.
 */
public final class TenantDirectory {
    private static final String COLUMNS = "id, slug, name, domain, created_at";
    private final Jdbi jdbi;

    public TenantDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** By slug ("demo") or by domain ("demo.example"), case-insensitively. */
    public Optional<Tenant> findBySlugOrDomain(String key) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS
                        + " from tenants where slug = lower(:key) or lower(domain) = lower(:key)")
                .bind("key", key.trim()).mapTo(Tenant.class).findFirst());
    }

    public Optional<Tenant> find(TenantId tenant) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from tenants where id = :id")
                .bind("id", tenant.value()).mapTo(Tenant.class).findOne());
    }

    public List<TenantId> allTenantIds() {
        return jdbi.withHandle(handle -> handle.createQuery("select id from tenants order by created_at")
                .mapTo(UUID.class).map(TenantId::new).list());
    }

    /** Tenants that are not suspended: what background jobs fan out over. */
    public List<TenantId> activeTenantIds() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select id from tenants where suspended_at is null order by created_at")
                .mapTo(UUID.class).map(TenantId::new).list());
    }

    public boolean isSuspended(TenantId tenant) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select suspended_at is not null from tenants where id = :id")
                .bind("id", tenant.value()).mapTo(Boolean.class).findOne().orElse(false));
    }
}
