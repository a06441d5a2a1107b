package io.intelligencecrm.core.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tenant's name and settings: everyone in the tenant reads them, admins change them. */
public final class TenantSettingsService {
    private final TenantTransactions transactions;
    private final AuditTrail audit;

    public TenantSettingsService(TenantTransactions transactions, AuditTrail audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    public record View(String slug, String name, TenantSettings settings) {
    }

    /** @param name, and every other field: null keeps the current value */
    public record Changes(String name, String timezone, String currency, String locale, List<String> workingDays) {
    }

    public View get(Actor actor) {
        return transactions.inTenant(actor.tenant(), handle -> read(handle.createQuery(
                "select slug, name, settings::text as settings from tenants where id = crm_current_tenant()")
                .mapToMap().one()));
    }

    /** The settings alone, for code that schedules or reports in the tenant's time zone. */
    public TenantSettings of(TenantId tenant) {
        return get(new Actor(tenant, null, io.intelligencecrm.core.user.Role.VIEWER, Actor.Kind.SYSTEM, null))
                .settings();
    }

    public View update(Actor actor, Changes changes) {
        Permissions.requireAdmin(actor, "change the company's settings");
        String name = changes.name() == null ? null : changes.name().trim();
        Violations violations = new Violations()
                .check(name == null || (!name.isEmpty() && name.length() <= 200), "name",
                        "must be 1 to 200 characters");
        return transactions.inTenant(actor.tenant(), handle -> {
            View before = get(actor);
            TenantSettings after = before.settings().with(changes.timezone(), changes.currency(), changes.locale(),
                    changes.workingDays(), violations);
            violations.throwIfAny();
            handle.createUpdate("""
                            update tenants set name = coalesce(:name, name), settings = settings || :settings
                             where id = crm_current_tenant()""")
                    .bind("name", name).bind("settings", after.toStored()).execute();
            Map<String, Object> diff = new LinkedHashMap<>();
            if (name != null && !name.equals(before.name())) diff.put("name", List.of(before.name(), name));
            if (!after.equals(before.settings())) diff.put("settings", List.of(before.settings(), after));
            audit.record(actor, "tenant.settings", "tenant", actor.tenant().value(), diff);
            return new View(before.slug(), name == null ? before.name() : name, after);
        });
    }

    private static View read(Map<String, Object> row) {
        Map<String, Object> stored;
        try {
            stored = Json.mapper().readValue((String) row.get("settings"), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The tenant's stored settings are not JSON", e);
        }
        return new View((String) row.get("slug"), (String) row.get("name"), TenantSettings.fromStored(stored));
    }
}
