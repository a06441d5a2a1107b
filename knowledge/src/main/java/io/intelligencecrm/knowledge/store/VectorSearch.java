package io.intelligencecrm.knowledge.store;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

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
    private static final String HYBRID = """
            with semantic as (
                select embedding_id, row_number() over (order by distance) as rank, distance
                  from (select embedding_id, embedding <=> cast(:q as vector) as distance
                          from %1$s
                         where tenant_id = :tenant and model = :model%3$s
                         order by distance
                         limit :pool) candidates
            ), keyword as (
                select embedding_id, row_number() over (order by ts_rank_cd(tsv, query) desc) as rank
                  from %1$s, websearch_to_tsquery('english', :words) query
                 where tenant_id = :tenant and model = :model and tsv @@ query%3$s
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
        String partition = EmbeddingPartitions.of(tenant);
        boolean throughIndex = indexed.contains(partition);
        String sql = NearestQuery.sql(partition, query, throughIndex);
        return transactions.queryInOneTrip(tenant, settings(throughIndex), sql,
                (statement, first) -> NearestQuery.bind(statement, first, tenant, space, query), NearestQuery::readAll);
    }

    /**
     * Semantic and keyword candidates fused by reciprocal rank, so an exact name or product code
     * that the embedding blurs still comes up. Falls back to {@link #nearest} without keywords.
     */
    public List<VectorMatch> hybrid(TenantId tenant, VectorSpace space, VectorQuery query) {
        if (query.keywords().isBlank()) return nearest(tenant, space, query);
        String filters = (query.sourceTypes().isEmpty() ? "" : " and source_type = any(cast(:types as text[]))")
                + (query.excludedSources().isEmpty() ? "" : " and not (source_id = any(cast(:excluded as uuid[])))");
        String sql = HYBRID.formatted(EmbeddingPartitions.of(tenant), RRF_K, filters);
        return transactions.inTenant(tenant, settings(false), handle -> {
            Query statement = handle.createQuery(sql)
                    .bind("q", (position, prepared, context) -> prepared.setObject(position, NearestQuery.vector(query.literal())))
                    .bind("tenant", tenant.value())
                    .bind("model", space.model())
                    .bind("words", query.keywords())
                    .bind("pool", Math.max(query.limit() * 3, 30))
                    .bind("limit", query.limit());
            if (!query.sourceTypes().isEmpty()) statement.bind("types", query.types().toArray(String[]::new));
            if (!query.excludedSources().isEmpty()) statement.bind("excluded", query.excludedSources().toArray(UUID[]::new));
            return statement.map((row, context) -> NearestQuery.read(row)).list();
        });
    }

    /** The JSON plan of the query {@link #nearest} runs, as PostgreSQL will execute it now. */
    public String explain(TenantId tenant, VectorSpace space, VectorQuery query) {
        String partition = EmbeddingPartitions.of(tenant);
        boolean throughIndex = indexed.contains(partition);
        return transactions.inTenant(tenant, settings(throughIndex), handle -> {
            try (PreparedStatement explain = handle.getConnection().prepareStatement(
                    "explain (format json) " + NearestQuery.sql(partition, query, throughIndex))) {
                NearestQuery.bind(explain, 1, tenant, space, query);
                try (ResultSet plan = explain.executeQuery()) {
                    plan.next();
                    return plan.getString(1);
                }
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException("Cannot explain the vector search", e, null);
            }
        });
    }

    /**
     * Sent with the tenant in one statement. Iterative scans keep an HNSW search going until filters
     * (source type) leave enough rows. Given a partition that has its HNSW index, a nearest-neighbour
     * search always goes through it ({@code onlyThroughIndex}): the maintenance job decided by cost
     * which partitions get one, and the planner's estimate (which rises with ef_search) must not turn
     * a 40,000-row search into a full scan. Only that index yields rows in distance order, so ruling
     * out a sort rules out everything else. A partition without the index keeps sorting allowed:
     * disabling it there would only inflate costs into JIT and parallel plans. The hybrid query sorts
     * its keyword side, so it keeps sorting allowed too. The HNSW settings are sent either way: a
     * partition indexed by another node since the last catalog read then still gets iterative scans.
     */
    private Map<String, String> settings(boolean onlyThroughIndex) {
        return Map.of("hnsw.ef_search", Integer.toString(efSearch),
                "hnsw.iterative_scan", "strict_order",
                "enable_sort", onlyThroughIndex ? "off" : "on");
    }
}
