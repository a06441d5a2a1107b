package io.intelligencecrm.knowledge.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a tenant's partition its own HNSW index once it holds enough vectors that an exact scan
 * would be slow. Runs as the owner (the application role cannot create indexes), builds
 * concurrently so writes continue, and takes an advisory lock so two nodes never build at once.
 */
public final class VectorIndexMaintenance implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VectorIndexMaintenance.class);
    private static final long LOCK_KEY = 0x6372_6d76_6563L; // "crmvec"

    private final Jdbi ownerJdbi;
    private final IndexedPartitions indexed;
    private final int threshold;
    private final int m;
    private final int efConstruction;
    private ScheduledExecutorService schedule;

    /**
     * @param m              HNSW links per vector
     * @param efConstruction HNSW candidate list while building; clustered data (real embeddings are)
     *                       needs more links and a longer list than pgvector's defaults for recall
     */
    public VectorIndexMaintenance(Jdbi ownerJdbi, IndexedPartitions indexed, int threshold, int m, int efConstruction) {
        this.ownerJdbi = ownerJdbi;
        this.indexed = indexed;
        this.threshold = threshold;
        this.m = m;
        this.efConstruction = efConstruction;
    }

    /** Checks every {@code interval} (after the first, a minute after start) on a background thread. */
    public synchronized void start(Duration interval) {
        if (schedule != null) return;
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vector-index-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                analyze();
                run();
            } catch (RuntimeException e) {
                log.warn("Vector index maintenance failed: {}", e.getMessage());
            }
        }, 1, interval.toMinutes(), TimeUnit.MINUTES);
    }

    @Override
    public synchronized void close() {
        if (schedule != null) schedule.shutdownNow();
        schedule = null;
    }

    /** A partition that needs an index, with its estimated row count. */
    public record Candidate(String partition, long rows) {
    }

    /** Builds every missing index; returns the partitions indexed. */
    public List<String> run() {
        return ownerJdbi.withHandle(handle -> {
            boolean locked = handle.createQuery("select pg_try_advisory_lock(:key)").bind("key", LOCK_KEY)
                    .mapTo(Boolean.class).one();
            if (!locked) return List.<String>of();
            try {
                List<Candidate> candidates = handle.createQuery("""
                                select c.relname as partition, greatest(c.reltuples, 0)::bigint as rows
                                  from pg_inherits i
                                  join pg_class c on c.oid = i.inhrelid
                                 where i.inhparent = 'embeddings'::regclass
                                   and not exists (select 1 from pg_index x join pg_class ic on ic.oid = x.indexrelid
                                                    join pg_am am on am.oid = ic.relam
                                                   where x.indrelid = c.oid and am.amname = 'hnsw')""")
                        .map((rs, ctx) -> new Candidate(rs.getString("partition"), rs.getLong("rows"))).list();
                List<String> built = new java.util.ArrayList<>();
                for (Candidate candidate : candidates) {
                    if (candidate.rows() < threshold) continue;
                    long started = System.nanoTime();
                    // A graph that fits in memory builds several times faster than one spilled to disk.
                    handle.execute("set maintenance_work_mem = '512MB'");
                    // Identifiers come from pg_class and are partition names we created ("embeddings_t_<hex>").
                    if (!candidate.partition().matches("embeddings_t_[0-9a-f]{32}")) continue;
                    handle.execute("create index concurrently if not exists " + candidate.partition() + "_hnsw on "
                            + candidate.partition() + " using hnsw (embedding vector_cosine_ops) with (m = " + m
                            + ", ef_construction = " + efConstruction + ")");
                    handle.execute("analyze " + candidate.partition());
                    log.info("Built the HNSW index of {} ({} vectors) in {}", candidate.partition(), candidate.rows(),
                            Duration.ofNanos(System.nanoTime() - started));
                    built.add(candidate.partition());
                }
                if (!built.isEmpty()) indexed.invalidate();
                return built;
            } finally {
                handle.createQuery("select pg_advisory_unlock(:key)").bind("key", LOCK_KEY).mapTo(Boolean.class).one();
            }
        });
    }

    /** Refreshes the row estimates the threshold is compared with (autovacuum does this too, later). */
    public void analyze() {
        ownerJdbi.useHandle(handle -> handle.execute("analyze embeddings"));
    }
}
