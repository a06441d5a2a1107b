package io.intelligencecrm.webhooks.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.webhooks.event.EventSubject;
import io.intelligencecrm.webhooks.event.EventSubjects;
import io.intelligencecrm.webhooks.event.RecordEvents;
import io.intelligencecrm.webhooks.subscription.SubscriptionDao;
import io.intelligencecrm.webhooks.subscription.WebhookSubscription;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Turns one record change into a delivery per interested subscription, in one tenant transaction: the
 * signed body is fixed here (the record as it reads now), and each delivery gets its own outbox message.
 * A redelivered change creates nothing twice (delivery ids derive from the change's outbox id).
 */
public final class WebhookFanout implements OutboxHandler {
    public static final String KIND = "webhook.event";

    private final TenantTransactions transactions;
    private final Outbox outbox;

    public WebhookFanout(TenantTransactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public OutboxResult handle(List<OutboxMessage> batch) {
        for (OutboxMessage message : batch) {
            transactions.useTenant(message.tenant(), handle -> fanOut(handle, message));
        }
        return OutboxResult.allDone();
    }

    private void fanOut(Handle handle, OutboxMessage message) {
        RecordChange change = RecordChange.fromPayload(message.payload());
        List<WebhookSubscription> subscriptions = handle.attach(SubscriptionDao.class).active();
        if (subscriptions.isEmpty() || change.action().equals("erased")) return;
        Optional<EventSubject> subject = EventSubjects.read(handle, change);
        if (subject.isEmpty()) return;
        List<String> events = RecordEvents.of(change);
        for (WebhookSubscription subscription : subscriptions) {
            for (String event : events) {
                if (subscription.wants(event)) store(handle, message, subscription, event, subject.get(), change, null);
            }
            Map<String, Object> crossing = RecordEvents.scoreCrossing(change, subscription.scoreThreshold());
            if (!crossing.isEmpty() && subscription.wants("contact.score_crossed")) {
                store(handle, message, subscription, "contact.score_crossed", subject.get(), change, crossing);
            }
        }
    }

    private void store(Handle handle, OutboxMessage message, WebhookSubscription subscription, String event,
                       EventSubject subject, RecordChange change, Map<String, Object> crossing) {
        UUID id = UUID.nameUUIDFromBytes(("webhook:" + message.id() + ":" + subscription.id() + ":" + event)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event);
        body.put("timestamp", message.createdAt().toString());
        body.put("data", data(subject, change, crossing));
        int inserted = handle.attach(DeliveryDao.class).insert(id, subscription.id(), event, subject.recordType(),
                subject.recordId(), subject.contactId(), message.id(), json(body));
        if (inserted == 1) {
            outbox.enqueue(message.tenant(), DeliveryHandler.KIND, Map.of("deliveryId", id.toString()),
                    DeliveryHandler.KIND + ":" + id);
        }
    }

    private static Map<String, Object> data(EventSubject subject, RecordChange change, Map<String, Object> crossing) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("object", subject.recordType());
        data.put("id", subject.recordId().toString());
        data.put("record", subject.record());
        if (crossing != null) data.put("score", crossing);
        else if (!change.changes().isEmpty()) data.put("changes", change.changes());
        if (change.actorUserId() != null) data.put("actorUserId", change.actorUserId().toString());
        return data;
    }

    private static String json(Map<String, Object> body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook body is not serialisable", e);
        }
    }
}
