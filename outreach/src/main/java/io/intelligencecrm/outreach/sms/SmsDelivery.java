package io.intelligencecrm.outreach.sms;

import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.delivery.Deliveries;
import io.intelligencecrm.outreach.delivery.Delivery;
import io.intelligencecrm.outreach.delivery.DeliveryOutcome;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Delivers queued text messages ({@code sms.send}) once each, with the same delivery log and suppression
 * check as email, through the tenant's provider account. A text that would arrive in the quiet hours (the
 * contact's local time) waits for their end without using an attempt; a recipient the provider reports as
 * opted out is added to the suppression list; a final failure is told to the sender.
 */
public final class SmsDelivery implements OutboxHandler {
    private final SmsSender sender;
    private final SmsSettingsService settings;
    private final QuietHoursCheck quietHours;
    private final SuppressionList suppressions;
    private final Deliveries deliveries;
    private final Clock clock;

    public SmsDelivery(SmsSender sender, SmsSettingsService settings, QuietHoursCheck quietHours,
                       SuppressionList suppressions, Deliveries deliveries, Clock clock) {
        this.sender = sender;
        this.settings = settings;
        this.quietHours = quietHours;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.clock = clock;
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
        Optional<SmsAccount> account = settings.account(tenant);
        var quiet = settings.quietHours(tenant);
        Map<Long, String> retry = new HashMap<>();
        Map<Long, String> permanent = new HashMap<>();
        Map<Long, Instant> later = new HashMap<>();
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
            if (account.isEmpty()) {
                String detail = "SMS is not set up: no provider account for this workspace (SMS settings)";
                permanent.put(message.id(), detail);
                deliveries.finish(tenant, List.of(failed(key, sms, detail)));
                continue;
            }
            Instant quietEnd = QuietHoursCheck.quietUntil(quiet, quietHours.zone(tenant, sms.contactId()), clock.instant());
            if (quietEnd != null) {
                later.put(message.id(), quietEnd);
                deliveries.finish(tenant, List.of(new DeliveryOutcome(key, "sms", to, "sms:" + key, "deferred",
                        "quiet hours in the contact's time zone", null, quietEnd, null, null)));
                continue;
            }
            deliveries.begin(tenant, List.of(outcome(key, to, "sending", null, null)),
                    clock.instant().plus(OutboxDispatcher.LEASE));
            try {
                String sid = sender.send(account.get(), to, sms.body(), settings.webhookBase(tenant) + "/status");
                deliveries.finish(tenant, List.of(outcome(key, to, "sent", null, sid)));
            } catch (SmsSender.SmsFailure failure) {
                if (failure.optedOut()) suppressions.suppress(tenant, to, "sms", "unsubscribed", failure.getMessage());
                if (failure.permanent()) {
                    permanent.put(message.id(), failure.getMessage());
                    deliveries.finish(tenant, List.of(failed(key, sms, failure.getMessage())));
                } else {
                    retry.put(message.id(), failure.getMessage());
                    deliveries.finish(tenant, List.of(outcome(key, to, "deferred", failure.getMessage(), null)));
                }
            }
        }
        return new OutboxResult(retry, permanent, later);
    }

    private static DeliveryOutcome failed(String key, OutboundSms sms, String detail) {
        DeliveryOutcome failed = outcome(key, OutboundSms.normalise(sms.to()), "failed", detail, null);
        if (sms.senderUserId() == null) return failed;
        return failed.withNotice(new DeliveryOutcome.Notice(UUID.fromString(sms.senderUserId()),
                "Text to " + sms.to() + " was not delivered", detail,
                sms.contactId() == null ? null : "/contacts/" + sms.contactId()));
    }

    private static DeliveryOutcome outcome(String key, String to, String status, String detail, String sid) {
        return new DeliveryOutcome(key, "sms", to, "sms:" + key, status, detail, sid);
    }
}
