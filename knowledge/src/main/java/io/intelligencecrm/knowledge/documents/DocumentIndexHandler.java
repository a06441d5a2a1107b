package io.intelligencecrm.knowledge.documents;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.knowledge.embedding.Embedder;
import io.intelligencecrm.knowledge.store.VectorChunk;
import io.intelligencecrm.knowledge.store.VectorStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Parses, chunks and embeds one uploaded document, then marks it indexed (or failed, with the
 * reason shown in the document list). A document deleted meanwhile is simply skipped.
 */
public final class DocumentIndexHandler implements OutboxHandler {
    public static final String KIND = "document.index";

    private final TenantTransactions transactions;
    private final DocumentParser parser;
    private final Embedder embedder;
    private final VectorStore store;

    public DocumentIndexHandler(TenantTransactions transactions, DocumentParser parser, Embedder embedder,
                                VectorStore store) {
        this.transactions = transactions;
        this.parser = parser;
        this.embedder = embedder;
        this.store = store;
    }

    /** Queues (or re-queues) the indexing of a document, inside the caller's transaction if any. */
    public static void enqueue(Outbox outbox, TenantId tenant, UUID documentId) {
        outbox.enqueueOrRefresh(tenant, KIND, Map.of("documentId", documentId.toString()), KIND + ":" + documentId);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int batchSize() {
        return 1;
    }

    private record Stored(String title, String contentType, byte[] content) {
    }

    @Override
    public OutboxResult handle(List<OutboxMessage> batch) {
        Map<Long, String> failed = new HashMap<>();
        for (OutboxMessage message : batch) {
            TenantId tenant = message.tenant();
            UUID id = UUID.fromString((String) message.payload().get("documentId"));
            Optional<Stored> document = transactions.inTenant(tenant, handle -> handle.createQuery("""
                            select title, content_type, content from knowledge_documents where id = :id""")
                    .bind("id", id)
                    .map((rs, ctx) -> new Stored(rs.getString("title"), rs.getString("content_type"), rs.getBytes("content")))
                    .findOne());
            if (document.isEmpty()) continue;
            try {
                List<DocumentSection> sections = parser.parse(DocumentType.ofStored(document.get().contentType()),
                        document.get().content());
                List<VectorChunk> chunks = DocumentChunks.of(id, document.get().title(), sections);
                store.replace(tenant, embedder.space(), chunks, embedder.embedAll(chunks.stream().map(VectorChunk::text).toList()));
                mark(tenant, id, "indexed", null, chunks.size());
            } catch (CrmException e) {
                // The file itself is unreadable: retrying cannot help.
                mark(tenant, id, "failed", e.getMessage(), 0);
                failed.put(message.id(), e.getMessage());
            }
        }
        return new OutboxResult(Map.of(), failed);
    }

    private void mark(TenantId tenant, UUID id, String status, String error, int chunks) {
        transactions.useTenant(tenant, handle -> handle.createUpdate("""
                        update knowledge_documents
                           set status = :status, error = :error, chunk_count = :chunks,
                               indexed_at = case when :status = 'indexed' then now() end
                         where id = :id""")
                .bind("status", status).bind("error", error).bind("chunks", chunks).bind("id", id).execute());
    }
}
