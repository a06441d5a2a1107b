package io.intelligencecrm.core.tenant;

import org.jdbi.v3.core.Jdbi;

/** Creates tenants. Runs as the database owner: the application role cannot add tenants. */
public final class TenantProvisioning {
    private final Jdbi ownerJdbi;

    public TenantProvisioning(Jdbi ownerJdbi) {
        this.ownerJdbi = ownerJdbi;
    }

    public Tenant create(String slug, String name, String domain) {
        return ownerJdbi.withHandle(handle -> handle.createQuery("""
                        insert into tenants (slug, name, domain) values (:slug, :name, :domain)
                        returning id, slug, name, domain, created_at""")
                .bind("slug", slug).bind("name", name).bind("domain", domain)
                .mapTo(Tenant.class).one());
    }
}
