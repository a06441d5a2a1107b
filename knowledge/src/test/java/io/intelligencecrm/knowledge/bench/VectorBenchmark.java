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
import io.intelligencecrm.knowledge.store.ExactScanCost;
import io.intelligencecrm.knowledge.store.IndexThreshold;
import io.intelligencecrm.knowledge.store.IndexedPartitions;
import io.intelligencecrm.knowledge.store.VectorChunk;
import io.intelligencecrm.knowledge.store.VectorIndexMaintenance;
import io.intelligencecrm.knowledge.store.VectorMatch;
import io.intelligencecrm.knowledge.store.VectorQuery;
import io.intelligencecrm.knowledge.store.VectorSearch;
import io.intelligencecrm.knowledge.store.VectorSpace;
import io.intelligencecrm.knowledge.store.VectorStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * {@code ./crm bench vectors [--scale F] [--noise isotropic]}: 1,000,000 384-dimension vectors
 * across 100 tenants of skewed sizes (3 of 100k-200k, 7 of 20k-40k, 90 of 1k-8k), clustered like
 * sentence embeddings ({@link ClusteredVectors}), written through the product's store, indexed the
 * product's way (its measured threshold), then tenant-filtered top-10 queries per tenant size band
 * ({@link SizeBand}): latency of the product's search, of the same query as raw JDBC SQL
 * ({@link RawTopTen}) and of an exact scan, recall@10 against the exact scan, and the local
 * intrinsic dimensionality of the data around the queries.
 */
