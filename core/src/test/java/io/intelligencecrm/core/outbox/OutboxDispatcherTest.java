package io.intelligencecrm.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {
    private Database database;
    private TenantId tenantA;
    private TenantId tenantB;
    private Outbox outbox;

    @BeforeEach
    void setUp() {
        database = TestPostgres.get().openFreshDatabase(2);
        tenantA = TestTenants.create(database, "outbox-a").tenantId();
        tenantB = TestTenants.create(database, "outbox-b").tenantId();
        outbox = new Outbox(database.tenants());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private record Recording(String kind, List<OutboxMessage> seen, boolean explode) implements OutboxHandler {
        @Override
        public OutboxResult handle(List<OutboxMessage> batch) {
            seen.addAll(batch);
            if (explode) throw new IllegalStateException("mail server down");
            return OutboxResult.allDone();
        }
    }

    private String status(TenantId tenant, String key) {
        return database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select status from outbox where idempotency_key = :key").bind("key", key).mapTo(String.class).one());
    }

    @Test
    void delivers_each_tenants_messages_once_and_marks_them_done() {
        assertTrue(outbox.enqueue(tenantA, "test", Map.of("n", 1), "a-1"));
        assertFalse(outbox.enqueue(tenantA, "test", Map.of("n", 1), "a-1"));
        outbox.enqueue(tenantB, "test", Map.of("n", 2), "b-1");
        List<OutboxMessage> seen = new ArrayList<>();
        OutboxDispatcher dispatcher = new OutboxDispatcher(database, List.of(new Recording("test", seen, false)),
                Duration.ofSeconds(1), 5);
        assertEquals(2, dispatcher.drain());
        assertEquals(0, dispatcher.drain());
        assertEquals(2, seen.size());
        assertEquals(1, seen.stream().filter(m -> m.tenant().equals(tenantA)).count());
        assertEquals(1, ((Number) seen.stream().filter(m -> m.tenant().equals(tenantA)).findFirst().orElseThrow()
                .payload().get("n")).intValue(), "payload kept");
        assertEquals("done", status(tenantA, "a-1"));
        assertEquals("done", status(tenantB, "b-1"));
    }

    @Test
    void two_nodes_draining_at_once_deliver_every_message_exactly_once() throws Exception {
        for (int i = 0; i < 120; i++) outbox.enqueue(i % 2 == 0 ? tenantA : tenantB, "test", Map.of("n", i), "m-" + i);
        List<OutboxMessage> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Database otherNode = new Database(database.coordinates(), 2)) {
            var first = new OutboxDispatcher(database, List.of(new Recording("test", seen, false)), Duration.ofSeconds(1), 5);
            var second = new OutboxDispatcher(otherNode, List.of(new Recording("test", seen, false)), Duration.ofSeconds(1), 5);
            var draining = java.util.concurrent.CompletableFuture.supplyAsync(first::drain);
            int drained = second.drain() + draining.get();
            assertEquals(120, drained);
            assertEquals(120, seen.stream().map(m -> m.payload().get("n")).distinct().count(), "none twice, none lost");
            assertEquals(120, seen.size());
        }
    }

    @Test
    void a_failing_handler_is_retried_later_and_given_up_after_max_attempts() {
        outbox.enqueue(tenantA, "flaky", Map.of(), "f-1");
        List<OutboxMessage> seen = new ArrayList<>();
        OutboxDispatcher dispatcher = new OutboxDispatcher(database, List.of(new Recording("flaky", seen, true)),
                Duration.ofSeconds(1), 2);
        dispatcher.runOnce();
        assertEquals("pending", status(tenantA, "f-1"));
        assertEquals(0, dispatcher.runOnce(), "backoff: not due again at once");
        makeDue(tenantA);
        dispatcher.runOnce();
        assertEquals("failed", status(tenantA, "f-1"));
        assertEquals(2, seen.size());
    }

    @Test
    void a_claim_abandoned_by_a_crashed_node_is_delivered_after_its_lease() {
        outbox.enqueue(tenantA, "test", Map.of(), "c-1");
        database.tenants().useTenant(tenantA, handle -> handle.createUpdate(
                "update outbox set status = 'processing', attempts = 1, available_at = now() + interval '5 minutes'")
                .execute());
        List<OutboxMessage> seen = new ArrayList<>();
        OutboxDispatcher dispatcher = new OutboxDispatcher(database, List.of(new Recording("test", seen, false)),
                Duration.ofSeconds(1), 5);
        assertEquals(0, dispatcher.runOnce());
        makeDue(tenantA);
        assertEquals(1, dispatcher.runOnce());
        assertEquals("done", status(tenantA, "c-1"));
    }

    private void makeDue(TenantId tenant) {
        database.tenants().useTenant(tenant, handle -> handle.createUpdate(
                "update outbox set available_at = now() - interval '1 second'").execute());
    }
}
