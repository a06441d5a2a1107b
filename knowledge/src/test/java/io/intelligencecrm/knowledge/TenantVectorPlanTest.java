package io.intelligencecrm.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.embedding.Embedding;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.knowledge.bench.ClusteredVectors;
import io.intelligencecrm.knowledge.store.EmbeddingPartitions;
import io.intelligencecrm.knowledge.store.ExactScanCost;
import io.intelligencecrm.knowledge.store.IndexThreshold;
import io.intelligencecrm.knowledge.store.VectorChunk;
import io.intelligencecrm.knowledge.store.VectorIndexMaintenance;
import io.intelligencecrm.knowledge.store.VectorMatch;
import io.intelligencecrm.knowledge.store.VectorQuery;
import io.intelligencecrm.knowledge.store.VectorSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Guards the storage shape: a tenant's query only ever touches its own partition, exactly scanned
 * when small and through its own HNSW index when large — never a shared index filtered afterwards,
 * which returns too few rows for small tenants. The large tenant's index is built once, in
 * {@link #start}, with a write arriving while it builds; queries are answered before and after, so
 * the exact and the indexed path can be compared.
 */
@Tag("slow")
class TenantVectorPlanTest {
    private static final int THRESHOLD = 5000;
    private static final ClusteredVectors VECTORS = new ClusteredVectors(384, 40, 7, ClusteredVectors.Noise.ISOTROPIC);
    private static final int COMPARED_QUERIES = 20;
    private static KnowledgeFixture fixture;
    private static VectorSpace space;
    private static Actor small;
    private static Actor large;
    private static Map<UUID, float[]> largeVectors;
    private static List<Embedding> comparedQueries;
    private static List<List<VectorMatch>> exactAnswers;
    private static BuildWithWrite build;

    /** The pass that built the large tenant's index, and the row written while it built (or why that failed). */
    private record BuildWithWrite(List<String> indexed, UUID written, float[] vector, String writeFailure) {
    }

    @BeforeAll
    static void start() throws Exception {
        fixture = new KnowledgeFixture(Map.of("CRM_VECTOR_HNSW_THRESHOLD", Integer.toString(THRESHOLD)));
        space = fixture.knowledge.embedder().space();
        small = fixture.newTenantAdmin("small");
        large = fixture.newTenantAdmin("large");
        store(small, 150, 1);
        largeVectors = store(large, 8000, 2);
        ClusteredVectors.Tenant queries = VECTORS.tenant(2, 8);
        comparedQueries = IntStream.range(0, COMPARED_QUERIES).mapToObj(i -> queries.nextEmbedding()).toList();
        exactAnswers = comparedQueries.stream().map(TenantVectorPlanTest::nearestToLarge).toList();
        fixture.knowledge.indexes().analyze();
        build = buildWhileWriting();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void a_small_tenant_is_scanned_exactly_in_its_own_partition_and_gets_a_full_top_k() {
        Embedding query = VECTORS.tenant(1, 8).nextEmbedding();
        JsonNode plan = plan(small, query);
        assertEquals(Set.of(EmbeddingPartitions.of(small.tenant())), collect(plan, "Relation Name"));
        assertTrue(collect(plan, "Node Type").contains("Seq Scan"), plan.toString());
        assertTrue(collect(plan, "Index Name").stream().noneMatch(index -> index.endsWith("_hnsw")), plan.toString());
        assertTrue(!collect(plan, "Node Type").contains("Gather") && !plan.toString().contains("\"JIT\""),
                "an exact scan stays a plain, cheap plan: " + plan);
        assertTrue(collect(plan, "Subplan Name").stream().anyMatch(name -> name.startsWith("InitPlan")),
                "row-level security reads the tenant once per statement, not once per row: " + plan);
        List<VectorMatch> found = fixture.knowledge.vectors().nearest(small.tenant(), space, VectorQuery.nearest(query, 10));
        assertEquals(10, found.size());
    }

    @Test
    void a_large_tenant_uses_its_own_hnsw_index_with_high_recall() {
        assertEquals(List.of(EmbeddingPartitions.of(large.tenant())), build.indexed());
        ClusteredVectors.Tenant queries = VECTORS.tenant(2, 8);
        JsonNode plan = plan(large, queries.nextEmbedding());
        assertEquals(Set.of(EmbeddingPartitions.of(large.tenant())), collect(plan, "Relation Name"));
        assertTrue(collect(plan, "Index Name").contains(EmbeddingPartitions.of(large.tenant()) + "_hnsw"), plan.toString());
        assertFalse(collect(plan, "Node Type").contains("Sort"), "the winners keep the index's order: " + plan);

        double recall = 0;
        int rounds = 30;
        for (int i = 0; i < rounds; i++) {
            float[] query = queries.next();
            List<VectorMatch> found = nearestToLarge(Embedding.from(query));
            assertEquals(10, found.size());
            Set<UUID> exact = new HashSet<>(largeVectors.entrySet().stream()
                    .sorted(Comparator.comparingDouble(entry -> ClusteredVectors.distance(query, entry.getValue())))
                    .limit(10).map(Map.Entry::getKey).toList());
            recall += found.stream().filter(match -> exact.contains(match.sourceId())).count() / 10.0;
        }
        assertTrue(recall / rounds >= 0.95, "recall@10 " + recall / rounds);
    }

    @Test
    void the_exact_and_the_indexed_path_return_the_same_winners_with_their_rows() {
        int identical = 0;
        double overlap = 0;
        for (int i = 0; i < COMPARED_QUERIES; i++) {
            List<VectorMatch> exact = exactAnswers.get(i);
            List<VectorMatch> indexed = nearestToLarge(comparedQueries.get(i));
            assertEquals(10, exact.size());
            assertEquals(10, indexed.size());
            for (List<VectorMatch> answer : List.of(exact, indexed)) {
                for (int rank = 1; rank < answer.size(); rank++) {
                    assertTrue(answer.get(rank - 1).similarity() >= answer.get(rank).similarity(), "best first: " + answer);
                }
                for (VectorMatch match : answer) {
                    float[] stored = largeVectors.get(match.sourceId());
                    assertEquals(1 - ClusteredVectors.distance(comparedQueries.get(i).vector(), stored), match.similarity(), 1e-5,
                            "each winner's row comes with its own distance");
                }
            }
            if (exact.equals(indexed)) identical++;
            Set<UUID> truth = new HashSet<>(exact.stream().map(VectorMatch::sourceId).toList());
            overlap += indexed.stream().filter(match -> truth.contains(match.sourceId())).count() / 10.0;
        }
        // HNSW is approximate: the same rows on nearly every query, identical lists on most.
        assertTrue(overlap / COMPARED_QUERIES >= 0.95, "overlap " + overlap / COMPARED_QUERIES);
        assertTrue(identical >= COMPARED_QUERIES * 3 / 4, identical + " of " + COMPARED_QUERIES + " identical");
    }

    @Test
    void a_write_during_the_index_build_is_not_blocked_and_is_found_after() {
        assertNull(build.writeFailure(), "the write waited for the build");
        List<VectorMatch> found = fixture.knowledge.vectors().nearest(large.tenant(), space,
                VectorQuery.nearest(Embedding.from(build.vector()), 1));
        assertEquals(build.written(), found.getFirst().sourceId(), "the index holds the row written during its build");
    }

    @Test
    void a_source_type_filter_still_fills_the_top_k_on_an_indexed_tenant() {
        List<VectorMatch> found = fixture.knowledge.vectors().nearest(large.tenant(), space,
                VectorQuery.nearest(VECTORS.tenant(2, 8).nextEmbedding(), 10).onlyOf("document"));
        assertEquals(10, found.size(), "iterative index scans keep going until the filter is satisfied");
        assertTrue(found.stream().allMatch(match -> match.sourceType().equals("document")));
    }

    @Test
    void a_measured_threshold_keeps_the_exact_scan_within_its_budget() {
        IndexThreshold.Decision decision = new IndexThreshold.Measured(new ExactScanCost(fixture.database.tenants()), space, 2)
                .decide(large.tenant(), largeVectors.size());
        double perVector = decision.millisPerVector().orElseThrow();
        assertTrue(perVector > 0 && perVector < 1, "milliseconds per vector " + perVector);
        assertEquals(Math.max(IndexThreshold.MIN_VECTORS, (long) Math.ceil(2 / perVector)), decision.vectors());
        assertEquals(IndexThreshold.MIN_VECTORS, new IndexThreshold.Measured(new ExactScanCost(fixture.database.tenants()), space, 2)
                .decide(small.tenant(), 150).vectors(), "a tenant this small is never measured, let alone indexed");
    }

    /**
     * Runs the maintenance pass in the background and, once PostgreSQL reports the build under way,
     * writes a vector to the same partition, giving up if it waits for a lock longer than a moment.
     * A plain CREATE INDEX holds a lock that makes every write wait until the build ends.
     */
    private static BuildWithWrite buildWhileWriting() throws Exception {
        String partition = EmbeddingPartitions.of(large.tenant());
        CompletableFuture<VectorIndexMaintenance.Pass> pass = CompletableFuture.supplyAsync(() -> fixture.knowledge.indexes().run());
        while (!building(partition)) {
            assertFalse(pass.isDone(), "the build was never seen in progress");
            Thread.sleep(10);
        }
        UUID written = UUID.randomUUID();
        // Opposite to one of the tenant's own vectors: far from every query, so no compared answer changes.
        float[] vector = largeVectors.values().iterator().next().clone();
        for (int i = 0; i < vector.length; i++) vector[i] = -vector[i];
        String writeFailure = null;
        try {
            write(written, vector);
        } catch (RuntimeException e) {
            writeFailure = e.getMessage();
        }
        return new BuildWithWrite(pass.get(5, TimeUnit.MINUTES).indexed(), written, vector, writeFailure);
    }

    private static void write(UUID written, float[] vector) {
        fixture.database.tenants().useTenant(large.tenant(), handle -> {
            handle.execute("set local lock_timeout = '500ms'");
            handle.createUpdate("""
                            insert into embeddings (tenant_id, embedding_id, embedding, text, source_type, source_id, model, dimension)
                            values (:tenant, :id, cast(:vector as vector), 'written during the build', 'interaction', :id, :model, :dimension)""")
                    .bind("tenant", large.tenant().value()).bind("id", written)
                    .bind("vector", Arrays.toString(vector).replace(" ", ""))
                    .bind("model", space.model()).bind("dimension", space.dimension()).execute();
        });
    }

    private static boolean building(String partition) {
        return fixture.database.ownerJdbi().withHandle(handle -> handle.createQuery("""
                        select count(*) > 0 from pg_stat_progress_create_index
                         where relid = cast(:partition as regclass) and phase like 'building index%'""")
                .bind("partition", partition).mapTo(Boolean.class).one());
    }

    private static List<VectorMatch> nearestToLarge(Embedding query) {
        return fixture.knowledge.vectors().nearest(large.tenant(), space, VectorQuery.nearest(query, 10));
    }

    /** Stores vectors whose source id identifies them; every tenth is a document chunk. */
    private static Map<UUID, float[]> store(Actor tenant, int count, long seed) {
        ClusteredVectors.Tenant generator = VECTORS.tenant(seed, 8);
        Map<UUID, float[]> stored = new HashMap<>();
        List<VectorChunk> chunks = new ArrayList<>();
        List<Embedding> embeddings = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> {
            UUID id = UUID.randomUUID();
            float[] vector = generator.next();
            stored.put(id, vector);
            chunks.add(new VectorChunk(i % 10 == 0 ? "document" : "interaction", id, null, 0, null, "text " + i));
            embeddings.add(Embedding.from(vector));
        });
        fixture.knowledge.store().replace(tenant.tenant(), space, chunks, embeddings);
        return stored;
    }

    private static JsonNode plan(Actor tenant, Embedding query) {
        try {
            return Json.mapper().readTree(fixture.knowledge.vectors().explain(tenant.tenant(), space,
                    VectorQuery.nearest(query, 10)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> collect(JsonNode node, String field) {
        Set<String> values = new HashSet<>();
        if (node.isObject() && node.has(field)) values.add(node.get(field).asText());
        node.forEach(child -> values.addAll(collect(child, field)));
        return values;
    }
}
