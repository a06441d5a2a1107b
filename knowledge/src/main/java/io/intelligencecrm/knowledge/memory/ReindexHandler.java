package io.intelligencecrm.knowledge.memory;

import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.knowledge.documents.DocumentIndexHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Re-embeds a whole tenant: queues one {@code embed} message per record and one index message per
 * document, with the same keys record changes use, so the work is batched and survives restarts.
 */
public final class ReindexHandler implements OutboxHandler {
    public static final String KIND = "embed.reindex";
    private static final Map<String, String> TABLES = Map.of(
            "contact", "contacts", "company", "companies", "deal", "deals", "interaction", "interactions");

    private final TenantTransactions transactions;
    private final Outbox outbox;

    public ReindexHandler(TenantTransactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int batchSize() {
        return 1;
    }

    @Override
    public OutboxResult handle(List<OutboxMessage> batch) {
        for (OutboxMessage message : batch) reindex(message.tenant());
        return OutboxResult.allDone();
    }

    public void reindex(TenantId tenant) {
        TABLES.forEach((type, table) -> {
            // Table names come from the constant map above, never from input.
            List<UUID> ids = transactions.inTenant(tenant, handle -> handle
                    .createQuery("select id from " + table + " where deleted_at is null").mapTo(UUID.class).list());
            Map<String, Map<String, Object>> payloads = new LinkedHashMap<>();
            for (UUID id : ids) {
                payloads.put(EmbedSubscriber.KIND + ":" + type + ":" + id,
                        Map.of("entityType", type, "entityId", id.toString(), "action", "updated"));
            }
            outbox.enqueueAll(tenant, EmbedSubscriber.KIND, payloads, true);
        });
        List<UUID> documents = transactions.inTenant(tenant, handle -> handle
                .createQuery("select id from knowledge_documents").mapTo(UUID.class).list());
        for (UUID document : documents) DocumentIndexHandler.enqueue(outbox, tenant, document);
    }
}
