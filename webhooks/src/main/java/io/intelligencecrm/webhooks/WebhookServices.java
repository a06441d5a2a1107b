package io.intelligencecrm.webhooks;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.config.WebhookSettings;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.webhooks.delivery.DeliveryHandler;
import io.intelligencecrm.webhooks.delivery.DeliveryLog;
import io.intelligencecrm.webhooks.delivery.RetrySchedule;
import io.intelligencecrm.webhooks.delivery.WebhookFanout;
import io.intelligencecrm.webhooks.delivery.WebhookSender;
import io.intelligencecrm.webhooks.network.AddressPolicy;
import io.intelligencecrm.webhooks.subscription.WebhookSubscriptions;
import java.time.Clock;
import java.util.List;

/**
 * The webhook objects, built once by the composition root. The {@link WebhookSubscriber} and the
 * {@link WebhookErasure} step are made before the core services (which take them); the outbox handlers
 * run on a dispatcher of their own, so a slow receiver never delays embeddings or mail.
 */
public record WebhookServices(WebhookSubscriptions subscriptions, DeliveryLog deliveries, List<OutboxHandler> handlers,
                              WebhookSender sender) implements AutoCloseable {

    public static WebhookServices create(TenantTransactions transactions, Outbox outbox, AuditTrail audit,
                                         SecretBox box, WebhookSettings settings, Clock clock) {
        AddressPolicy policy = new AddressPolicy(settings.allowPrivateNetworks());
        WebhookSender sender = new WebhookSender(policy, settings.timeout());
        RetrySchedule schedule = new RetrySchedule(settings.firstRetry(), settings.maxRetryDelay(), settings.retryFor());
        return new WebhookServices(new WebhookSubscriptions(transactions, audit, box, policy),
                new DeliveryLog(transactions, outbox, audit),
                List.of(new WebhookFanout(transactions, outbox), new DeliveryHandler(transactions, box, sender, schedule, clock)),
                sender);
    }

    @Override
    public void close() {
        sender.close();
    }
}
