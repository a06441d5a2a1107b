package io.intelligencecrm.outreach.suppression;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.erasure.ErasedAddresses;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Addresses that must not receive anything (unsubscribed, hard bounced, complained, or blocked by
 * hand, or erased at their request). Every delivery path asks it at send time, not only when the mail
 * was queued, so an unsubscribe or an erasure that arrives while mail waits in the outbox still stops it.
 */
public final class SuppressionList {
    /** Reasons a person or the system may give; erasure adds its own ("erased", a hash instead of the address). */
    public static final Set<String> REASONS = Set.of("unsubscribed", "hard_bounce", "complaint", "manual");
    private static final RowMapper<Suppression> ROW = (rs, ctx) -> new Suppression(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant());

    private final TenantTransactions transactions;
    private final AuditTrail audit;

    public SuppressionList(TenantTransactions transactions, AuditTrail audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    public static String normalise(String address) {
        return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
    }

    /** Which of these addresses are suppressed (normalised forms), by their own entry or as an erased person's. */
    public Set<String> suppressed(TenantId tenant, Collection<String> addresses) {
        if (addresses.isEmpty()) return Set.of();
        Map<String, String> byKey = new HashMap<>();
        addresses.stream().map(SuppressionList::normalise).distinct().forEach(address -> {
            byKey.put(address, address);
            byKey.put(ErasedAddresses.key(tenant, address), address);
        });
        return new HashSet<>(transactions.inTenant(tenant, handle -> handle.createQuery(
                        "select address from suppressions where address = any(:addresses)")
                .bind("addresses", byKey.keySet().toArray(String[]::new)).mapTo(String.class).map(byKey::get).list()));
    }

    /** The suppressed ones of these addresses with why (unsubscribed, hard_bounce ...), for telling a person. */
    public Map<String, String> reasons(TenantId tenant, Collection<String> addresses) {
        Set<String> suppressed = suppressed(tenant, addresses);
        if (suppressed.isEmpty()) return Map.of();
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        transactions.inTenant(tenant, handle -> handle.createQuery(
                        "select address, reason from suppressions where address = any(:addresses)")
                .bind("addresses", suppressed.toArray(String[]::new))
                .map((rs, ctx) -> reasons.put(rs.getString(1), rs.getString(2).replace('_', ' '))).list());
        for (String address : suppressed) reasons.putIfAbsent(address, "blocked");
        return reasons;
    }

    public boolean isSuppressed(TenantId tenant, String address) {
        return !suppressed(tenant, List.of(address)).isEmpty();
    }

    /**
     * Records a suppression from the system (unsubscribe link, bounce); an existing entry keeps its
     * first reason. Returns true when the address was newly suppressed.
     */
    public boolean suppress(TenantId tenant, String address, String channel, String reason, String detail) {
        if (!REASONS.contains(reason)) throw new IllegalArgumentException("unknown suppression reason " + reason);
        return transactions.inTenant(tenant, handle -> handle.createUpdate("""
                        insert into suppressions (tenant_id, address, channel, reason, detail)
                        values (crm_current_tenant(), :address, :channel, :reason, :detail)
                        on conflict (tenant_id, address) do nothing""")
                .bind("address", normalise(address)).bind("channel", channel).bind("reason", reason)
                .bind("detail", detail).execute() == 1);
    }

    /** A person blocks an address by hand (managers and admins). */
    public Suppression add(Actor actor, Map<String, Object> body) {
        Permissions.requireManager(actor, "manage the suppression list");
        Violations violations = new Violations();
        String address = body.get("address") instanceof String text ? normalise(text) : null;
        violations.check(address != null && address.length() >= 3 && address.length() <= 320, "address",
                "is required: an email address or a phone number");
        Object reason = body.getOrDefault("reason", "manual");
        violations.check(reason instanceof String r && REASONS.contains(r), "reason", "must be one of " + REASONS);
        Object detail = body.get("detail");
        violations.check(detail == null || detail instanceof String d && d.length() <= 500, "detail",
                "must be text of at most 500 characters");
        violations.throwIfAny();
        String channel = address.contains("@") ? "email" : "sms";
        return transactions.inTenant(actor.tenant(), handle -> {
            suppress(actor.tenant(), address, channel, (String) reason, (String) detail);
            audit.record(actor, "suppression.add", "suppression", null, Map.of("address", address, "reason", reason));
            return find(actor.tenant(), address);
        });
    }

    public void remove(Actor actor, String address) {
        Permissions.requireAdmin(actor, "remove an address from the suppression list");
        int removed = transactions.inTenant(actor.tenant(), handle -> {
            int count = handle.createUpdate("delete from suppressions where address in (:address, :erased)")
                    .bind("address", normalise(address)).bind("erased", ErasedAddresses.key(actor.tenant(), normalise(address)))
                    .execute();
            if (count > 0) {
                audit.record(actor, "suppression.remove", "suppression", null, Map.of("address", normalise(address)));
            }
            return count;
        });
        if (removed == 0) throw CrmException.notFound("Suppressed address");
    }

    /**
     * The recipient asked for messages again (an SMS START): only their own opt-out on this channel is
     * lifted, never a block a person set or a bounce. Returns true when one was lifted.
     */
    public boolean optIn(TenantId tenant, String address, String channel) {
        return transactions.inTenant(tenant, handle -> handle.createUpdate("""
                        delete from suppressions
                         where address = :address and channel = :channel and reason = 'unsubscribed'""")
                .bind("address", normalise(address)).bind("channel", channel).execute() == 1);
    }

    public List<Suppression> list(Actor actor, int limit) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select address, channel, reason, detail, created_at from suppressions
                         order by created_at desc, address limit :limit""")
                .bind("limit", Math.max(1, Math.min(limit, 1000))).map(ROW).list());
    }

    private Suppression find(TenantId tenant, String address) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select address, channel, reason, detail, created_at from suppressions where address = :address""")
                .bind("address", normalise(address)).map(ROW).one());
    }
}
