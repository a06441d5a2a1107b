package io.intelligencecrm.core.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.user.ZoneChanges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tenant's name and settings: everyone in the tenant reads them, admins change them. Users without a
 * time zone of their own follow the tenant's, so a changed zone moves their cron workflows with it.
 */
public final class TenantSettingsService {
    private static final Set<String> FIELDS = Set.of("name", "timezone", "currency", "locale", "workingDays");

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final ZoneChanges zoneChanges;

    public TenantSettingsService(TenantTransactions transactions, AuditTrail audit, ZoneChanges zoneChanges) {
        this.transactions = transactions;
        this.audit = audit;
        this.zoneChanges = zoneChanges;
    }

    public record View(String slug, String name, TenantSettings settings) {
    }

    public View get(Actor actor) {
        return transactions.inTenant(actor.tenant(), handle -> read(handle.createQuery(
                "select slug, name, settings::text as settings from tenants where id = crm_current_tenant()")
                .mapToMap().one()));
    }

    /**
     * Changes the fields the body names (name, timezone, currency, locale, workingDays); fields left out keep
     * their value, unknown or bad ones are refused with a message each and nothing is changed.
     */
    public View update(Actor actor, Map<String, Object> body) {
        Permissions.requireAdmin(actor, "change the company's settings");
        Violations violations = new Violations();
        for (String key : body.keySet()) if (!FIELDS.contains(key)) violations.add(key, "is not a known field");
        String name = text(body, "name", violations);
        if (name != null) name = name.trim();
        violations.check(name == null || (!name.isEmpty() && name.length() <= 200), "name",
                "must be 1 to 200 characters");
        String timezone = text(body, "timezone", violations);
        String currency = text(body, "currency", violations);
        String locale = text(body, "locale", violations);
        Object days = body.get("workingDays");
        violations.check(days == null || days instanceof List<?>, "workingDays", "must be a list of day names");
        List<String> workingDays = days instanceof List<?> list
                ? list.stream().map(day -> day == null ? null : day.toString()).toList() : null;
        String newName = name;
        View before = get(actor);
        TenantSettings after = before.settings().with(timezone, currency, locale, workingDays, violations);
        violations.throwIfAny();
        View changed = transactions.inTenant(actor.tenant(), handle -> {
            handle.createUpdate("""
                            update tenants set name = coalesce(:name, name), settings = settings || :settings
                             where id = crm_current_tenant()""")
                    .bind("name", newName).bind("settings", after.toStored()).execute();
            Map<String, Object> diff = new LinkedHashMap<>();
            if (newName != null && !newName.equals(before.name())) diff.put("name", List.of(before.name(), newName));
            if (!after.equals(before.settings())) diff.put("settings", List.of(before.settings(), after));
            audit.record(actor, "tenant.settings", "tenant", actor.tenant().value(), diff);
            return new View(before.slug(), newName == null ? before.name() : newName, after);
        });
        // After the commit, so the rescheduled workflows read the new zone.
        if (!before.settings().timezone().equals(after.timezone())) zoneChanges.zoneChanged(actor.tenant(), null);
        return changed;
    }

    private static String text(Map<String, Object> body, String field, Violations violations) {
        Object value = body.get(field);
        violations.check(value == null || value instanceof String, field, "must be text");
        return value instanceof String text ? text : null;
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
