package io.intelligencecrm.outreach.delivery;

import io.intelligencecrm.core.metrics.CrmMetrics;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The delivery log that makes outbox sends exactly-once in effect: {@code sending} is committed
 * before a message is handed to the server and {@code sent} after, so a redelivered outbox message
 * whose send went through does nothing. Results also land on the interaction that logged the
 * email (metadata {@code delivery}), found by its outbox key.
 */
public final class Deliveries {
    private final TenantTransactions transactions;
    private final Clock clock;

    public Deliveries(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public Map<String, Delivery> find(TenantId tenant, Collection<String> keys) {
        if (keys.isEmpty()) return Map.of();
        Map<String, Delivery> found = new LinkedHashMap<>();
        transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select idempotency_key, channel, recipient, message_id, status, attempts
                          from deliveries where idempotency_key = any(:keys)""")
                .bind("keys", keys.toArray(String[]::new))
                .map((rs, ctx) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6))).list())
                .forEach(delivery -> found.put(delivery.idempotencyKey(), delivery));
        return found;
    }

    /** Sends counted against today's cap (UTC day), including those under way. */
    public int sentToday(TenantId tenant, String channel) {
        Instant dayStart = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select count(*) from deliveries
                         where channel = :channel and status in ('sending', 'sent') and sent_at >= :dayStart""")
                .bind("channel", channel).bind("dayStart", dayStart).mapTo(Integer.class).one());
    }

    public Instant nextDay() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Marks these sends as under way and commits, before anything is handed to a server. */
    public void begin(TenantId tenant, List<DeliveryOutcome> starting) {
        if (starting.isEmpty()) return;
        Instant now = clock.instant();
        transactions.useTenant(tenant, handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    insert into deliveries (tenant_id, idempotency_key, channel, recipient, message_id, status,
                                            attempts, sent_at)
                    values (crm_current_tenant(), :key, :channel, :recipient, :messageId, 'sending', 1, :now)
                    on conflict (tenant_id, idempotency_key) do update
                       set attempts = deliveries.attempts + 1, sent_at = :now
                     where deliveries.status = 'sending'""");
            for (DeliveryOutcome start : starting) {
                batch.bind("key", start.key()).bind("channel", start.channel()).bind("recipient", start.recipient())
                        .bind("messageId", start.messageId()).bind("now", now).add();
            }
            batch.execute();
        });
    }

    /** Records how each send ended, on the delivery and on the interaction that logged it, in one transaction. */
    public void finish(TenantId tenant, List<DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty()) return;
        Instant now = clock.instant();
        transactions.useTenant(tenant, handle -> {
            PreparedBatch deliveries = handle.prepareBatch("""
                    insert into deliveries (tenant_id, idempotency_key, channel, recipient, message_id, status,
                                            last_error, provider_ref, sent_at)
                    values (crm_current_tenant(), :key, :channel, :recipient, :messageId, :status, :detail,
                            :providerRef, case when :status = 'sent' then cast(:now as timestamptz) end)
                    on conflict (tenant_id, idempotency_key) do update
                       set status = excluded.status, last_error = excluded.last_error,
                           provider_ref = coalesce(excluded.provider_ref, deliveries.provider_ref),
                           sent_at = case when excluded.status = 'sent' then cast(:now as timestamptz) else deliveries.sent_at end""");
            PreparedBatch interactions = handle.prepareBatch("""
                    update interactions set metadata = metadata || :facts
                     where (metadata ->> 'outboxKey') = :key""");
            for (DeliveryOutcome outcome : outcomes) {
                if (!outcome.status().equals("deferred")) {
                    deliveries.bind("key", outcome.key()).bind("channel", outcome.channel())
                            .bind("recipient", outcome.recipient()).bind("messageId", outcome.messageId())
                            .bind("status", outcome.status()).bind("detail", outcome.detail())
                            .bind("providerRef", outcome.providerRef()).bind("now", now).add();
                }
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("delivery", outcome.status());
                facts.put("deliveryAt", now.toString());
                facts.put("note", note(outcome));
                if (outcome.messageId() != null) facts.put("messageId", outcome.messageId());
                interactions.bind("facts", facts).bind("key", outcome.key()).add();
            }
            if (deliveries.size() > 0) deliveries.execute();
            interactions.execute();
        });
        for (DeliveryOutcome outcome : outcomes) CrmMetrics.delivered(outcome.channel(), outcome.status(), 1);
    }

    /** A bounce arrived for a message this tenant sent: the delivery and its interaction say so. */
    public int markBounced(TenantId tenant, String messageId, String recipient, String detail) {
        int bounced = transactions.inTenant(tenant, handle -> {
            List<String> keys = handle.createQuery("""
                            update deliveries set status = 'bounced', last_error = :detail
                             where (message_id = :messageId or (cast(:messageId as text) is null and recipient = :recipient))
                               and status = 'sent'
                            returning idempotency_key""")
                    .bind("messageId", messageId).bind("recipient", recipient).bind("detail", detail)
                    .mapTo(String.class).list();
            for (String key : keys) {
                handle.createUpdate("""
                                update interactions set metadata = metadata || :facts
                                 where (metadata ->> 'outboxKey') = :key""")
                        .bind("facts", Map.of("delivery", "bounced", "note", detail)).bind("key", key).execute();
            }
            return keys.size();
        });
        CrmMetrics.delivered("email", "bounced", bounced);
        return bounced;
    }

    private static String note(DeliveryOutcome outcome) {
        return switch (outcome.status()) {
            case "sent" -> "delivered to the mail server";
            case "suppressed" -> "not sent: the address is on the suppression list (" + outcome.detail() + ")";
            case "deferred" -> "will be retried: " + outcome.detail();
            default -> outcome.status() + ": " + outcome.detail();
        };
    }
}
