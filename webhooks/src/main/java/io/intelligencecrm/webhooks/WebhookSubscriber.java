package io.intelligencecrm.webhooks;

import io.intelligencecrm.core.events.ChangeSubscriber;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.webhooks.delivery.WebhookFanout;
import io.intelligencecrm.webhooks.subscription.SubscriptionDao;
import java.util.Set;

/**
 * Every record change of a tenant with an active webhook subscription becomes a fan-out message, in the
 * change's own transaction. Erasures are not: nothing about an erased person is queued.
 */
public final class WebhookSubscriber implements ChangeSubscriber {
    private static final Set<String> ENTITIES = Set.of("contact", "company", "deal", "interaction", "task");

    private final TenantTransactions transactions;

    public WebhookSubscriber(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public String outboxKind() {
        return WebhookFanout.KIND;
    }

    @Override
    public boolean coalescePerRecord() {
        return false;
    }

    @Override
    public boolean wants(RecordChange change) {
        return ENTITIES.contains(change.entityType()) && !change.action().equals("erased");
    }

    @Override
    public boolean activeFor(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> handle.attach(SubscriptionDao.class).anyActive());
    }
}
