package io.intelligencecrm.knowledge.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a tenant's partition its own HNSW index once it holds enough vectors that an exact scan
 * would be slow ({@link IndexThreshold}). Runs as the owner (the application role cannot create
 * indexes), builds concurrently so writes continue, largest tenant first, and takes an advisory
 * lock so two nodes never build at once (a pass that finds the lock taken does nothing).
 */
public final class VectorIndexMaintenance {
    private static final Logger log = LoggerFactory.getLogger(VectorIndexMaintenance.class);
    private static final long LOCK_KEY = 0x6372_6d76_6563L; // "crmvec"

    private final Jdbi ownerJdbi;
    private final IndexedPartitions indexed;
    private final IndexThreshold threshold;
    private final int m;
    private final int efConstruction;

    /**
     * @param m              HNSW links per vector
     * @param efConstruction HNSW candidate list while building; clustered data (real embeddings are)
     *                       needs more links and a longer list than pgvector's defaults for recall
     */
    public VectorIndexMaintenance(Jdbi ownerJdbi, IndexedPartitions indexed, IndexThreshold threshold, int m, int efConstruction) {
        this.ownerJdbi = ownerJdbi;
        this.indexed = indexed;
        this.threshold = threshold;
        this.m = m;
        this.efConstruction = efConstruction;
    }

    /**
     * One periodic pass (refresh the estimates, build what is missing), run once per cluster by the
     * scheduler; a failure is logged and the next pass tries again.
     */
    public void pass() {
        try {
            analyze();
            run();
        } catch (RuntimeException e) {
            log.warn("Vector index maintenance failed: {}", e.getMessage());
        }
    }

    /** A partition without an index, with its estimated row count. */
    private record Candidate(String partition, long rows) {
    }

    /**
     * One pass: the threshold it applied (none when another node holds the lock or no tenant is
     * scanned exactly) and the partitions it indexed.
     */
    public record Pass(Optional<IndexThreshold.Decision> threshold, List<String> indexed) {
    }

    /** Builds every missing index. */
    public Pass run() {
        return ownerJdbi.withHandle(handle -> {
            boolean locked = handle.createQuery("select pg_try_advisory_lock(:key)").bind("key", LOCK_KEY)
                    .mapTo(Boolean.class).one();
            if (!locked) return new Pass(Optional.empty(), List.of());
            try {
                List<Candidate> candidates = handle.createQuery("""
                                select c.relname as partition, greatest(c.reltuples, 0)::bigint as rows
                                  from pg_inherits i
                                  join pg_class c on c.oid = i.inhrelid
                                 where i.inhparent = 'embeddings'::regclass
                                   and c.relname ~ '^embeddings_t_[0-9a-f]{32}$'
                                   and not exists (select 1 from pg_index x join pg_class ic on ic.oid = x.indexrelid
                                                    join pg_am am on am.oid = ic.relam
                                                   where x.indrelid = c.oid and am.amname = 'hnsw')
                                 order by c.reltuples desc""")
                        .map((rs, ctx) -> new Candidate(rs.getString("partition"), rs.getLong("rows"))).list();
                if (candidates.isEmpty()) return new Pass(Optional.empty(), List.of());
                Candidate largest = candidates.getFirst();
                IndexThreshold.Decision decision = threshold.decide(EmbeddingPartitions.tenantOf(largest.partition()), largest.rows());
                List<String> built = new ArrayList<>();
                for (Candidate candidate : candidates) {
                    if (candidate.rows() < decision.vectors()) break;
                    long started = System.nanoTime();
                    // Rebuilt from the tenant's id, the identifier is safe to put in SQL.
                    String partition = EmbeddingPartitions.of(EmbeddingPartitions.tenantOf(candidate.partition()));
                    // A graph that fits in memory builds several times faster than one spilled to disk.
                    handle.execute("set maintenance_work_mem = '512MB'");
                    handle.execute("create index concurrently if not exists " + partition + "_hnsw on "
                            + partition + " using hnsw (embedding vector_cosine_ops) with (m = " + m
                            + ", ef_construction = " + efConstruction + ")");
                    handle.execute("analyze " + partition);
                    log.info("Built the HNSW index of {} ({} vectors, threshold {}) in {}", partition, candidate.rows(),
                            decision.vectors(), Duration.ofNanos(System.nanoTime() - started));
                    built.add(partition);
                    indexed.invalidate();
                }
                return new Pass(Optional.of(decision), built);
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
