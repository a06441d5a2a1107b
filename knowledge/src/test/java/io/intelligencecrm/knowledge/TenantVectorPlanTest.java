package io.intelligencecrm.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.embedding.Embedding;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.knowledge.bench.ClusteredVectors;
import io.intelligencecrm.knowledge.store.EmbeddingPartitions;
import io.intelligencecrm.knowledge.store.VectorChunk;
import io.intelligencecrm.knowledge.store.VectorMatch;
import io.intelligencecrm.knowledge.store.VectorQuery;
import io.intelligencecrm.knowledge.store.VectorSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Guards the storage shape: a tenant's query only ever touches its own partition, exactly scanned
 * when small and through its own HNSW index when large — never a shared index filtered afterwards,
 * which returns too few rows for small tenants.
 */
@Tag("slow")
class TenantVectorPlanTest {
    private static final int THRESHOLD = 5000;
    private static final ClusteredVectors VECTORS = new ClusteredVectors(384, 40, 7, ClusteredVectors.Noise.ISOTROPIC);
    private static KnowledgeFixture fixture;
    private static VectorSpace space;
    private static Actor small;
    private static Actor large;
    private static Map<UUID, float[]> largeVectors;

    @BeforeAll
    static void start() {
        fixture = new KnowledgeFixture(Map.of("CRM_VECTOR_HNSW_THRESHOLD", Integer.toString(THRESHOLD)));
        space = fixture.knowledge.embedder().space();
        small = fixture.newTenantAdmin("small");
        large = fixture.newTenantAdmin("large");
        store(small, 150, 1);
        largeVectors = store(large, 8000, 2);
        fixture.knowledge.indexes().analyze();
        assertEquals(List.of(EmbeddingPartitions.of(large.tenant())), fixture.knowledge.indexes().run());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void a_small_tenant_is_scanned_exactly_in_its_own_partition_and_gets_a_full_top_k() {
        Embedding query = VECTORS.tenant(1, 8).nextEmbedding();
        JsonNode plan = plan(small, query);
        assertEquals(Set.of(EmbeddingPartitions.of(small.tenant())), relations(plan));
        assertTrue(nodeTypes(plan).contains("Seq Scan"), plan.toString());
        assertTrue(!nodeTypes(plan).contains("Index Scan"), plan.toString());
        assertTrue(!nodeTypes(plan).contains("Gather") && !plan.toString().contains("\"JIT\""),
                "an exact scan stays a plain, cheap plan: " + plan);
        assertEquals(10, fixture.knowledge.vectors().nearest(small.tenant(), space, VectorQuery.nearest(query, 10)).size());
    }

    @Test
    void a_large_tenant_uses_its_own_hnsw_index_with_high_recall() {
        ClusteredVectors.Tenant queries = VECTORS.tenant(2, 8);
        JsonNode plan = plan(large, queries.nextEmbedding());
        assertEquals(Set.of(EmbeddingPartitions.of(large.tenant())), relations(plan));
        assertTrue(indexNames(plan).contains(EmbeddingPartitions.of(large.tenant()) + "_hnsw"), plan.toString());

        double recall = 0;
        int rounds = 30;
        for (int i = 0; i < rounds; i++) {
            float[] query = queries.next();
            List<VectorMatch> found = fixture.knowledge.vectors().nearest(large.tenant(), space,
                    VectorQuery.nearest(Embedding.from(query), 10));
            assertEquals(10, found.size());
            Set<UUID> exact = new HashSet<>(largeVectors.entrySet().stream()
                    .sorted(Comparator.comparingDouble(entry -> ClusteredVectors.distance(query, entry.getValue())))
                    .limit(10).map(Map.Entry::getKey).toList());
            recall += found.stream().filter(match -> exact.contains(match.sourceId())).count() / 10.0;
        }
        assertTrue(recall / rounds >= 0.95, "recall@10 " + recall / rounds);
    }

    @Test
    void a_source_type_filter_still_fills_the_top_k_on_an_indexed_tenant() {
        List<VectorMatch> found = fixture.knowledge.vectors().nearest(large.tenant(), space,
                VectorQuery.nearest(VECTORS.tenant(2, 8).nextEmbedding(), 10).onlyOf("document"));
        assertEquals(10, found.size(), "iterative index scans keep going until the filter is satisfied");
        assertTrue(found.stream().allMatch(match -> match.sourceType().equals("document")));
    }

    /** Stores vectors whose source id identifies them; every tenth is a document chunk. */
    private static Map<UUID, float[]> store(Actor tenant, int count, long seed) {
        ClusteredVectors.Tenant generator = VECTORS.tenant(seed, 8);
        Map<UUID, float[]> stored = new java.util.HashMap<>();
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

    private static Set<String> relations(JsonNode plan) {
        return collect(plan, "Relation Name");
    }

    private static Set<String> nodeTypes(JsonNode plan) {
        return collect(plan, "Node Type");
    }

    private static Set<String> indexNames(JsonNode plan) {
        return collect(plan, "Index Name");
    }

    private static Set<String> collect(JsonNode node, String field) {
        Set<String> values = new HashSet<>();
        if (node.isObject() && node.has(field)) values.add(node.get(field).asText());
        node.forEach(child -> values.addAll(collect(child, field)));
        return values;
    }
}
