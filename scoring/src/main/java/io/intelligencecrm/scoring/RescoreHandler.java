package io.intelligencecrm.scoring;

import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Rescores the contacts behind a batch of changes, after the writes committed: the write never
 * waits for scoring. The dispatcher hands over one tenant's messages at a time; rescoring is
 * idempotent, so a redelivered message does no harm. Changes that moved many outcomes ask for an
 * early retrain.
 */
public final class RescoreHandler implements OutboxHandler {
    private final ScoringService scoring;
    private final TenantTransactions transactions;
    private final OutcomeWatch outcomes;

    public RescoreHandler(ScoringService scoring, TenantTransactions transactions, OutcomeWatch outcomes) {
        this.scoring = scoring;
        this.transactions = transactions;
        this.outcomes = outcomes;
    }

    @Override
    public String kind() {
        return RescoreSubscriber.KIND;
    }

    @Override
    public int batchSize() {
        return 200;
    }

    @Override
    public OutboxResult handle(List<OutboxMessage> batch) {
        if (batch.isEmpty()) return OutboxResult.allDone();
        TenantId tenant = batch.getFirst().tenant();
        Set<UUID> contacts = new LinkedHashSet<>();
        Set<UUID> interactions = new HashSet<>();
        Set<UUID> deals = new HashSet<>();
        for (OutboxMessage message : batch) {
            Object type = message.payload().get("entityType");
            UUID id = UUID.fromString(String.valueOf(message.payload().get("entityId")));
            if ("contact".equals(type)) contacts.add(id);
            else if ("interaction".equals(type)) interactions.add(id);
            else if ("deal".equals(type)) deals.add(id);
            if (message.payload().get("changes") instanceof Map<?, ?> changes && changes.get("contactId") instanceof String contact) {
                contacts.add(UUID.fromString(contact));
            }
        }
        // Deleted interactions and deals still name their contact, which is the one to rescore.
        transactions.useTenant(tenant, handle -> {
            if (!interactions.isEmpty()) {
                contacts.addAll(handle.createQuery("select contact_id from interactions where id = any(:ids)")
                        .bind("ids", interactions.toArray(UUID[]::new)).mapTo(UUID.class).list());
            }
            if (!deals.isEmpty()) {
                contacts.addAll(handle.createQuery("select contact_id from deals where id = any(:ids) and contact_id is not null")
                        .bind("ids", deals.toArray(UUID[]::new)).mapTo(UUID.class).list());
            }
        });
        scoring.rescore(tenant, contacts);
        outcomes.changed(tenant);
        return OutboxResult.allDone();
    }
}
