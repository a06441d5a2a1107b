package io.intelligencecrm.knowledge.embedding;

import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.knowledge.memory.ReindexHandler;
import io.intelligencecrm.knowledge.store.VectorSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the configured embedding model the one the stored vectors belong to. Searches only ever
 * compare vectors of the active model; when the model changes, every tenant is re-embedded in the
 * background. A change of dimension also changes the column type, which means the old vectors are
 * removed first: search results refill as re-embedding proceeds.
 */
public final class EmbeddingSpace {
    private static final Logger log = LoggerFactory.getLogger(EmbeddingSpace.class);

    private final Jdbi ownerJdbi;
    private final Outbox outbox;

    public EmbeddingSpace(Jdbi ownerJdbi, Outbox outbox) {
        this.ownerJdbi = ownerJdbi;
        this.outbox = outbox;
    }

    /**
     * Records the configured space and queues a re-embedding of every tenant that has not been
     * embedded in it yet (the key makes that once per tenant and space).
     */
    public void adopt(VectorSpace configured) {
        List<UUID> tenants = ownerJdbi.inTransaction(handle -> {
            handle.execute("lock table embedding_space in exclusive mode");
            Optional<VectorSpace> stored = handle.createQuery("select model, dimension from embedding_space")
                    .map((rs, ctx) -> new VectorSpace(rs.getString("model"), rs.getInt("dimension"))).findOne();
            if (stored.isPresent() && stored.get().dimension() != configured.dimension()) {
                log.warn("Embedding dimension changes from {} to {}: stored vectors are removed and rebuilt",
                        stored.get().dimension(), configured.dimension());
                for (String index : handle.createQuery("""
                                select ic.relname from pg_index x
                                  join pg_class ic on ic.oid = x.indexrelid join pg_am am on am.oid = ic.relam
                                  join pg_inherits i on i.inhrelid = x.indrelid
                                 where i.inhparent = 'embeddings'::regclass and am.amname = 'hnsw'""")
                        .mapTo(String.class).list()) {
                    handle.execute("drop index " + quoted(index));
                }
                handle.execute("truncate embeddings");
                handle.execute("alter table embeddings alter column embedding type vector(" + configured.dimension() + ")");
            }
            if (stored.isEmpty() || !stored.get().equals(configured)) {
                stored.ifPresent(old -> log.info("Embedding model changes from {} to {}: re-embedding every tenant",
                        old.model(), configured.model()));
                handle.createUpdate("""
                                insert into embedding_space (model, dimension) values (:model, :dimension)
                                on conflict (singleton) do update set model = excluded.model,
                                       dimension = excluded.dimension, changed_at = now()""")
                        .bind("model", configured.model()).bind("dimension", configured.dimension()).execute();
            }
            return handle.createQuery("select id from tenants").mapTo(UUID.class).list();
        });
        String key = ReindexHandler.KIND + ":" + configured.model() + ":" + configured.dimension();
        for (UUID tenant : tenants) outbox.enqueue(new TenantId(tenant), ReindexHandler.KIND, Map.of(), key);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
