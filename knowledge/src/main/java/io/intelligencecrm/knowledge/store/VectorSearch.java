package io.intelligencecrm.knowledge.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
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
    /**
     * The k closest as (id, distance) pairs only. An exact scan sorts one such pair per vector, where
     * sorting whole rows copied every row's text first; the winners' rows are fetched by key after.
     * Optional filters ({@link #filters}) are left out when unused rather than evaluated on every row.
     */
    private static final String CANDIDATES = """
            select embedding_id, embedding <=> cast(:q as vector) as distance
              from %1$s
             where tenant_id = :tenant and model = :model%2$s
             order by distance
             limit :limit""";
    /** The candidates stay in distance order through a nested loop over the key index: no second sort. */
    private static final String NEAREST = """
            select e.embedding_id, e.source_type, e.source_id, e.contact_id, e.chunk, e.section, e.text,
                   1 - n.distance as similarity, 1 - n.distance as score
              from (%2$s) n
              join %1$s e on e.embedding_id = n.embedding_id
             order by n.distance""";
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
        String partition = EmbeddingPartitions.of(tenant);
        return transactions.inTenant(tenant, settings(partition, true), handle ->
                bind(handle.createQuery(nearestSql(partition, query)), tenant, space, query).map(MAPPER).list());
    }

    /**
     * Semantic and keyword candidates fused by reciprocal rank, so an exact name or product code
     * that the embedding blurs still comes up. Falls back to {@link #nearest} without keywords.
     */
    public List<VectorMatch> hybrid(TenantId tenant, VectorSpace space, VectorQuery query) {
        if (query.keywords().isBlank()) return nearest(tenant, space, query);
        String partition = EmbeddingPartitions.of(tenant);
        String sql = HYBRID.formatted(partition, RRF_K, filters(query));
        return transactions.inTenant(tenant, settings(partition, false), handle ->
                bind(handle.createQuery(sql), tenant, space, query)
                        .bind("words", query.keywords())
                        .bind("pool", Math.max(query.limit() * 3, 30))
                        .map(MAPPER).list());
    }

    /** The JSON plan of the query {@link #nearest} runs, as PostgreSQL will execute it now. */
    public String explain(TenantId tenant, VectorSpace space, VectorQuery query) {
        String partition = EmbeddingPartitions.of(tenant);
        return transactions.inTenant(tenant, settings(partition, true), handle ->
                bind(handle.createQuery("explain (format json) " + nearestSql(partition, query)), tenant, space, query)
                        .mapTo(String.class).one());
    }

    /**
     * What an exact scan of the tenant's vectors costs in the database, per vector: the median of
     * three timed runs (EXPLAIN ANALYZE) of the candidate query {@link #nearest} sends, each for one
     * of the tenant's own vectors, with index scans ruled out. Empty when the tenant has no vectors.
     */
    public OptionalDouble exactScanMillisPerVector(TenantId tenant, VectorSpace space) {
        String partition = EmbeddingPartitions.of(tenant);
        String explain = "explain (analyze, timing off, format json) " + CANDIDATES.formatted(partition, "");
        return transactions.inTenant(tenant, Map.of("enable_indexscan", "off", "enable_bitmapscan", "off"), handle -> {
            List<String> samples = handle.createQuery("select embedding::text from " + partition + " where model = :model limit 3")
                    .bind("model", space.model()).mapTo(String.class).list();
            List<Double> costs = new ArrayList<>();
            for (String sample : samples) {
                JsonNode plan = plan(handle.createQuery(explain).bind("q", sample).bind("tenant", tenant.value())
                        .bind("model", space.model()).bind("limit", 10).mapTo(String.class).one());
                costs.add(plan.get("Execution Time").asDouble() / Math.max(1, scannedRows(plan.get("Plan"))));
            }
            return costs.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(costs.stream().sorted().toList().get(costs.size() / 2));
        });
    }

    private static JsonNode plan(String json) {
        try {
            return Json.mapper().readTree(json).get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("PostgreSQL returned an unreadable plan", e);
        }
    }

    /** Rows a plan read from its table, whether they passed its filter or not. */
    private static long scannedRows(JsonNode node) {
        if ("Seq Scan".equals(node.path("Node Type").asText())) {
            return node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong();
        }
        long rows = 0;
        for (JsonNode child : node.path("Plans")) rows += scannedRows(child);
        return rows;
    }

    /**
     * Sent with the tenant in one statement. Iterative scans keep an HNSW search going until filters
     * (source type) leave enough rows. Given a partition that has its HNSW index, a nearest-neighbour
     * search always goes through it: the maintenance job decided by cost which partitions get one,
     * and the planner's estimate (which rises with ef_search) must not turn a 40,000-row search into
     * a full scan. Only that index yields rows in distance order, so ruling out a sort rules out
     * everything else. A partition without the index keeps sorting allowed: disabling it there would
     * only inflate costs into JIT and parallel plans. The hybrid query sorts its keyword side, so it
     * keeps sorting allowed too. The HNSW settings are sent either way: a partition indexed by
     * another node since the last catalog read then still gets iterative scans.
     */
    private Map<String, String> settings(String partition, boolean indexOnly) {
        return Map.of("hnsw.ef_search", Integer.toString(efSearch),
                "hnsw.iterative_scan", "strict_order",
                "enable_sort", indexOnly && indexed.contains(partition) ? "off" : "on");
    }

    private static String nearestSql(String partition, VectorQuery query) {
        return NEAREST.formatted(partition, CANDIDATES.formatted(partition, filters(query)));
    }

    /** Only the filters the query uses: fixed SQL text, the values are bound. */
    private static String filters(VectorQuery query) {
        return (query.sourceTypes().isEmpty() ? "" : " and source_type = any(cast(:types as text[]))")
                + (query.excludedSources().isEmpty() ? "" : " and not (source_id = any(cast(:excluded as uuid[])))");
    }

    private static Query bind(Query statement, TenantId tenant, VectorSpace space, VectorQuery query) {
        statement.bind("q", query.literal())
                .bind("tenant", tenant.value())
                .bind("model", space.model())
                .bind("limit", query.limit());
        if (!query.sourceTypes().isEmpty()) statement.bind("types", query.types().toArray(String[]::new));
        if (!query.excludedSources().isEmpty()) statement.bind("excluded", query.excludedSources().toArray(UUID[]::new));
        return statement;
    }
}
