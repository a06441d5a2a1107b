package io.intelligencecrm.knowledge.store;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * What a search needs to know about a tenant's partition (has it its HNSW index, about how many
 * vectors) read from the catalog at most every 30 seconds instead of on every query, where the
 * catalog lookup cost as much as the search itself. A stale answer only costs speed, never rows:
 * an index built on another node is used with the default plan settings until the next refresh.
 */
public final class PartitionProfiles {
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(30);

    public record Profile(boolean indexed, long rows) {
        static final Profile EMPTY = new Profile(false, 0);
    }

    private record Snapshot(Map<String, Profile> partitions, long readAt) {
    }

    private volatile Snapshot snapshot;

    /** The partition's profile, re-reading the catalog through this handle when the last read is old. */
    public Profile of(Handle handle, String partition) {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAt() > MAX_AGE_NANOS) {
            current = new Snapshot(read(handle), System.nanoTime());
            snapshot = current;
        }
        return current.partitions().getOrDefault(partition, Profile.EMPTY);
    }

    /** Forgets what was read, after this node built an index. */
    public void invalidate() {
        snapshot = null;
    }

    private static Map<String, Profile> read(Handle handle) {
        return handle.createQuery("""
                        select c.relname as partition, greatest(c.reltuples, 0)::bigint as rows,
                               exists (select 1 from pg_index x join pg_class ic on ic.oid = x.indexrelid
                                        where x.indrelid = c.oid and x.indisvalid and ic.relname = c.relname || '_hnsw') as indexed
                          from pg_inherits i
                          join pg_class c on c.oid = i.inhrelid
                         where i.inhparent = 'embeddings'::regclass""")
                .map((rs, ctx) -> Map.entry(rs.getString("partition"), new Profile(rs.getBoolean("indexed"), rs.getLong("rows"))))
                .stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
