package io.intelligencecrm.webhooks;

import static io.intelligencecrm.webhooks.testing.WebhookFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.webhooks.delivery.DeliveryAttempt;
import io.intelligencecrm.webhooks.delivery.WebhookDelivery;
import io.intelligencecrm.webhooks.subscription.SubscriptionInput;
import io.intelligencecrm.webhooks.subscription.WebhookSubscription;
import io.intelligencecrm.webhooks.subscription.WebhookSubscriptions;
import io.intelligencecrm.webhooks.testing.Receiver;
import io.intelligencecrm.webhooks.testing.WebhookFixture;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries to real HTTP receivers on loopback that verify every signature. */
class WebhookDeliveryTest {
    private static final AtomicInteger TENANTS = new AtomicInteger();
    private static WebhookFixture fixture;

    private Receiver receiver;
    private Actor admin;

    @BeforeAll
    static void start() {
        fixture = new WebhookFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void tenant() {
        receiver = new Receiver();
        String label = "hooks" + TENANTS.incrementAndGet();
        admin = fixture.user(fixture.tenant(label), "admin@" + label + ".example", Role.ADMIN);
    }

    /** Nothing of this test is left to send while the next one runs. */
    @AfterEach
    void closeReceiver() {
        fixture.webhooks.subscriptions().list(admin).forEach(s -> fixture.webhooks.subscriptions().delete(admin, s.id()));
        receiver.close();
    }

    private WebhookSubscription subscribe(Receiver to, Actor as, String... events) {
        WebhookSubscriptions.Created created = fixture.webhooks.subscriptions().create(as,
                new SubscriptionInput(to.url("/hooks"), "test", List.of(events), null, null));
        to.secret(created.secret());
        assertTrue(created.secret().startsWith("whsec_"));
        return created.subscription();
    }

    private List<WebhookDelivery> log(WebhookSubscription subscription) {
        return fixture.webhooks.deliveries().list(admin, subscription.id(), null, null, 50);
    }

    @Test
    void a_signed_event_reaches_the_receiver_with_the_record() {
        WebhookSubscription subscription = subscribe(receiver, admin, "contact.created");
        Contact contact = fixture.contact(admin, "Ada", "ada@signed.example");

        await("one delivery", () -> receiver.received().size() == 1);
        Receiver.Received received = receiver.received().getFirst();
        assertTrue(received.signatureValid(), "webhook-signature verifies with the subscription's secret");
        assertEquals("contact.created", received.type());
        assertEquals(contact.id().toString(), received.body().at("/data/id").asText());
        assertEquals("ada@signed.example", received.body().at("/data/record/email").asText());
        assertTrue(Math.abs(received.timestamp() - System.currentTimeMillis() / 1000) < 60);

        await("delivered in the log", () -> log(subscription).getFirst().status().equals("delivered"));
        WebhookDelivery delivery = log(subscription).getFirst();
        assertEquals(received.id(), delivery.id().toString());
        assertEquals(200, delivery.responseStatus());
        assertNotNull(delivery.responseMillis());
        assertEquals(1, delivery.attempts());
    }

    @Test
    void a_receiver_that_fails_then_recovers_gets_the_event_again_with_the_same_id() {
        WebhookSubscription subscription = subscribe(receiver, admin, "contact.created");
        receiver.answer(500, 503);
        fixture.contact(admin, "Retry", "retry@recover.example");

        await("delivered after two failures", () -> !log(subscription).isEmpty()
                && log(subscription).getFirst().status().equals("delivered"));
        List<Receiver.Received> received = receiver.received();
        assertEquals(3, received.size());
        assertEquals(1, received.stream().map(Receiver.Received::id).distinct().count(), "one webhook-id for all retries");
        assertTrue(received.stream().allMatch(Receiver.Received::signatureValid));
        List<DeliveryAttempt> attempts = fixture.webhooks.deliveries().get(admin, subscription.id(),
                log(subscription).getFirst().id()).attempts();
        assertEquals(List.of(500, 503, 200), attempts.stream().map(DeliveryAttempt::responseStatus).toList());
        assertTrue(fixture.webhooks.subscriptions().get(admin, subscription.id()).active());
    }

    @Test
    void a_receiver_that_times_out_is_retried_for_the_window_then_the_subscription_is_flagged() {
        WebhookSubscription subscription = subscribe(receiver, admin, "contact.created");
        receiver.answer(Receiver.HANG, Receiver.HANG, Receiver.HANG, Receiver.HANG, Receiver.HANG, Receiver.HANG);
        fixture.contact(admin, "Slow", "slow@timeout.example");

        await("given up", () -> !log(subscription).isEmpty() && log(subscription).getFirst().status().equals("failed"));
        WebhookDelivery delivery = log(subscription).getFirst();
        assertNull(delivery.responseStatus(), "a timeout has no status");
        assertTrue(delivery.lastError().contains("no answer"), delivery.lastError());
        assertTrue(delivery.attempts() >= 2, "retried before giving up");
        WebhookSubscription flagged = fixture.webhooks.subscriptions().get(admin, subscription.id());
        assertFalse(flagged.active());
        assertNotNull(flagged.failingSince());

        int before = receiver.received().size();
        fixture.contact(admin, "Later", "later@timeout.example");
        sleep(1_000);
        assertEquals(before, receiver.received().size(), "a flagged subscription gets nothing more");

        receiver.answerNormally();
        WebhookSubscription enabled = fixture.webhooks.subscriptions().update(admin, subscription.id(),
                new SubscriptionInput(null, null, null, null, true));
        assertNull(enabled.failingSince());
        fixture.webhooks.deliveries().redeliver(admin, subscription.id(), delivery.id());
        await("redelivered", () -> fixture.webhooks.deliveries().get(admin, subscription.id(), delivery.id())
                .delivery().status().equals("delivered"));
        assertEquals(delivery.id().toString(), receiver.received().getLast().id());
    }

    @Test
    void events_of_one_record_arrive_in_order_while_an_earlier_one_is_retried() {
        subscribe(receiver, admin, "contact.created", "contact.updated");
        receiver.answer(500);
        Contact contact = fixture.contact(admin, "Order", "order@sequence.example");
        fixture.core.contacts().update(admin, contact.id(), Map.of("title", "CTO"));
        fixture.core.contacts().update(admin, contact.id(), Map.of("title", "CEO"));

        await("all three", () -> receiver.received().stream().filter(r -> r.path().equals("/hooks")).count() == 4);
        List<String> sequence = receiver.received().stream()
                .map(r -> r.type() + ":" + r.body().at("/data/changes/title/1").asText()).toList();
        assertEquals(List.of("contact.created:", "contact.created:", "contact.updated:CTO", "contact.updated:CEO"), sequence);
    }

    @Test
    void deal_stage_changes_scores_tasks_proposals_and_runs_are_announced() {
        WebhookSubscription subscription = subscribe(receiver, admin, "*");
        fixture.webhooks.subscriptions().update(admin, subscription.id(),
                new SubscriptionInput(null, null, null, BigDecimal.valueOf(60), null));
        Contact contact = fixture.contact(admin, "Deal", "deal@events.example");
        var deal = fixture.core.deals().create(admin, Map.of("name", "Big one", "contactId", contact.id().toString(),
                "amount", 1000));
        fixture.core.deals().update(admin, deal.id(), Map.of("stage", "won"));
        fixture.core.changes().publish(admin.tenant(), new RecordChange("contact", contact.id(), "scored",
                Map.of("score", List.of(40.0, 72.5)), null));
        fixture.core.changes().publish(admin.tenant(), new RecordChange("contact", contact.id(), "scored",
                Map.of("score", List.of(72.5, 75.0)), null));
        fixture.core.tasks().create(admin, "Send the contract", null, contact.id(), deal.id(), null, "user");
        UUID proposal = fixture.database.tenants().inTenant(admin.tenant(), handle -> handle.createQuery("""
                        insert into proposals (tenant_id, user_id, action, arguments, arguments_hash, summary, expires_at)
                        values (crm_current_tenant(), :user, 'send_email', '{}', 'x', 'Send it', now() + interval '1 hour')
                        returning id""").bind("user", admin.userId()).mapTo(UUID.class).one());
        fixture.database.tenants().useTenant(admin.tenant(), handle -> handle.createUpdate(
                "update proposals set status = 'rejected', decided_at = now() where id = :id").bind("id", proposal).execute());
        fixture.database.tenants().useTenant(admin.tenant(), handle -> {
            UUID run = handle.createQuery("""
                            with workflow as (insert into workflows (tenant_id, owner_id, name, definition)
                                              values (crm_current_tenant(), :user, 'Nurture', '{}') returning id)
                            insert into workflow_runs (tenant_id, workflow_id, workflow_version)
                            select crm_current_tenant(), id, 1 from workflow returning id""")
                    .bind("user", admin.userId()).mapTo(UUID.class).one();
            handle.createUpdate("update workflow_runs set status = 'succeeded', finished_at = now() where id = :id")
                    .bind("id", run).execute();
        });

        await(() -> "every event, got " + receiver.received().stream().map(Receiver.Received::type).toList(),
                () -> receiver.received().size() >= 9);
        List<String> types = receiver.received().stream().map(Receiver.Received::type).toList();
        assertTrue(types.containsAll(List.of("contact.created", "deal.created", "deal.updated", "deal.stage_changed",
                "deal.won", "contact.score_crossed", "task.created", "proposal.decided", "workflow_run.finished")),
                types.toString());
        assertEquals(1, types.stream().filter("contact.score_crossed"::equals).count(), "72.5 to 75 crosses nothing");
        Receiver.Received crossing = receiver.received().stream().filter(r -> r.type().equals("contact.score_crossed"))
                .findFirst().orElseThrow();
        assertEquals("up", crossing.body().at("/data/score/direction").asText());
        assertEquals(60.0, crossing.body().at("/data/score/threshold").asDouble());
        Receiver.Received decided = receiver.received().stream().filter(r -> r.type().equals("proposal.decided"))
                .findFirst().orElseThrow();
        assertEquals("rejected", decided.body().at("/data/record/status").asText());
        assertTrue(decided.body().at("/data/record/summary").isMissingNode(), "proposal texts name people; never sent");
        Receiver.Received finished = receiver.received().stream().filter(r -> r.type().equals("workflow_run.finished"))
                .findFirst().orElseThrow();
        assertEquals("Nurture", finished.body().at("/data/record/workflowName").asText());
        assertEquals("succeeded", finished.body().at("/data/record/status").asText());
    }

    @Test
    void payloads_never_cross_tenants() {
        TenantId otherTenant = fixture.tenant("hooksother" + TENANTS.incrementAndGet());
        Actor otherAdmin = fixture.user(otherTenant, "admin@other-hooks.example", Role.ADMIN);
        try (Receiver other = new Receiver()) {
            subscribe(receiver, admin, "contact.created");
            WebhookSubscription theirs = subscribe(other, otherAdmin, "contact.created");
            fixture.contact(otherAdmin, "Theirs", "theirs@other.example");
            fixture.contact(admin, "Ours", "ours@mine.example");

            await("both delivered", () -> receiver.received().size() == 1 && other.received().size() == 1);
            assertEquals("ours@mine.example", receiver.received().getFirst().body().at("/data/record/email").asText());
            assertEquals("theirs@other.example", other.received().getFirst().body().at("/data/record/email").asText());
            assertTrue(fixture.webhooks.subscriptions().list(admin).stream().noneMatch(s -> s.id().equals(theirs.id())));
        }
    }

    @Test
    void redirects_are_not_followed() {
        WebhookSubscription subscription = subscribe(receiver, admin, "contact.created");
        receiver.answer(302);
        fixture.contact(admin, "Moved", "moved@redirect.example");

        await("second attempt", () -> receiver.received().size() >= 2);
        assertTrue(receiver.received().stream().allMatch(r -> r.path().equals("/hooks")), "never went to /elsewhere");
        DeliveryAttempt first = fixture.webhooks.deliveries().get(admin, subscription.id(),
                log(subscription).getFirst().id()).attempts().getFirst();
        assertEquals(302, first.responseStatus());
        assertTrue(first.error().contains("redirects are not followed"));
    }

    @Test
    void erasing_a_person_redacts_their_deliveries_and_queues_nothing_more() {
        WebhookSubscription subscription = subscribe(receiver, admin, "contact.created", "contact.updated",
                "interaction.created");
        Contact contact = fixture.contact(admin, "Erin", "erin.erased@privacy.example");
        await("created delivered", () -> receiver.received().size() == 1);
        receiver.answer(500, 500, 500, 500, 500, 500, 500, 500);
        fixture.core.contacts().update(admin, contact.id(), Map.of("phone", "+44 20 7946 0958"));
        await("update failing", () -> receiver.received().size() >= 2);

        fixture.core.contacts().erase(admin, contact.id());
        int afterErasure = receiver.received().size();
        sleep(1_500);

        assertEquals(afterErasure, receiver.received().size(), "nothing about the person is sent after erasure");
        List<WebhookDelivery> deliveries = log(subscription);
        assertEquals(2, deliveries.size());
        assertTrue(deliveries.stream().anyMatch(d -> d.status().equals("cancelled")));
        for (WebhookDelivery delivery : deliveries) {
            assertEquals(Boolean.TRUE, fixture.webhooks.deliveries().get(admin, subscription.id(), delivery.id())
                    .payload().get("redacted"));
        }
        long copies = fixture.database.tenants().inTenant(admin.tenant(), handle -> handle.createQuery("""
                        select (select count(*) from webhook_deliveries where payload::text like '%erin.erased%')
                             + (select count(*) from webhook_attempts where coalesce(error, '') like '%erin.erased%')
                             + (select count(*) from outbox where payload::text like '%erin.erased%')""")
                .mapTo(Long.class).one());
        assertEquals(0, copies);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
