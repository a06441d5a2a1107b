package io.intelligencecrm.outreach.sms;

import io.intelligencecrm.core.config.OutreachSettings.QuietHours;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Whether a text would reach its contact inside the quiet hours, in the contact's own time zone (the
 * contact's {@code timezone} field, an IANA name such as Europe/Paris) or else the tenant's; and if so,
 * when they end.
 */
public final class QuietHoursCheck {
    private final TenantTransactions transactions;

    public QuietHoursCheck(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** The zone a contact's local time is read in: its own, else the tenant's, else UTC. */
    public ZoneId zone(TenantId tenant, String contactId) {
        String[] zones = transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select (select custom ->> 'timezone' from contacts where id = cast(:id as uuid)),
                               crm_tenant_timezone()""")
                .bind("id", contactId == null ? null : UUID.fromString(contactId).toString())
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).one());
        for (String zone : zones) {
            if (zone == null) continue;
            try {
                return ZoneId.of(zone.strip());
            } catch (DateTimeException ignored) {
                // A contact's free-text field may hold anything: a zone that is not one falls back.
            }
        }
        return ZoneOffset.UTC;
    }

    /** @return null when {@code now} is outside the quiet hours in that zone, else when they end */
    public static Instant quietUntil(QuietHours hours, ZoneId zone, Instant now) {
        if (hours == null) return null;
        ZonedDateTime local = now.atZone(zone);
        if (!hours.contains(local.getHour())) return null;
        ZonedDateTime end = local.truncatedTo(ChronoUnit.DAYS).withHour(hours.end());
        if (!end.isAfter(local)) end = end.plusDays(1);
        return end.toInstant();
    }
}
