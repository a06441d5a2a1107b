package io.intelligencecrm.core.tenant;

import io.intelligencecrm.core.error.Violations;
import java.util.Set;

/**
 * What a new tenant starts with: its sign-in slug, its name, its first admin and its settings.
 *
 * @param timezone null for UTC
 * @param currency null for USD
 */
public record NewTenant(String slug, String name, String adminEmail, String adminName, String timezone,
                        String currency) {
    /** Slugs that name parts of the product or could pass for it, never a company's. */
    static final Set<String> RESERVED = Set.of("admin", "administrator", "api", "app", "assets", "auth", "billing",
            "crm", "demo", "docs", "health", "help", "invite", "login", "logout", "mail", "metrics", "new", "operator",
            "root", "settings", "signup", "sign-up", "static", "status", "support", "system", "tenant", "tenants",
            "test", "www");
    private static final String SLUG = "[a-z0-9][a-z0-9-]{1,62}";

    public NewTenant {
        slug = slug == null ? null : slug.trim().toLowerCase();
        name = name == null ? null : name.trim();
        adminEmail = adminEmail == null ? null : adminEmail.trim();
    }

    /** @param withAdmin whether a first admin is invited (not for a tenant an archive fills) */
    void validate(boolean withAdmin) {
        Violations violations = new Violations()
                .check(slug != null && slug.matches(SLUG) && !slug.endsWith("-"), "slug",
                        "must be 2 to 63 lower-case letters, digits or hyphens, starting with a letter or digit")
                .check(slug == null || !RESERVED.contains(slug), "slug", "is reserved; choose another")
                .check(name != null && !name.isEmpty() && name.length() <= 200, "name",
                        "is required, at most 200 characters")
                .check(!withAdmin || adminEmail != null && adminEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "adminEmail",
                        "must be a valid email address");
        TenantSettings.defaults().with(timezone, currency, null, null, violations);
        violations.throwIfAny();
    }
}
