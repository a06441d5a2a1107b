package io.intelligencecrm.core.tenant;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.user.ZoneChanges;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The tenant's own settings: its name (read only here) and its time zone, which users without a zone of
 * their own follow. Everyone reads them; admins change the time zone, and cron workflows move with it.
 */
public final class TenantSettingsService {
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final ZoneChanges zoneChanges;

    public TenantSettingsService(TenantTransactions transactions, AuditTrail audit, ZoneChanges zoneChanges) {
        this.transactions = transactions;
        this.audit = audit;
        this.zoneChanges = zoneChanges;
    }

    /** @param timezone the tenant's time zone (UTC until an admin sets one) */
    public record TenantSettings(String slug, String name, String timezone) {
    }

    public TenantSettings get(Actor actor) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select slug, name, coalesce(settings ->> 'timezone', 'UTC') as timezone
                          from tenants where id = crm_current_tenant()""")
                .mapTo(TenantSettings.class).one());
    }

    public TenantSettings update(Actor actor, Map<String, Object> body) {
        Permissions.requireAdmin(actor, "change the tenant's settings");
        Violations violations = new Violations();
        for (String key : body.keySet()) if (!key.equals("timezone")) violations.add(key, "is not a known field");
        Object timezone = body.get("timezone");
        violations.check(timezone instanceof String zone && valid(zone), "timezone",
                "must be an IANA time zone such as Europe/London");
        violations.throwIfAny();
        TenantSettings before = get(actor);
        TenantSettings after = transactions.inTenant(actor.tenant(), handle -> {
            handle.createUpdate("""
                            update tenants set settings = settings || jsonb_build_object('timezone', cast(:zone as text))
                             where id = crm_current_tenant()""")
                    .bind("zone", timezone).execute();
            audit.record(actor, "tenant.update", "tenant", actor.tenant().value(),
                    Map.of("timezone", List.of(before.timezone(), timezone)));
            return get(actor);
        });
        if (!before.timezone().equals(after.timezone())) zoneChanges.zoneChanged(actor.tenant(), null);
        return after;
    }

    private static boolean valid(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
