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
                        select idempotency_key, channel, recipient, message_id, status, attempts, first_refused_at,
                               deferrals
                          from deliveries where idempotency_key = any(:keys)""")
                .bind("keys", keys.toArray(String[]::new))
                .map((rs, ctx) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getInt(8))).list())
                .forEach(delivery -> found.put(delivery.idempotencyKey(), delivery));
        return found;
    }

    /**
     * Sends counted against today's cap (UTC day): those the server accepted, and those under way whose
     * lease still runs. Deferred and interrupted sends do not count.
     */
    public int sentToday(TenantId tenant, String channel) {
        Instant dayStart = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select count(*) from deliveries
                         where channel = :channel and status in ('sending', 'sent') and sent_at >= :dayStart
                           and (status = 'sent' or lease_until > :now)""")
                .bind("channel", channel).bind("dayStart", dayStart).bind("now", clock.instant())
                .mapTo(Integer.class).one());
    }

    public Instant nextDay() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Sends whose node stopped mid-send (their lease ended while 'sending') become 'deferred', to be tried
     * again when their outbox message comes back; their interactions say so.
     */
    public int releaseExpired(TenantId tenant) {
        Instant now = clock.instant();
        return transactions.inTenant(tenant, handle -> {
            List<String> keys = handle.createQuery("""
                            update deliveries set status = 'deferred', lease_until = null,
                                   last_error = 'interrupted while sending; it will be tried again'
                             where status = 'sending' and lease_until < :now
                            returning idempotency_key""")
                    .bind("now", now).mapTo(String.class).list();
            for (String key : keys) {
                handle.createUpdate("""
                                update interactions set metadata = metadata || :facts
                                 where (metadata ->> 'outboxKey') = :key""")
                        .bind("facts", Map.of("delivery", "deferred", "deliveryAt", now.toString(),
                                "note", "interrupted while sending; it will be tried again"))
                        .bind("key", key).execute();
            }
            return keys.size();
        });
    }

    /** Marks these sends as under way until {@code leaseUntil} and commits, before anything is handed to a server. */
    public void begin(TenantId tenant, List<DeliveryOutcome> starting, Instant leaseUntil) {
        if (starting.isEmpty()) return;
        Instant now = clock.instant();
        transactions.useTenant(tenant, handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    insert into deliveries (tenant_id, idempotency_key, channel, recipient, message_id, status,
                                            attempts, sent_at, lease_until)
                    values (crm_current_tenant(), :key, :channel, :recipient, :messageId, 'sending', 1, :now, :lease)
                    on conflict (tenant_id, idempotency_key) do update
                       set status = 'sending', attempts = deliveries.attempts + 1, sent_at = :now,
                           lease_until = :lease, retry_at = null
                     where deliveries.status in ('sending', 'deferred')""");
            for (DeliveryOutcome start : starting) {
                batch.bind("key", start.key()).bind("channel", start.channel()).bind("recipient", start.recipient())
                        .bind("messageId", start.messageId()).bind("now", now).bind("lease", leaseUntil).add();
            }
            batch.execute();
        });
    }

    /**
     * Records how each send ended, on the delivery and on the interaction that logged it, and tells the
     * sender of a final failure, in one transaction.
     */
    public void finish(TenantId tenant, List<DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty()) return;
        Instant now = clock.instant();
        transactions.useTenant(tenant, handle -> {
            PreparedBatch deliveries = handle.prepareBatch("""
                    insert into deliveries (tenant_id, idempotency_key, channel, recipient, message_id, status,
                                            last_error, provider_ref, sent_at, retry_at, first_refused_at, deferrals)
                    values (crm_current_tenant(), :key, :channel, :recipient, :messageId, :status, :detail,
                            :providerRef, case when :status = 'sent' then cast(:now as timestamptz) end,
                            :retryAt, :firstRefusedAt, case when :status = 'deferred' then 1 else 0 end)
                    on conflict (tenant_id, idempotency_key) do update
                       set status = excluded.status, last_error = excluded.last_error, lease_until = null,
                           provider_ref = coalesce(excluded.provider_ref, deliveries.provider_ref),
                           sent_at = case when excluded.status = 'sent' then cast(:now as timestamptz) else deliveries.sent_at end,
                           retry_at = excluded.retry_at,
                           first_refused_at = coalesce(deliveries.first_refused_at, excluded.first_refused_at),
                           deferrals = deliveries.deferrals + excluded.deferrals""");
            PreparedBatch interactions = handle.prepareBatch("""
                    update interactions set metadata = metadata || :facts
                     where (metadata ->> 'outboxKey') = :key""");
            PreparedBatch notices = handle.prepareBatch("""
                    insert into notifications (tenant_id, user_id, title, body, link, source)
                    select crm_current_tenant(), id, :title, :body, :link, 'delivery' from users
                     where id = :user and active""");
            for (DeliveryOutcome outcome : outcomes) {
                deliveries.bind("key", outcome.key()).bind("channel", outcome.channel())
                        .bind("recipient", outcome.recipient()).bind("messageId", outcome.messageId())
                        .bind("status", outcome.status()).bind("detail", outcome.detail())
                        .bind("providerRef", outcome.providerRef()).bind("now", now)
                        .bind("retryAt", outcome.retryAt()).bind("firstRefusedAt", outcome.firstRefusedAt()).add();
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("delivery", outcome.status());
                facts.put("deliveryAt", now.toString());
                facts.put("note", note(outcome));
                if (outcome.messageId() != null) facts.put("messageId", outcome.messageId());
                if (outcome.retryAt() != null) facts.put("retryAt", outcome.retryAt().toString());
                interactions.bind("facts", facts).bind("key", outcome.key()).add();
                if (outcome.notice() != null) {
                    DeliveryOutcome.Notice notice = outcome.notice();
                    notices.bind("user", notice.userId()).bind("title", truncate(notice.title(), 300))
                            .bind("body", notice.body()).bind("link", notice.link()).add();
                }
            }
            deliveries.execute();
            interactions.execute();
            if (notices.size() > 0) notices.execute();
        });
        for (DeliveryOutcome outcome : outcomes) CrmMetrics.delivered(outcome.channel(), outcome.status(), 1);
    }

    /**
     * The SMS provider reported what became of a text it took (its status callback): delivered, or failed
     * with the carrier's reason. Returns how many deliveries it concerned (0: not one of ours).
     */
    public int markReported(TenantId tenant, String providerRef, String status, String detail) {
        int changed = transactions.inTenant(tenant, handle -> {
            List<String> keys = handle.createQuery("""
                            update deliveries set status = :status, last_error = :detail
                             where provider_ref = :ref and channel = 'sms' and status in ('sent', 'delivered')
                            returning idempotency_key""")
                    .bind("ref", providerRef).bind("status", status).bind("detail", detail)
                    .mapTo(String.class).list();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("delivery", status);
            facts.put("deliveryAt", clock.instant().toString());
            facts.put("note", status.equals("delivered") ? "delivered to the phone" : "not delivered: " + detail);
            for (String key : keys) {
                handle.createUpdate("""
                                update interactions set metadata = metadata || :facts
                                 where (metadata ->> 'outboxKey') = :key""")
                        .bind("facts", facts).bind("key", key).execute();
            }
            return keys.size();
        });
        CrmMetrics.delivered("sms", status, changed);
        return changed;
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
            case "sent" -> outcome.channel().equals("sms") ? "handed to the SMS provider" : "delivered to the mail server";
            case "suppressed" -> "not sent: the address is on the suppression list (" + outcome.detail() + ")";
            case "deferred" -> "will be tried again" + (outcome.retryAt() == null ? "" : " at " + outcome.retryAt())
                    + ": " + outcome.detail();
            case "failed" -> "not delivered: " + outcome.detail();
            default -> outcome.status() + ": " + outcome.detail();
        };
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
