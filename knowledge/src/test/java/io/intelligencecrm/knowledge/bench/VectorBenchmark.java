package io.intelligencecrm.knowledge.bench;

import dev.langchain4j.data.embedding.Embedding;
import io.intelligencecrm.core.config.KnowledgeSettings;
import io.intelligencecrm.postgres.ClusterBootstrap;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.postgres.LocalPostgres;
import io.intelligencecrm.core.db.Migrations;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import io.intelligencecrm.knowledge.embedding.Embedder;
import io.intelligencecrm.knowledge.embedding.EmbeddingModels;
import io.intelligencecrm.knowledge.store.EmbeddingPartitions;
import io.intelligencecrm.knowledge.store.IndexedPartitions;
import io.intelligencecrm.knowledge.store.VectorChunk;
import io.intelligencecrm.knowledge.store.VectorIndexMaintenance;
import io.intelligencecrm.knowledge.store.VectorMatch;
import io.intelligencecrm.knowledge.store.VectorQuery;
import io.intelligencecrm.knowledge.store.VectorSearch;
import io.intelligencecrm.knowledge.store.VectorSpace;
import io.intelligencecrm.knowledge.store.VectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * {@code ./crm bench vectors [--scale F] [--noise isotropic]}: 1,000,000 384-dimension vectors
 * across 100 tenants of skewed sizes (3 of 100k-200k, 7 of 20k-40k, 90 of 1k-8k), clustered like
 * sentence embeddings ({@link ClusteredVectors}), written through the product's store, indexed the
 * product's way, then tenant-filtered top-10 queries per size class: latency of the product's
 * search, of the same query as raw JDBC SQL, and of an exact scan, recall@10 against the exact
 * scan, and the local intrinsic dimensionality of the data around the queries.
 */
public final class VectorBenchmark {
    private static final int DIMENSION = 384;
    private static final int BATCH = 1000;
    private static final int QUERIES_PER_CLASS = 300;
    private static final String MODEL = "bench-clustered";

    private record BenchTenant(TenantId id, int size, String sizeClass, ClusteredVectors.Tenant generator) {
    }

    private record Neighbour(UUID sourceId, double distance) {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        double scale = options.contains("--scale") ? Double.parseDouble(options.get(options.indexOf("--scale") + 1)) : 1.0;
        ClusteredVectors.Noise noise = options.contains("--noise")
                ? ClusteredVectors.Noise.valueOf(options.get(options.indexOf("--noise") + 1).toUpperCase(Locale.ROOT))
                : ClusteredVectors.Noise.REALISTIC;
        Path root = Files.createTempDirectory("crm-bench-vectors-");
        root.toFile().setExecutable(true, false);
        String bin = System.getenv().getOrDefault("CRM_POSTGRES_BIN", "/usr/lib/postgresql/15/bin");
        String osUser = System.getenv().getOrDefault("CRM_POSTGRES_OS_USER", "postgres");
        try (LocalPostgres cluster = LocalPostgres.start(root, Path.of(bin), osUser, true,
                "shared_buffers=4GB effective_cache_size=12GB work_mem=64MB max_parallel_maintenance_workers=2")) {
            ClusterBootstrap.prepare(cluster, "crm_bench", new ClusterBootstrap.Roles("crm_owner", "owner-bench", "crm_app", "app-bench"));
            DatabaseCoordinates coordinates = new DatabaseCoordinates(cluster.jdbcUrl("crm_bench"), "crm_owner",
                    "owner-bench", "crm_app", "app-bench");
            Migrations.apply(coordinates);
            try (Database database = new Database(coordinates, 4)) {
                run(database, coordinates, scale, noise);
            }
        }
    }

    private static void run(Database database, DatabaseCoordinates coordinates, double scale, ClusteredVectors.Noise noise)
            throws SQLException {
        KnowledgeSettings settings = KnowledgeSettings.defaults();
        VectorSpace space = new VectorSpace(MODEL, DIMENSION);
        embeddingThroughput(settings);

        ClusteredVectors vectors = new ClusteredVectors(DIMENSION, 400, 42, noise);
        System.out.printf(Locale.ROOT, "Vectors: clustered, %s noise%n", noise.name().toLowerCase(Locale.ROOT));
        List<BenchTenant> tenants = tenants(database, vectors, scale);
        long total = tenants.stream().mapToLong(BenchTenant::size).sum();
        System.out.printf(Locale.ROOT, "%nStoring %,d vectors for %d tenants through PgVectorEmbeddingStore...%n", total, tenants.size());
        long started = System.nanoTime();
        try (var writerPool = database.openAppPool("bench-writer", 2)) {
            VectorStore store = new VectorStore(writerPool, database.tenants());
            for (BenchTenant tenant : tenants) {
                for (int from = 0; from < tenant.size(); from += BATCH) {
                    int count = Math.min(BATCH, tenant.size() - from);
                    List<VectorChunk> chunks = new ArrayList<>(count);
                    List<Embedding> embeddings = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        chunks.add(new VectorChunk("interaction", UUID.randomUUID(), null, 0, null, "synthetic " + (from + i)));
                        embeddings.add(tenant.generator().nextEmbedding());
                    }
                    store.replace(tenant.id(), space, chunks, embeddings);
                }
            }
        }
        double ingestSeconds = seconds(started);
        System.out.printf(Locale.ROOT, "Ingest: %,d vectors in %.1f s = %,.0f vectors/s%n", total, ingestSeconds, total / ingestSeconds);

