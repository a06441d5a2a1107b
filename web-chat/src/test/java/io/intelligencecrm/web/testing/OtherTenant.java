package io.intelligencecrm.web.testing;

import io.intelligencecrm.core.tenant.Tenant;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import io.intelligencecrm.core.user.PasswordHasher;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.web.CrmApplication;

/** A second tenant with one user per role, for isolation tests. */
public final class OtherTenant {
    public static final String PASSWORD = "other-tenant-password";

    private OtherTenant() {
    }

    public static Tenant create(CrmApplication application, String slug) {
        Tenant tenant = new TenantProvisioning(application.database().ownerJdbi()).create(slug, "Other " + slug,
                slug + ".example");
        UserRepository users = new UserRepository(application.database().tenants());
        PasswordHasher hasher = new PasswordHasher();
        for (Role role : Role.values()) {
            users.create(tenant.tenantId(), role.stored() + "@" + slug + ".example", role.stored(), role, "UTC",
                    hasher.hash(PASSWORD));
        }
        return tenant;
    }

    public static ApiClient login(CrmApplication application, String slug, Role role) {
        return ApiClient.login(application.url(), slug, role.stored() + "@" + slug + ".example", PASSWORD);
    }
}