public final class VectorBenchmark {
    private static final int DIMENSION = 384;
    private static final int BATCH = 1000;
    private static final int QUERIES_PER_BAND = 300;
    private static final int WARM_UP_QUERIES = 3_000;
    /** Exact scans of larger tenants take long enough that their code needs no warming. */
    private static final int WARM_UP_EXACT_MAX = 5_000;
    private static final String MODEL = "bench-clustered";
    /** CPU of the querying thread: the client side's own cost, which machine load does not inflate. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private record BenchTenant(TenantId id, int size, ClusteredVectors.Tenant generator) {
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
        KnowledgeSettings settings = KnowledgeSettings.from(System.getenv());
        VectorSpace space = new VectorSpace(MODEL, DIMENSION);
        embeddingThroughput(settings);

        ClusteredVectors vectors = new ClusteredVectors(DIMENSION, 400, 42, noise);
        System.out.printf(Locale.ROOT, "Vectors: clustered, %s noise%n", noise.name().toLowerCase(Locale.ROOT));
        List<BenchTenant> tenants = tenants(database, vectors, scale);
        ingest(database, space, tenants);

        IndexedPartitions indexedPartitions = new IndexedPartitions(database.jdbi());
        VectorSearch search = new VectorSearch(database.tenants(), indexedPartitions, settings.efSearch());
        IndexThreshold threshold = settings.hnswThreshold().isPresent()
                ? new IndexThreshold.Fixed(settings.hnswThreshold().getAsInt())
                : new IndexThreshold.Measured(new ExactScanCost(database.tenants()), space, settings.exactScanBudgetMillis());
        VectorIndexMaintenance maintenance = new VectorIndexMaintenance(database.ownerJdbi(), indexedPartitions, threshold,
                settings.hnswM(), settings.hnswEfConstruction());
        long started = System.nanoTime();
        maintenance.analyze();
        VectorIndexMaintenance.Pass pass = maintenance.run();
        IndexThreshold.Decision decision = pass.threshold().orElseThrow();
        System.out.printf(Locale.ROOT, "Index threshold: %,d vectors (%s)%n", decision.vectors(),
                decision.millisPerVector().isPresent()
                        ? String.format(Locale.ROOT, "exact scan measured at %.3f µs per vector, budget %d ms",
                        decision.millisPerVector().getAsDouble() * 1000, settings.exactScanBudgetMillis())
                        : "fixed");
        System.out.printf(Locale.ROOT, "HNSW index build (m=%d, ef_construction=%d): %d partitions in %.1f s%n",
                settings.hnswM(), settings.hnswEfConstruction(), pass.indexed().size(), seconds(started));
        database.ownerJdbi().useHandle(handle -> handle.execute("vacuum analyze embeddings"));

        Set<String> indexed = Set.copyOf(pass.indexed());
        Map<SizeBand, List<BenchTenant>> bands = new TreeMap<>(Comparator.comparingLong(SizeBand::from));
        for (BenchTenant tenant : tenants) bands.computeIfAbsent(SizeBand.of(tenant.size()), band -> new ArrayList<>()).add(tenant);
        List<BandResult> results = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(coordinates.url(), coordinates.appUser(), coordinates.appPassword())) {
            RawTopTen raw = new RawTopTen(connection, MODEL, settings.efSearch());
            warmUp(tenants, indexed, search, space, raw);
            System.out.printf(Locale.ROOT, "%n%s%n", BandResult.header());
            bands.forEach((band, members) -> {
                BandResult result = measure(band, members, indexed, search, space, raw);
                System.out.println(result.row());
                results.add(result);
            });
        }
        System.out.printf(Locale.ROOT, "%nMarkdown:%n| band | tenants | product p50 / p99 ms | raw SQL p50 / p99 ms | overhead p50 / p99 ms"
                + " | client CPU per query, product / raw µs | exact scan p50 / p99 ms | recall@10 (min) | full top-10 |%n"
                + "|---|---|---|---|---|---|---|---|---|%n");
        results.forEach(result -> System.out.println(result.markdownRow()));
        long missed = results.stream().filter(result -> !result.meetsTargets()).count();
        System.out.printf(Locale.ROOT, "%nTargets (p50 <= %.0f ms, p99 <= %.0f ms, full top-10, recall@10 >= %.2f, p50 within %.0f ms of raw SQL): %s%n",
                BandResult.TARGET_P50_MS, BandResult.TARGET_P99_MS, BandResult.TARGET_RECALL, BandResult.TARGET_OVERHEAD_P50_MS,
                missed == 0 ? "met in every band" : "missed in " + missed + " of " + results.size() + " bands");
    }

    private static void ingest(Database database, VectorSpace space, List<BenchTenant> tenants) {
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
    }

    /**
     * Queries of random members of the band, each run three ways: the product's search and the raw
     * SQL (in alternating order, so neither always finds the caches warmed by the other), then an
     * exact scan for the truth.
     */
    private static BandResult measure(SizeBand band, List<BenchTenant> members, Set<String> indexed, VectorSearch search,
                                      VectorSpace space, RawTopTen raw) {
        int indexedMembers = (int) members.stream().filter(tenant -> indexed.contains(EmbeddingPartitions.of(tenant.id()))).count();
        BandResult result = new BandResult(band, members.size(), indexedMembers, members.stream().mapToLong(BenchTenant::size).sum());
        SplittableRandom pick = new SplittableRandom(7);
        try {
            // Warm-up: one pass over every member so caches hold what a live server would.
            for (BenchTenant tenant : members) {
                for (int i = 0; i < 5; i++) search.nearest(tenant.id(), space, VectorQuery.nearest(tenant.generator().nextEmbedding(), 10));
            }
            for (int q = 0; q < QUERIES_PER_BAND; q++) {
                BenchTenant tenant = members.get(pick.nextInt(members.size()));
                boolean hasIndex = indexed.contains(EmbeddingPartitions.of(tenant.id()));
                Embedding query = tenant.generator().nextEmbedding();
                double productMillis = 0;
                double rawMillis = 0;
                long productCpu = 0;
                long rawCpu = 0;
                List<VectorMatch> found = List.of();
                for (int side = 0; side < 2; side++) {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long started = System.nanoTime();
                    if ((side + q) % 2 == 0) {
                        found = search.nearest(tenant.id(), space, VectorQuery.nearest(query, 10));
                        productMillis = millis(started);
                        productCpu = THREADS.getCurrentThreadCpuTime() - cpu;
                    } else {
                        raw.search(tenant.id(), hasIndex, query);
                        rawMillis = millis(started);
                        rawCpu = THREADS.getCurrentThreadCpuTime() - cpu;
                    }
                }
                long started = System.nanoTime();
                List<RawTopTen.Neighbour> nearest = raw.exact(tenant.id(), query);
                double exactMillis = millis(started);
                Set<UUID> truth = new HashSet<>(nearest.stream().map(RawTopTen.Neighbour::sourceId).toList());
                long hits = found.stream().filter(match -> truth.contains(match.sourceId())).count();
                result.add(productMillis, rawMillis, exactMillis, hits / (double) Math.max(1, truth.size()), found.size() == 10,
                        localIntrinsicDimension(nearest));
                result.addClientCpu(productCpu / 1e3, rawCpu / 1e3);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The raw SQL side failed", e);
        }
        return result;
    }

    /** Both sides' code compiled by the JIT before anything is timed, so the first band measured is not the coldest. */
    private static void warmUp(List<BenchTenant> tenants, Set<String> indexed, VectorSearch search, VectorSpace space, RawTopTen raw)
            throws SQLException {
        SplittableRandom pick = new SplittableRandom(3);
        for (int i = 0; i < WARM_UP_QUERIES; i++) {
            BenchTenant tenant = tenants.get(pick.nextInt(tenants.size()));
            Embedding query = tenant.generator().nextEmbedding();
            search.nearest(tenant.id(), space, VectorQuery.nearest(query, 10));
            raw.search(tenant.id(), indexed.contains(EmbeddingPartitions.of(tenant.id())), query);
            if (tenant.size() <= WARM_UP_EXACT_MAX) raw.exact(tenant.id(), query);
        }
    }

    /**
     * Maximum-likelihood local intrinsic dimensionality from a query's exact nearest neighbours
     * (Euclidean distance of unit vectors), the measure by which ClusteredVectors was matched to real
     * sentence embeddings: the higher, the more alike all neighbours look and the harder for an index.
     */
    private static double localIntrinsicDimension(List<RawTopTen.Neighbour> nearest) {
        double farthest = Math.sqrt(2 * nearest.getLast().distance());
        double sum = 0;
        for (RawTopTen.Neighbour neighbour : nearest) sum += Math.log(Math.max(1e-9, Math.sqrt(2 * neighbour.distance())) / farthest);
        return -nearest.size() / sum;
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
            tenants.add(new BenchTenant(new TenantId(tenant.id()), size, vectors.tenant(1000 + i, 12 + i % 20)));
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

    private static double millis(long started) {
        return (System.nanoTime() - started) / 1e6;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