        IndexedPartitions indexedPartitions = new IndexedPartitions();
        VectorIndexMaintenance maintenance = new VectorIndexMaintenance(database.ownerJdbi(), indexedPartitions,
                settings.hnswThreshold(), settings.hnswM(), settings.hnswEfConstruction());
        started = System.nanoTime();
        maintenance.analyze();
        List<String> indexed = maintenance.run();
        System.out.printf(Locale.ROOT, "HNSW index build (m=%d, ef_construction=%d): %d partitions of >= %,d vectors in %.1f s%n",
                settings.hnswM(), settings.hnswEfConstruction(), indexed.size(), settings.hnswThreshold(), seconds(started));
        database.ownerJdbi().useHandle(handle -> handle.execute("vacuum analyze embeddings"));

        VectorSearch search = new VectorSearch(database.tenants(), indexedPartitions, settings.efSearch());
        try (Connection raw = DriverManager.getConnection(coordinates.url(), coordinates.appUser(), coordinates.appPassword())) {
            System.out.printf(Locale.ROOT, "%n%-7s %7s %11s %8s | %-17s | %-17s | %-17s | %-9s %-9s %-11s %s%n", "class",
                    "tenants", "vectors", "queries", "product p50/p99", "raw SQL p50/p99", "exact p50/p99",
                    "recall@10", "min", "full top-10", "LID");
            for (String sizeClass : List.of("large", "medium", "small")) {
                List<BenchTenant> members = tenants.stream().filter(t -> t.sizeClass().equals(sizeClass)).toList();
                if (!members.isEmpty()) measure(sizeClass, members, search, space, raw);
            }
        }
    }

    private static void measure(String sizeClass, List<BenchTenant> members, VectorSearch search, VectorSpace space,
                                Connection raw) throws SQLException {
        List<Double> product = new ArrayList<>();
        List<Double> rawSql = new ArrayList<>();
        List<Double> exact = new ArrayList<>();
        double recallSum = 0;
        double recallMin = 1;
        int full = 0;
        List<Double> intrinsicDimension = new ArrayList<>();
        SplittableRandom pick = new SplittableRandom(7);
        // Warm-up: one pass over every member so caches hold what a live server would.
        for (BenchTenant tenant : members) {
            for (int i = 0; i < 5; i++) search.nearest(tenant.id(), space, VectorQuery.nearest(tenant.generator().nextEmbedding(), 10));
        }
        for (int q = 0; q < QUERIES_PER_CLASS; q++) {
            BenchTenant tenant = members.get(pick.nextInt(members.size()));
            Embedding query = tenant.generator().nextEmbedding();
            long started = System.nanoTime();
            List<VectorMatch> found = search.nearest(tenant.id(), space, VectorQuery.nearest(query, 10));
            product.add(millis(started));
            started = System.nanoTime();
            rawTopTen(raw, tenant, query, KnowledgeSettings.defaults().efSearch());
            rawSql.add(millis(started));
            started = System.nanoTime();
            List<Neighbour> nearest = rawTopTen(raw, tenant, query, 0);
            exact.add(millis(started));
            Set<UUID> truth = new HashSet<>(nearest.stream().map(Neighbour::sourceId).toList());
            intrinsicDimension.add(localIntrinsicDimension(nearest));
            long hits = found.stream().filter(match -> truth.contains(match.sourceId())).count();
            double recall = hits / (double) Math.max(1, truth.size());
            recallSum += recall;
            recallMin = Math.min(recallMin, recall);
            if (found.size() == 10) full++;
        }
        long vectors = members.stream().mapToLong(BenchTenant::size).sum();
        System.out.printf(Locale.ROOT, "%-7s %7d %,11d %8d | %6.2f / %6.2f ms | %6.2f / %6.2f ms | %6.2f / %6.2f ms | %-9.3f %-9.2f %-11s %5.1f%n",
                sizeClass, members.size(), vectors, QUERIES_PER_CLASS, percentile(product, 50), percentile(product, 99),
                percentile(rawSql, 50), percentile(rawSql, 99), percentile(exact, 50), percentile(exact, 99),
                recallSum / QUERIES_PER_CLASS, recallMin, full + "/" + QUERIES_PER_CLASS, percentile(intrinsicDimension, 50));
    }

    /**
     * Maximum-likelihood local intrinsic dimensionality from a query's exact nearest neighbours
     * (Euclidean distance of unit vectors), the measure by which ClusteredVectors was matched to real
     * sentence embeddings: the higher, the more alike all neighbours look and the harder for an index.
     */
    private static double localIntrinsicDimension(List<Neighbour> nearest) {
        double farthest = Math.sqrt(2 * nearest.getLast().distance());
        double sum = 0;
        for (Neighbour neighbour : nearest) sum += Math.log(Math.max(1e-9, Math.sqrt(2 * neighbour.distance())) / farthest);
        return -nearest.size() / sum;
    }

    /**
     * The same top-10 in plain JDBC: with the tenant's index if it has one, searching as far as the
     * product does ({@code efSearch}), or an exact scan with indexes off ({@code efSearch} 0).
     */
    private static List<Neighbour> rawTopTen(Connection raw, BenchTenant tenant, Embedding query, int efSearch)
            throws SQLException {
        raw.setAutoCommit(false);
        try (PreparedStatement setup = raw.prepareStatement("""
                select set_config('app.tenant_id', ?, true), set_config('enable_indexscan', ?, true),
                       set_config('hnsw.ef_search', ?, true)""")) {
            setup.setString(1, tenant.id().value().toString());
            setup.setString(2, efSearch > 0 ? "on" : "off");
            setup.setString(3, Integer.toString(Math.max(efSearch, 1)));
            setup.execute();
        }
        List<Neighbour> nearest = new ArrayList<>(10);
        try (PreparedStatement select = raw.prepareStatement("select source_id, embedding <=> cast(? as vector) as distance from "
                + EmbeddingPartitions.of(tenant.id()) + " where tenant_id = ? order by distance limit 10")) {
            select.setString(1, Arrays.toString(query.vector()).replace(" ", ""));
            select.setObject(2, tenant.id().value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) nearest.add(new Neighbour(rows.getObject(1, UUID.class), rows.getDouble(2)));
            }
        }
        raw.commit();
        return nearest;
    }

    private static List<BenchTenant> tenants(Database database, ClusteredVectors vectors, double scale) {
        List<Integer> sizes = new ArrayList<>(List.of(200_000, 150_000, 100_000, 40_000, 35_000, 30_000, 25_000,
                25_000, 20_000, 20_000));
        SplittableRandom random = new SplittableRandom(11);
        int smallBudget = 355_000;
        List<Integer> small = new ArrayList<>();
        for (int i = 0; i < 90; i++) small.add(1_000 + random.nextInt(7_001));
        int drawn = small.stream().mapToInt(Integer::intValue).sum();
        for (int i = 0; i < small.size(); i++) small.set(i, Math.max(500, (int) Math.round(small.get(i) * (double) smallBudget / drawn)));
        sizes.addAll(small);
        TenantProvisioning provisioning = new TenantProvisioning(database.ownerJdbi());
        List<BenchTenant> tenants = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            int size = Math.max(50, (int) Math.round(sizes.get(i) * scale));
            var tenant = provisioning.create("bench-" + i, "Bench " + i, "bench-" + i + ".example");
            String sizeClass = sizes.get(i) >= 100_000 ? "large" : sizes.get(i) >= 20_000 ? "medium" : "small";
            tenants.add(new BenchTenant(new TenantId(tenant.id()), size, sizeClass, vectors.tenant(1000 + i, 12 + i % 20)));
        }
        return tenants;
    }

    /** The in-process model's own speed, single and batched, on short CRM-like sentences. */
    private static void embeddingThroughput(KnowledgeSettings settings) {
        Embedder embedder = EmbeddingModels.configured(settings);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            texts.add("Call with contact " + i + ": discussed pricing for " + (10 + i % 90)
                    + " seats, budget approval expected next quarter, follow up about the security review.");
        }
        embedder.embedAll(texts.subList(0, 64));
        long started = System.nanoTime();
        for (String text : texts.subList(0, 300)) embedder.embed(text);
        double single = 300 / seconds(started);
        started = System.nanoTime();
        embedder.embedAll(texts);
        double batched = texts.size() / seconds(started);
        System.out.printf(Locale.ROOT, "Embedding (all-MiniLM-L6-v2 q, in-process): %.0f texts/s one by one, %.0f texts/s batched%n",
                single, batched);
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static double millis(long started) {
        return (System.nanoTime() - started) / 1e6;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
