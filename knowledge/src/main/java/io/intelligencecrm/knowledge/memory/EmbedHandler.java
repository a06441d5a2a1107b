package io.intelligencecrm.knowledge.memory;

import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.knowledge.embedding.Embedder;
import io.intelligencecrm.knowledge.store.VectorChunk;
import io.intelligencecrm.knowledge.store.VectorStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Embeds the records named by a batch of {@code embed} messages (all of one tenant) in one model
 * call per 64 texts, and stores them. Re-running a message rewrites the same rows, so a redelivery
 * after a crash does no harm.
 */
public final class EmbedHandler implements OutboxHandler {
    private final RecordTexts texts;
    private final Embedder embedder;
    private final VectorStore store;

    public EmbedHandler(RecordTexts texts, Embedder embedder, VectorStore store) {
        this.texts = texts;
        this.embedder = embedder;
        this.store = store;
    }

    @Override
    public String kind() {
        return EmbedSubscriber.KIND;
    }

    @Override
    public int batchSize() {
        return 128;
    }

    @Override
    public OutboxResult handle(List<OutboxMessage> batch) {
        TenantId tenant = batch.getFirst().tenant();
        Map<String, Set<UUID>> idsByType = new LinkedHashMap<>();
        for (OutboxMessage message : batch) {
            idsByType.computeIfAbsent((String) message.payload().get("entityType"), type -> new LinkedHashSet<>())
                    .add(UUID.fromString((String) message.payload().get("entityId")));
        }
        Set<UUID> contacts = idsByType.getOrDefault("contact", Set.of());
        if (!contacts.isEmpty()) {
            idsByType.computeIfAbsent("interaction", type -> new LinkedHashSet<>())
                    .addAll(texts.interactionsMissingVectors(tenant, contacts, embedder.space().model()));
        }
        List<VectorChunk> chunks = new ArrayList<>();
        idsByType.forEach((type, ids) -> {
            List<VectorChunk> loaded = texts.load(tenant, type, ids);
            chunks.addAll(loaded);
            Set<UUID> gone = new LinkedHashSet<>(ids);
            loaded.forEach(chunk -> gone.remove(chunk.sourceId()));
            gone.forEach(id -> store.removeSource(tenant, type, id));
        });
        store.replace(tenant, embedder.space(), chunks, embedder.embedAll(chunks.stream().map(VectorChunk::text).toList()));
        return OutboxResult.allDone();
    }
}
