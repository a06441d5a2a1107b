package io.intelligencecrm.knowledge.store;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Which tenant partitions have their HNSW index, read from the catalog at most every 30 seconds
 * instead of on every search, where the lookup cost about as much as the search itself. Read on a
 * connection of its own, so a search knows its settings before its transaction starts. A stale
 * answer only costs speed, never rows: the planner may pass over an index built on another node
 * until the next read.
 */
public final class IndexedPartitions {
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private record Snapshot(Set<String> partitions, long readAt) {
    }

    private final Jdbi jdbi;
    private volatile Snapshot snapshot;

    public IndexedPartitions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Whether the partition has a valid HNSW index, re-reading the catalog when the last read is old. */
    public boolean contains(String partition) {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAt() > MAX_AGE_NANOS) {
            current = new Snapshot(jdbi.withHandle(IndexedPartitions::read), System.nanoTime());
            snapshot = current;
        }
        return current.partitions().contains(partition);
    }

    /** Forgets what was read, after this node built an index. */
    public void invalidate() {
        snapshot = null;
    }

    private static Set<String> read(Handle handle) {
        return Set.copyOf(handle.createQuery("""
                        select c.relname
                          from pg_inherits i
                          join pg_class c on c.oid = i.inhrelid
                          join pg_index x on x.indrelid = c.oid and x.indisvalid
                          join pg_class ic on ic.oid = x.indexrelid and ic.relname = c.relname || '_hnsw'
                         where i.inhparent = 'embeddings'::regclass""")
                .mapTo(String.class).list());
    }
}
