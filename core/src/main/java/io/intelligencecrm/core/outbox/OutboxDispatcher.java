package io.intelligencecrm.core.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.logging.LogContext;
import io.intelligencecrm.core.metrics.CrmMetrics;
import io.intelligencecrm.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.mapper.RowMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox messages to their handlers after the causing transaction committed. Claims are
 * leases: a node that dies mid-batch leaves rows that another poll picks up once the lease ends,
 * so nothing is lost (handlers are idempotent, so a redelivery does no harm). Each tenant is
 * handled on its own: one tenant's failure never blocks another's messages.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** How long a claimed message is this node's; handlers holding something for it (a send under way) use the same. */
    public static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final RowMapper<OutboxMessage> MAPPER = (rs, ctx) -> new OutboxMessage(
            new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getLong("id"), rs.getString("kind"),
            payload(rs.getString("payload")),
            rs.getString("idempotency_key"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant());

    private final Database database;
    private final Map<String, OutboxHandler> handlers = new LinkedHashMap<>();
    private final int maxAttempts;
    private final Duration pollInterval;
    private ScheduledExecutorService executor;

    public OutboxDispatcher(Database database, List<OutboxHandler> handlers, Duration pollInterval, int maxAttempts) {
        this.database = database;
        for (OutboxHandler handler : handlers) this.handlers.put(handler.kind(), handler);
        this.pollInterval = pollInterval;
        this.maxAttempts = maxAttempts;
    }

    /** The kinds of message this dispatcher delivers. */
    public Set<String> kinds() {
        return Set.copyOf(handlers.keySet());
    }

    public synchronized void start() {
        if (executor != null || handlers.isEmpty()) return;
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Outbox poll failed: {}", e.getMessage());
        }
    }

    /** One pass over every tenant with due messages; returns how many messages were handled. */
    public int runOnce() {
        String[] kinds = handlers.keySet().toArray(String[]::new);
        List<TenantId> tenants = database.jdbi().withHandle(handle -> handle
                .createQuery("select crm_outbox_due_tenants(:kinds)")
                .bind("kinds", kinds).mapTo(UUID.class).map(TenantId::new).list());
        int handled = 0;
        for (TenantId tenant : tenants) {
            for (OutboxHandler handler : handlers.values()) {
                try (var context = LogContext.job("outbox:" + handler.kind(), tenant)) {
                    handled += dispatch(tenant, handler);
                } catch (RuntimeException e) {
                    log.warn("Outbox {} for tenant {} failed: {}", handler.kind(), tenant, e.getMessage());
                }
            }
        }
        return handled;
    }

    /** Runs until nothing is due (tests and benchmarks use this to drain the queue). */
    public int drain() {
        int total = 0;
        int handled;
        do {
            handled = runOnce();
            total += handled;
        } while (handled > 0);
        return total;
    }

    private int dispatch(TenantId tenant, OutboxHandler handler) {
        List<OutboxMessage> batch = claim(tenant, handler);
        if (batch.isEmpty()) return 0;
        OutboxResult result;
        try {
            result = handler.handle(batch);
        } catch (Exception e) {
            Map<Long, String> all = new HashMap<>();
            for (OutboxMessage message : batch) all.put(message.id(), describe(e));
            result = new OutboxResult(all, Map.of());
            log.warn("Outbox handler {} failed a batch of {}: {}", handler.kind(), batch.size(), describe(e));
        }
        settle(tenant, batch, result);
        countOutcomes(handler.kind(), batch, result);
        log.debug("Outbox {} handled {} messages", handler.kind(), batch.size());
        return batch.size();
    }

    private List<OutboxMessage> claim(TenantId tenant, OutboxHandler handler) {
        return database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                        update outbox o
                           set status = 'processing', attempts = o.attempts + 1, available_at = now() + :lease
                         where (o.tenant_id, o.id) in (
                               select tenant_id, id from outbox
                                where kind = :kind and status in ('pending', 'processing') and available_at <= now()
                                order by id
                                limit :limit
                                for update skip locked)
                        returning o.tenant_id, o.id, o.kind, o.payload, o.idempotency_key, o.attempts, o.created_at""")
                .bind("lease", LEASE)
                .bind("kind", handler.kind())
                .bind("limit", handler.batchSize())
                .map(MAPPER).list());
    }

    /** Only rows still being processed are settled: one cancelled meanwhile (by an erasure) stays cancelled. */
    private void settle(TenantId tenant, List<OutboxMessage> batch, OutboxResult result) {
        List<Long> done = new ArrayList<>();
        for (OutboxMessage message : batch) {
            if (!result.retry().containsKey(message.id()) && !result.permanentFailures().containsKey(message.id())
                    && !result.deferred().containsKey(message.id())) {
                done.add(message.id());
            }
        }
        database.tenants().useTenant(tenant, handle -> {
            if (!done.isEmpty()) {
                handle.createUpdate("""
                                update outbox set status = 'done', processed_at = now(), last_error = null
                                 where id = any(:ids) and status = 'processing'""")
                        .bind("ids", done.toArray(Long[]::new)).execute();
            }
            result.deferred().forEach((id, until) -> handle.createUpdate("""
                            update outbox set status = 'pending', available_at = :until, attempts = greatest(attempts - 1, 0)
                             where id = :id and status = 'processing'""")
                    .bind("until", until).bind("id", id).execute());
            for (OutboxMessage message : batch) {
                String permanent = result.permanentFailures().get(message.id());
                String temporary = result.retry().get(message.id());
                if (permanent == null && temporary == null) continue;
                boolean giveUp = permanent != null || message.attempts() >= maxAttempts;
                handle.createUpdate("""
                                update outbox set status = :status, available_at = :availableAt, last_error = :error,
                                       processed_at = case when :status = 'failed' then now() end
                                 where id = :id and status = 'processing'""")
                        .bind("status", giveUp ? "failed" : "pending")
                        .bind("availableAt", Instant.now().plus(backoff(message.attempts())))
                        .bind("error", truncate(permanent != null ? permanent : temporary))
                        .bind("id", message.id())
                        .execute();
                if (giveUp) {
                    log.warn("Outbox {} #{} failed for good after {} attempts: {}", message.kind(), message.id(),
                            message.attempts(), permanent != null ? permanent : temporary);
                }
            }
        });
    }

    /** Counts each message by how it ended this time, as {@link #settle} decided. */
    private void countOutcomes(String kind, List<OutboxMessage> batch, OutboxResult result) {
        Map<String, Integer> outcomes = new HashMap<>();
        for (OutboxMessage message : batch) {
            String outcome;
            if (result.permanentFailures().containsKey(message.id())) outcome = "failed";
            else if (result.retry().containsKey(message.id())) outcome = message.attempts() >= maxAttempts ? "failed" : "retry";
            else if (result.deferred().containsKey(message.id())) outcome = "deferred";
            else outcome = "done";
            outcomes.merge(outcome, 1, Integer::sum);
        }
        outcomes.forEach((outcome, count) -> CrmMetrics.outboxHandled(kind, outcome, count));
    }

    private static Map<String, Object> payload(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox payload is not JSON", e);
        }
    }

    /** 2 s, 4 s, 8 s ... capped at an hour. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts, 1), 12);
        return Duration.ofSeconds(seconds).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    @Override
    public synchronized void close() {
        if (executor == null) return;
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }
}
