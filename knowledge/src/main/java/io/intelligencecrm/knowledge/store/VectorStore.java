package io.intelligencecrm.knowledge.store;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.pgvector.DefaultMetadataStorageConfig;
import dev.langchain4j.store.embedding.pgvector.MetadataStorageConfig;
import dev.langchain4j.store.embedding.pgvector.MetadataStorageMode;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes vectors through LangChain4j's PgVectorEmbeddingStore into the tenant's own partition. The
 * store neither creates the table nor the extension (the migration did, and the application role
 * could not): it only upserts rows.
 */
public final class VectorStore {
    private static final MetadataStorageConfig COLUMNS = DefaultMetadataStorageConfig.builder()
            .storageMode(MetadataStorageMode.COLUMN_PER_KEY)
            .columnDefinitions(List.of("tenant_id uuid", "source_type text", "source_id uuid", "contact_id uuid",
                    "chunk integer", "section text", "model text", "dimension integer"))
            .build();

    private final DataSource dedicatedPool;
    private final TenantTransactions transactions;

    public VectorStore(DataSource dedicatedPool, TenantTransactions transactions) {
        this.dedicatedPool = dedicatedPool;
        this.transactions = transactions;
    }

    /** Stores the chunks of some sources, replacing whatever those sources had before. */
    public void replace(TenantId tenant, VectorSpace space, List<VectorChunk> chunks, List<Embedding> embeddings) {
        if (chunks.size() != embeddings.size()) throw new IllegalArgumentException("one embedding per chunk");
        if (chunks.isEmpty()) return;
        List<String> ids = new ArrayList<>(chunks.size());
        List<TextSegment> segments = new ArrayList<>(chunks.size());
        for (VectorChunk chunk : chunks) {
            ids.add(chunk.embeddingId().toString());
            segments.add(TextSegment.from(chunk.stored(), metadata(tenant, space, chunk)));
        }
        store(tenant).addAll(ids, embeddings, segments);
        removeStaleChunks(tenant, chunks);
    }

    /** Forgets everything a source had (e.g. it became empty). */
    public void removeSource(TenantId tenant, String sourceType, UUID sourceId) {
        transactions.useTenant(tenant, handle -> handle.createUpdate("""
                        delete from embeddings where tenant_id = crm_current_tenant()
                           and source_type = :type and source_id = :id""")
                .bind("type", sourceType).bind("id", sourceId).execute());
    }

    /** A source that shrank (shorter note, smaller document) leaves no old chunks behind. */
    private void removeStaleChunks(TenantId tenant, List<VectorChunk> chunks) {
        transactions.useTenant(tenant, handle -> {
            var batch = handle.prepareBatch("""
                    delete from embeddings where tenant_id = crm_current_tenant()
                       and source_type = :type and source_id = :id and not (embedding_id = any(:kept))""");
            chunks.stream().collect(java.util.stream.Collectors.groupingBy(
                            chunk -> chunk.sourceType() + ":" + chunk.sourceId()))
                    .values().forEach(group -> batch
                            .bind("type", group.getFirst().sourceType())
                            .bind("id", group.getFirst().sourceId())
                            .bind("kept", group.stream().map(VectorChunk::embeddingId).toArray(UUID[]::new))
                            .add());
            batch.execute();
        });
    }

    private PgVectorEmbeddingStore store(TenantId tenant) {
        return PgVectorEmbeddingStore.datasourceBuilder()
                .datasource(new TenantScopedDataSource(dedicatedPool, tenant))
                .table(EmbeddingPartitions.of(tenant))
                .createTable(false)
                .useIndex(false)
                .skipCreateVectorExtension(true)
                .metadataStorageConfig(COLUMNS)
                .build();
    }

    private static Metadata metadata(TenantId tenant, VectorSpace space, VectorChunk chunk) {
        Metadata metadata = new Metadata()
                .put("tenant_id", tenant.value())
                .put("source_type", chunk.sourceType())
                .put("source_id", chunk.sourceId())
                .put("chunk", chunk.chunk())
                .put("model", space.model())
                .put("dimension", space.dimension());
        if (chunk.contactId() != null) metadata.put("contact_id", chunk.contactId());
        if (chunk.section() != null) metadata.put("section", chunk.section());
        return metadata;
    }
}
