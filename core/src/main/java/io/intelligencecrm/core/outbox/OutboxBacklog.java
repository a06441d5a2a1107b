package io.intelligencecrm.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far behind the dispatchers are, per kind of message and across tenants (counts and times
 * only). Read by monitoring: one query serves every kind, and its answer is reused for a few
 * seconds so several gauges read in one scrape cost one query. Thread-safe.
 */
public final class OutboxBacklog {
    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);
    private static final Duration REUSE = Duration.ofSeconds(5);

    /** @param due waiting for a dispatcher now; @param scheduled waiting for a later time on purpose */
    public record Kind(long due, long scheduled, Instant oldestDueAt) {
        static final Kind EMPTY = new Kind(0, 0, null);
    }

    /** @param kinds null when the database could not be read */
    private record Snapshot(Map<String, Kind> kinds, Instant readAt) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile Snapshot last;

    public OutboxBacklog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The backlog of one kind; empty when nothing waits, null when the database cannot be read. */
    public Kind of(String kind) {
        Map<String, Kind> kinds = current().kinds();
        return kinds == null ? null : kinds.getOrDefault(kind, Kind.EMPTY);
    }

    /** Seconds the oldest due message of the kind has waited; 0 when none is due, NaN when unknown. */
    public double oldestDueAgeSeconds(String kind) {
        Kind backlog = of(kind);
        if (backlog == null) return Double.NaN;
        if (backlog.oldestDueAt() == null) return 0;
        return Math.max(0, Duration.between(backlog.oldestDueAt(), clock.instant()).toMillis() / 1000.0);
    }

    private Snapshot current() {
        Snapshot snapshot = last;
        Instant now = clock.instant();
        if (snapshot != null && snapshot.readAt().plus(REUSE).isAfter(now)) return snapshot;
        synchronized (this) {
            if (last != null && last.readAt().plus(REUSE).isAfter(now)) return last;
            Map<String, Kind> kinds;
            try {
                kinds = read();
            } catch (RuntimeException e) {
                log.warn("Could not read the outbox backlog: {}", e.getMessage());
                kinds = null;
            }
            last = new Snapshot(kinds, now);
            return last;
        }
    }

    private Map<String, Kind> read() {
        return jdbi.withHandle(handle -> {
            Map<String, Kind> kinds = new HashMap<>();
            handle.createQuery("select kind, due, scheduled, oldest_due_at from crm_outbox_backlog()")
                    .map((rs, ctx) -> kinds.put(rs.getString("kind"), new Kind(rs.getLong("due"), rs.getLong("scheduled"),
                            rs.getTimestamp("oldest_due_at") == null ? null : rs.getTimestamp("oldest_due_at").toInstant())))
                    .list();
            return kinds;
        });
    }
}
