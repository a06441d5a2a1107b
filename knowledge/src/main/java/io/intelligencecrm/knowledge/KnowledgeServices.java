package io.intelligencecrm.knowledge;

import com.zaxxer.hikari.HikariDataSource;
import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.config.KnowledgeSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.knowledge.documents.DocumentIndexHandler;
import io.intelligencecrm.knowledge.documents.DocumentParser;
import io.intelligencecrm.knowledge.documents.KnowledgeDocuments;
import io.intelligencecrm.knowledge.embedding.Embedder;
import io.intelligencecrm.knowledge.embedding.EmbeddingModels;
import io.intelligencecrm.knowledge.embedding.EmbeddingSpace;
import io.intelligencecrm.knowledge.memory.EmbedHandler;
import io.intelligencecrm.knowledge.memory.RecordTexts;
import io.intelligencecrm.knowledge.memory.ReindexHandler;
import io.intelligencecrm.knowledge.search.KnowledgeSearch;
import io.intelligencecrm.knowledge.store.ExactScanCost;
import io.intelligencecrm.knowledge.store.IndexThreshold;
import io.intelligencecrm.knowledge.store.IndexedPartitions;
import io.intelligencecrm.knowledge.store.VectorIndexMaintenance;
import io.intelligencecrm.knowledge.store.VectorSearch;
import io.intelligencecrm.knowledge.store.VectorStore;
import java.util.List;

/**
 * Semantic memory and the knowledge base, built once by the composition root. The record
 * subscriber ({@link io.intelligencecrm.knowledge.memory.EmbedSubscriber}) is given to the core
 * services separately, since they are built first.
 *
 * @param outboxHandlers give these to the outbox dispatcher: they embed and index in the background
 */
public record KnowledgeServices(Embedder embedder, KnowledgeSearch search, KnowledgeDocuments documents,
                                VectorStore store, VectorSearch vectors, VectorIndexMaintenance indexes, EmbeddingSpace space,
                                ReindexHandler reindex, List<OutboxHandler> outboxHandlers, HikariDataSource writerPool)
        implements AutoCloseable {

    public static KnowledgeServices create(Database database, KnowledgeSettings settings, AuditTrail audit, Outbox outbox) {
        return create(database, settings, audit, outbox, EmbeddingModels.configured(settings));
    }

    /** With a given embedder: benchmarks reuse one across runs. */
    public static KnowledgeServices create(Database database, KnowledgeSettings settings, AuditTrail audit, Outbox outbox,
                                           Embedder embedder) {
        var transactions = database.tenants();
        HikariDataSource writerPool = database.openAppPool("crm-vectors", 2);
        VectorStore store = new VectorStore(writerPool, transactions);
        IndexedPartitions indexed = new IndexedPartitions(database.jdbi());
        VectorSearch vectors = new VectorSearch(transactions, indexed, settings.efSearch());
        IndexThreshold threshold = settings.hnswThreshold().isPresent()
                ? new IndexThreshold.Fixed(settings.hnswThreshold().getAsInt())
                : new IndexThreshold.Measured(new ExactScanCost(transactions), embedder.space(), settings.exactScanBudgetMillis());
        RecordTexts texts = new RecordTexts(transactions);
        DocumentParser parser = new DocumentParser();
        ReindexHandler reindex = new ReindexHandler(transactions, outbox);
        List<OutboxHandler> handlers = List.of(new EmbedHandler(texts, embedder, store),
                new DocumentIndexHandler(transactions, parser, embedder, store), reindex);
        return new KnowledgeServices(embedder, new KnowledgeSearch(transactions, embedder, vectors, texts),
                new KnowledgeDocuments(transactions, audit, outbox, parser, settings.maxUploadBytes()), store, vectors,
                new VectorIndexMaintenance(database.ownerJdbi(), indexed, threshold, settings.hnswM(),
                        settings.hnswEfConstruction()),
                new EmbeddingSpace(database.ownerJdbi(), outbox), reindex, handlers, writerPool);
    }

    @Override
    public void close() {
        writerPool.close();
    }
}
