package io.intelligencecrm.webhooks.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.webhooks.subscription.SubscriptionDao;
import io.intelligencecrm.webhooks.subscription.WebhookSubscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** What was sent to a subscription and how each attempt went, and sending one again; admins only. */
public final class DeliveryLog {
    private static final Set<String> STATUSES = Set.of("pending", "delivered", "failed", "cancelled");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final TenantTransactions transactions;
    private final Outbox outbox;
    private final AuditTrail audit;

    public DeliveryLog(TenantTransactions transactions, Outbox outbox, AuditTrail audit) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Newest first; {@code before} pages on the previous page's last {@code createdAt}. */
    public List<WebhookDelivery> list(Actor actor, UUID subscriptionId, String status, Instant before, int limit) {
        requireAdmin(actor);
        if (status != null && !STATUSES.contains(status)) {
            throw CrmException.invalid("status", "must be one of pending, delivered, failed, cancelled");
        }
        return transactions.inTenant(actor.tenant(), handle -> {
            subscription(handle, subscriptionId);
            return handle.attach(DeliveryDao.class).list(subscriptionId, status, before, Math.max(1, Math.min(limit, 200)));
        });
    }

    public DeliveryDetails get(Actor actor, UUID subscriptionId, UUID deliveryId) {
        requireAdmin(actor);
        return transactions.inTenant(actor.tenant(), handle -> {
            DeliveryDao deliveries = handle.attach(DeliveryDao.class);
            WebhookDelivery delivery = delivery(handle, subscriptionId, deliveryId);
            return new DeliveryDetails(delivery, parse(deliveries.payload(deliveryId)), deliveries.attempts(deliveryId));
        });
    }

    /**
     * Sends a delivery again with its stored body and the same webhook-id (receivers deduplicate on it),
     * with a fresh retry window. A delivery still pending is already on its way; one whose person was
     * erased has nothing left to send.
     */
    public WebhookDelivery redeliver(Actor actor, UUID subscriptionId, UUID deliveryId) {
        requireAdmin(actor);
        return transactions.inTenant(actor.tenant(), handle -> {
            WebhookSubscription subscription = subscription(handle, subscriptionId);
            if (!subscription.active()) {
                throw CrmException.conflict("The subscription is disabled; enable it first", Map.of("active", false));
            }
            DeliveryDao deliveries = handle.attach(DeliveryDao.class);
            delivery(handle, subscriptionId, deliveryId);
            if (Boolean.TRUE.equals(parse(deliveries.payload(deliveryId)).get("redacted"))) {
                throw CrmException.conflict("This delivery named a person who was erased; it cannot be sent again",
                        Map.of("redacted", true));
            }
            if (deliveries.reopen(deliveryId) == 0) {
                throw CrmException.conflict("This delivery is still pending; it is sent as soon as it is due",
                        Map.of("status", "pending"));
            }
            outbox.enqueue(actor.tenant(), DeliveryHandler.KIND, Map.of("deliveryId", deliveryId.toString()),
                    DeliveryHandler.KIND + ":" + deliveryId + ":" + UUID.randomUUID());
            audit.record(actor, "webhook.redeliver", "webhook_delivery", deliveryId,
                    Map.of("subscriptionId", subscriptionId.toString()));
            return deliveries.find(deliveryId).orElseThrow();
        });
    }

    private static WebhookSubscription subscription(Handle handle, UUID id) {
        return handle.attach(SubscriptionDao.class).find(id).orElseThrow(() -> CrmException.notFound("Webhook subscription"));
    }

    private static WebhookDelivery delivery(Handle handle, UUID subscriptionId, UUID deliveryId) {
        return handle.attach(DeliveryDao.class).find(deliveryId)
                .filter(delivery -> delivery.subscriptionId().equals(subscriptionId))
                .orElseThrow(() -> CrmException.notFound("Webhook delivery"));
    }

    private static Map<String, Object> parse(String json) {
        try {
            return Json.mapper().readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored webhook body is not JSON", e);
        }
    }

    private static void requireAdmin(Actor actor) {
        Permissions.requireAdmin(actor, "see webhook deliveries");
    }
}
