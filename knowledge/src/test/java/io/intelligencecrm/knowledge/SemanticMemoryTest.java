package io.intelligencecrm.knowledge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.Interaction;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.knowledge.search.SearchHit;
import io.intelligencecrm.knowledge.store.EmbeddingPartitions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SemanticMemoryTest {
    private static KnowledgeFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new KnowledgeFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void a_new_note_is_searchable_within_seconds_and_the_write_does_not_wait_for_it() throws Exception {
        Actor actor = fixture.newTenantAdmin("memory");
        Contact jane = contact(actor, "Jane", "Doe", "jane@acme.example");
        Interaction note = note(actor, jane, "She warned that budget cuts next quarter could freeze the purchase.");
        assertEquals(0, vectorsOf(actor, note.id()), "the write returned before anything was embedded");

        List<SearchHit> hits = List.of();
        // A background dispatcher of its own, as the server runs one; the other tests drain theirs.
        try (OutboxDispatcher background = new OutboxDispatcher(fixture.database, fixture.knowledge.outboxHandlers(),
                Duration.ofMillis(50), 5)) {
            background.start();
            hits = await("the note became searchable").atMost(Duration.ofSeconds(10))
                    .until(() -> fixture.knowledge.search().search(actor, "who mentioned spending reductions?",
                            Set.of("interaction"), 5), found -> !found.isEmpty());
        }
        assertFalse(hits.isEmpty(), "the note became searchable");
        assertEquals(note.id(), hits.getFirst().id());
        assertEquals("Jane Doe", hits.getFirst().contactName());
    }

    @Test
    void another_tenant_never_sees_the_vectors_even_with_a_hostile_query() {
        Actor owner = fixture.newTenantAdmin("victim");
        Actor other = fixture.newTenantAdmin("attacker");
        Contact secret = contact(owner, "Sven", "Secret", "sven@victim.example");
        note(owner, secret, "Confidential: the merger with Globex closes on Friday.");
        contact(other, "Olga", "Other", "olga@attacker.example");
        fixture.dispatcher.drain();
        assertFalse(fixture.knowledge.search().search(owner, "merger with Globex", Set.of(), 5).isEmpty());

        for (String hostile : List.of("merger with Globex", "' or 1=1 --", "Globex'); select * from embeddings; --",
                EmbeddingPartitions.of(owner.tenant()))) {
            List<SearchHit> seen = fixture.knowledge.search().search(other, hostile, Set.of(), 20);
            assertTrue(seen.stream().noneMatch(hit -> hit.title().contains("Sven") || hit.snippet().contains("Globex")),
                    "tenant B saw tenant A's data for " + hostile + ": " + seen);
        }
        long visible = fixture.database.tenants().inTenant(other.tenant(), handle -> handle
                .createQuery("select count(*) from " + EmbeddingPartitions.of(owner.tenant())).mapTo(Long.class).one());
        assertEquals(0, visible, "row-level security hides the other tenant's partition");
    }

    @Test
    void soft_delete_hides_vectors_at_once_and_erasure_removes_them() {
        Actor actor = fixture.newTenantAdmin("forget");
        Contact gone = contact(actor, "Gina", "Gone", "gina@forget.example");
        Interaction note = note(actor, gone, "Asked about the enterprise onboarding package.");
        fixture.dispatcher.drain();
        assertTrue(vectorsOf(actor, note.id()) > 0);

        fixture.core.contacts().delete(actor, gone.id());
        assertEquals(0, vectorsOf(actor, note.id()), "deleting the contact dropped its interaction's vectors");
        assertEquals(0, vectorsOf(actor, gone.id()));

        fixture.core.contacts().restore(actor, gone.id());
        fixture.dispatcher.drain();
        assertTrue(vectorsOf(actor, note.id()) > 0, "restoring re-embedded the contact's history");

        fixture.core.contacts().erase(actor, gone.id());
        long left = fixture.database.tenants().inTenant(actor.tenant(), handle -> handle
                .createQuery("select count(*) from embeddings where contact_id = :id or source_id = :id")
                .bind("id", gone.id()).mapTo(Long.class).one());
        assertEquals(0, left, "erasure removed every vector about the contact");
    }

    @Test
    void finds_contacts_similar_to_a_contact() {
        Actor actor = fixture.newTenantAdmin("similar");
        Contact jane = contact(actor, "Jane", "Doe", "jane@bank.example", Map.of("title", "Head of Payments", "source", "fintech webinar"));
        Contact like = contact(actor, "Lars", "Like", "lars@bank2.example", Map.of("title", "Director of Payments", "source", "fintech webinar"));
        contact(actor, "Bob", "Baker", "bob@bakery.example", Map.of("title", "Pastry chef", "source", "walk-in"));
        fixture.dispatcher.drain();

        List<SearchHit> similar = fixture.knowledge.search().similarContacts(actor, jane.id(), 2);
        assertEquals(like.id(), similar.getFirst().id());
        assertTrue(similar.stream().noneMatch(hit -> hit.id().equals(jane.id())));
    }

    private static Contact contact(Actor actor, String first, String last, String email) {
        return contact(actor, first, last, email, Map.of());
    }

    private static Contact contact(Actor actor, String first, String last, String email, Map<String, Object> more) {
        Map<String, Object> fields = new java.util.HashMap<>(more);
        fields.putAll(Map.of("firstName", first, "lastName", last, "email", email));
        return fixture.core.contacts().create(actor, fields);
    }

    private static Interaction note(Actor actor, Contact contact, String content) {
        return fixture.core.interactions().log(actor, Map.of("contactId", contact.id().toString(), "type", "note",
                "content", content));
    }

    private static long vectorsOf(Actor actor, UUID sourceId) {
        return fixture.database.tenants().inTenant(actor.tenant(), handle -> handle
                .createQuery("select count(*) from embeddings where source_id = :id").bind("id", sourceId)
                .mapTo(Long.class).one());
    }
}
