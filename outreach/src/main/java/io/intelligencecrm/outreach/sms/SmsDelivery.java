package io.intelligencecrm.outreach.sms;

import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.delivery.Deliveries;
import io.intelligencecrm.outreach.delivery.Delivery;
import io.intelligencecrm.outreach.delivery.DeliveryOutcome;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delivers queued text messages ({@code sms.send}) once each, with the same delivery log and
 * suppression check as email; a recipient who replied STOP is added to the suppression list.
 */
public final class SmsDelivery implements OutboxHandler {
    private final SmsSender sender;
    private final SuppressionList suppressions;
    private final Deliveries deliveries;

    public SmsDelivery(SmsSender sender, SuppressionList suppressions, Deliveries deliveries) {
        this.sender = sender;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
    }

    @Override
    public String kind() {
        return OutboundSms.KIND;
    }

    @Override
    public OutboxResult handle(List<OutboxMessage> batch) {
        TenantId tenant = batch.getFirst().tenant();
        Map<String, Delivery> known = deliveries.find(tenant, batch.stream().map(OutboxMessage::idempotencyKey).toList());
        Set<String> suppressed = suppressions.suppressed(tenant, batch.stream()
                .map(m -> OutboundSms.normalise(OutboundSms.fromPayload(m.payload()).to())).toList());
        Map<Long, String> retry = new HashMap<>();
        Map<Long, String> permanent = new HashMap<>();
        for (OutboxMessage message : batch) {
            OutboundSms sms = OutboundSms.fromPayload(message.payload());
            String key = message.idempotencyKey();
            String to = OutboundSms.normalise(sms.to());
            Delivery before = known.get(key);
            if (before != null && before.settled()) continue;
            if (suppressed.contains(to)) {
                deliveries.finish(tenant, List.of(outcome(key, to, "suppressed", "opted out or blocked", null)));
                continue;
            }
            deliveries.begin(tenant, List.of(outcome(key, to, "sending", null, null)),
                    java.time.Instant.now().plus(io.intelligencecrm.core.outbox.OutboxDispatcher.LEASE));
            try {
                String sid = sender.send(to, sms.body());
                deliveries.finish(tenant, List.of(outcome(key, to, "sent", null, sid)));
            } catch (SmsSender.SmsFailure failure) {
                if (failure.optedOut()) suppressions.suppress(tenant, to, "sms", "unsubscribed", failure.getMessage());
                if (failure.permanent()) {
                    permanent.put(message.id(), failure.getMessage());
                    deliveries.finish(tenant, List.of(outcome(key, to, "failed", failure.getMessage(), null)));
                } else {
                    retry.put(message.id(), failure.getMessage());
                    deliveries.finish(tenant, List.of(outcome(key, to, "deferred", failure.getMessage(), null)));
                }
            }
        }
        return new OutboxResult(retry, permanent);
    }

    private static DeliveryOutcome outcome(String key, String to, String status, String detail, String sid) {
        return new DeliveryOutcome(key, "sms", to, "sms:" + key, status, detail, sid);
    }
}
