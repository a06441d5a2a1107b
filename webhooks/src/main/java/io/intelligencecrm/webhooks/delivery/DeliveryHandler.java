package io.intelligencecrm.webhooks.delivery;

import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.webhooks.subscription.SubscriptionDao;
import io.intelligencecrm.webhooks.subscription.WebhookSubscription;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends deliveries, one outbox message each, at least once. A delivery waits while an earlier one for
 * the same record and subscription is still pending (so a receiver sees a record's events in order); a
 * failed attempt is retried on the {@link RetrySchedule} by deferring its message; once the retry window
 * has passed the delivery fails and its subscription is flagged and disabled. No database connection is
 * held while a receiver is being called.
 */
public final class DeliveryHandler implements OutboxHandler {
    public static final String KIND = "webhook.deliver";
    private static final Logger log = LoggerFactory.getLogger(DeliveryHandler.class);
    private static final Duration WAIT_FOR_EARLIER = Duration.ofSeconds(2);

    private final TenantTransactions transactions;
    private final SecretBox box;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Clock clock;

    public DeliveryHandler(TenantTransactions transactions, SecretBox box, WebhookSender sender, RetrySchedule schedule,
                           Clock clock) {
        this.transactions = transactions;
        this.box = box;
        this.sender = sender;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int batchSize() {
        return 10;
    }

    /** Ready to send: where, with which secret, and what. */
    private record Send(WebhookDelivery delivery, URI url, String secret, byte[] body) {
    }

    @Override
    public OutboxResult handle(List<OutboxMessage> batch) {
        Map<Long, Instant> deferred = new HashMap<>();
        for (OutboxMessage message : batch) {
            UUID id = UUID.fromString(String.valueOf(message.payload().get("deliveryId")));
            deliver(message.tenant(), id).ifPresent(until -> deferred.put(message.id(), until));
        }
        return new OutboxResult(Map.of(), Map.of(), deferred);
    }

    /** @return when to look at this delivery again, or empty when it is settled */
    private Optional<Instant> deliver(TenantId tenant, UUID id) {
        Prepared prepared = transactions.inTenant(tenant, handle -> {
            DeliveryDao deliveries = handle.attach(DeliveryDao.class);
            Optional<WebhookDelivery> found = deliveries.find(id);
            if (found.isEmpty() || !found.get().status().equals("pending")) return Prepared.settled();
            WebhookDelivery delivery = found.get();
            Optional<WebhookSubscription> subscription = handle.attach(SubscriptionDao.class).find(delivery.subscriptionId());
            if (subscription.isEmpty() || !subscription.get().active()) {
                deliveries.cancel(id, "the subscription is disabled");
                return Prepared.settled();
            }
            if (deliveries.hasEarlierPending(id, delivery.subscriptionId(), delivery.recordId())) {
                return Prepared.later(clock.instant().plus(WAIT_FOR_EARLIER));
            }
            String secret = box.open(handle.attach(SubscriptionDao.class).sealedSecret(delivery.subscriptionId()).orElseThrow());
            byte[] body = deliveries.payload(id).getBytes(StandardCharsets.UTF_8);
            return Prepared.send(new Send(delivery, URI.create(subscription.get().url()), secret, body));
        });
        if (prepared.send() == null) return Optional.ofNullable(prepared.later());
        return attempt(tenant, prepared.send());
    }

    private record Prepared(Send send, Instant later) {
        static Prepared settled() {
            return new Prepared(null, null);
        }

        static Prepared later(Instant at) {
            return new Prepared(null, at);
        }

        static Prepared send(Send send) {
            return new Prepared(send, null);
        }
    }

    private Optional<Instant> attempt(TenantId tenant, Send send) {
        WebhookDelivery delivery = send.delivery();
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        String id = delivery.id().toString();
        WebhookSender.Outcome outcome = sender.post(send.url(), Map.of(
                StandardWebhooks.ID, id,
                StandardWebhooks.TIMESTAMP, Long.toString(timestamp),
                StandardWebhooks.SIGNATURE, StandardWebhooks.sign(send.secret(), id, timestamp, send.body())), send.body());
        int number = delivery.attempts() + 1;
        return transactions.inTenant(tenant, handle -> {
            DeliveryDao deliveries = handle.attach(DeliveryDao.class);
            Optional<WebhookDelivery> current = deliveries.lock(delivery.id());
            // Erased, cancelled or deleted while the receiver was being called: keep the attempt out of it.
            if (current.isEmpty() || !current.get().status().equals("pending")) return Optional.<Instant>empty();
            deliveries.addAttempt(delivery.id(), number, at, outcome.status(), outcome.millis(), outcome.error());
            if (outcome.delivered()) {
                deliveries.recordAttempt(delivery.id(), number, at, outcome.status(), outcome.millis(), null, "delivered", null);
                return Optional.<Instant>empty();
            }
            Instant firstAttempt = current.get().firstAttemptAt() == null ? at : current.get().firstAttemptAt();
            Optional<Instant> next = schedule.next(firstAttempt, at, number);
            deliveries.recordAttempt(delivery.id(), number, at, outcome.status(), outcome.millis(), outcome.error(),
                    next.isPresent() ? "pending" : "failed", next.orElse(null));
            if (next.isEmpty()) {
                handle.attach(SubscriptionDao.class).flagFailing(delivery.subscriptionId());
                log.warn("Webhook subscription {} disabled: delivery {} failed for the whole retry window ({})",
                        delivery.subscriptionId(), delivery.id(), outcome.error());
            }
            return next;
        });
    }
}
