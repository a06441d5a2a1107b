package io.intelligencecrm.knowledge.store;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Top-k search inside one tenant's partition. A small partition has no vector index and is
 * scanned exactly (its rows are contiguous, so that is fast); a large one has its own HNSW index.
 * Either way the tenant's rows are the only candidates, so every tenant gets a full top-k.
 * {@link #explain} returns the plan of exactly the query {@link #nearest} runs, for the test that
 * guards this shape.
 */
public final class VectorSearch {
    /** Reciprocal-rank fusion constant: ranks below ~60 contribute little, as in the RRF paper. */
    private static final int RRF_K = 60;
    private static final String NEAREST = """
            select embedding_id, source_type, source_id, contact_id, chunk, section, text,
                   1 - distance as similarity, 1 - distance as score
              from (select embedding_id, source_type, source_id, contact_id, chunk, section, text,
                           embedding <=> cast(:q as vector) as distance
                      from %s
                     where tenant_id = :tenant and model = :model
                       and (cardinality(cast(:types as text[])) = 0 or source_type = any(cast(:types as text[])))
                       and not (source_id = any(cast(:excluded as uuid[])))
                     order by distance
                     limit :limit) nearest""";
    private static final String HYBRID = """
            with semantic as (
                select embedding_id, row_number() over (order by distance) as rank, distance
                  from (select embedding_id, embedding <=> cast(:q as vector) as distance
                          from %1$s
                         where tenant_id = :tenant and model = :model
                           and (cardinality(cast(:types as text[])) = 0 or source_type = any(cast(:types as text[])))
                           and not (source_id = any(cast(:excluded as uuid[])))
                         order by distance
                         limit :pool) candidates
            ), keyword as (
                select embedding_id, row_number() over (order by ts_rank_cd(tsv, query) desc) as rank
                  from %1$s, websearch_to_tsquery('english', :words) query
                 where tenant_id = :tenant and model = :model and tsv @@ query
                   and (cardinality(cast(:types as text[])) = 0 or source_type = any(cast(:types as text[])))
                   and not (source_id = any(cast(:excluded as uuid[])))
                 order by ts_rank_cd(tsv, query) desc
                 limit :pool
            ), fused as (
                select coalesce(s.embedding_id, k.embedding_id) as embedding_id, s.distance,
                       coalesce(1.0 / (%2$d + s.rank), 0) + coalesce(1.0 / (%2$d + k.rank), 0) as score
                  from semantic s
                  full join keyword k using (embedding_id)
            )
            select e.embedding_id, e.source_type, e.source_id, e.contact_id, e.chunk, e.section, e.text,
                   1 - coalesce(f.distance, e.embedding <=> cast(:q as vector)) as similarity, f.score
              from fused f
              join %1$s e on e.embedding_id = f.embedding_id
             where e.tenant_id = :tenant
               -- fetches the few fused rows by key; a plain join scanned the whole partition to hash it
               and e.embedding_id = any(array(select embedding_id from fused))
             order by score desc, similarity desc
             limit :limit""";
    private static final RowMapper<VectorMatch> MAPPER = (rs, ctx) -> new VectorMatch(
            rs.getObject("embedding_id", UUID.class), rs.getString("source_type"), rs.getObject("source_id", UUID.class),
            rs.getObject("contact_id", UUID.class), rs.getInt("chunk"), rs.getString("section"), rs.getString("text"),
            rs.getDouble("similarity"), rs.getDouble("score"));

    private final TenantTransactions transactions;
    private final IndexedPartitions indexed;
    private final int efSearch;

    public VectorSearch(TenantTransactions transactions, IndexedPartitions indexed, int efSearch) {
        this.transactions = transactions;
        this.indexed = indexed;
        this.efSearch = efSearch;
    }

    /** The closest chunks by cosine distance, best first. */
    public List<VectorMatch> nearest(TenantId tenant, VectorSpace space, VectorQuery query) {
        return transactions.inTenant(tenant, handle -> {
            tune(handle, EmbeddingPartitions.of(tenant), true);
            return bind(handle.createQuery(NEAREST.formatted(EmbeddingPartitions.of(tenant))), tenant, space, query)
                    .map(MAPPER).list();
        });
    }

    /**
     * Semantic and keyword candidates fused by reciprocal rank, so an exact name or product code
     * that the embedding blurs still comes up. Falls back to {@link #nearest} without keywords.
     */
    public List<VectorMatch> hybrid(TenantId tenant, VectorSpace space, VectorQuery query) {
        if (query.keywords().isBlank()) return nearest(tenant, space, query);
        return transactions.inTenant(tenant, handle -> {
            tune(handle, EmbeddingPartitions.of(tenant), false);
            return bind(handle.createQuery(HYBRID.formatted(EmbeddingPartitions.of(tenant), RRF_K)), tenant, space, query)
                    .bind("words", query.keywords())
                    .bind("pool", Math.max(query.limit() * 3, 30))
                    .map(MAPPER).list();
        });
    }

    /** The JSON plan of the query {@link #nearest} runs, as PostgreSQL will execute it now. */
    public String explain(TenantId tenant, VectorSpace space, VectorQuery query) {
        return transactions.inTenant(tenant, handle -> {
            tune(handle, EmbeddingPartitions.of(tenant), true);
            return bind(handle.createQuery("explain (format json) " + NEAREST.formatted(EmbeddingPartitions.of(tenant))),
                    tenant, space, query).mapTo(String.class).one();
        });
    }

    /**
     * Iterative scans keep an HNSW search going until filters (source type) leave enough rows. Given
     * a partition that has its HNSW index, a nearest-neighbour search always goes through it: the
     * maintenance job decided by size which partitions get one, and the planner's estimate (which
     * rises with ef_search) must not turn a 40,000-row search into a full scan. Only that index
     * yields rows in distance order, so ruling out a sort rules out everything else. A partition
     * without the index keeps sorting allowed: disabling it there would only inflate costs into JIT
     * and parallel plans. The hybrid query sorts its keyword side, so it keeps sorting allowed too.
     */
    private void tune(Handle handle, String partition, boolean indexOnly) {
        handle.createQuery("""
                        select set_config('hnsw.ef_search', :ef, true) as ef_search,
                               set_config('hnsw.iterative_scan', 'strict_order', true) as iterative_scan,
                               set_config('enable_sort', :sort, true) as sort""")
                .bind("ef", Integer.toString(efSearch))
                .bind("sort", indexOnly && indexed.contains(handle, partition) ? "off" : "on")
                .mapToMap().one();
    }

    private static Query bind(Query statement, TenantId tenant, VectorSpace space, VectorQuery query) {
        return statement.bind("q", query.literal())
                .bind("tenant", tenant.value())
                .bind("model", space.model())
                .bind("types", query.types().toArray(String[]::new))
                .bind("excluded", query.excludedSources().toArray(UUID[]::new))
                .bind("limit", query.limit());
    }
}
