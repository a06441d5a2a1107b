package io.intelligencecrm.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.knowledge.embedding.Embedder;
import io.intelligencecrm.knowledge.store.VectorSpace;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmbeddingSpaceTest {

    @Test
    void switching_the_embedding_model_re_embeds_everything_instead_of_mixing_spaces() {
        try (KnowledgeFixture fixture = new KnowledgeFixture()) {
            Actor actor = fixture.newTenantAdmin("switch");
            UUID jane = fixture.core.contacts().create(actor, Map.of("firstName", "Jane", "email", "jane@switch.example")).id();
            fixture.core.interactions().log(actor, Map.of("contactId", jane.toString(), "type", "call",
                    "content", "Discussed the renewal and a possible upgrade to the enterprise tier."));
            fixture.knowledge.space().adopt(fixture.knowledge.embedder().space());
            fixture.dispatcher.drain();
            String first = fixture.knowledge.embedder().space().model();
            assertEquals(Map.of(first, 2L), modelCounts(fixture, actor));

            VectorSpace renamed = new VectorSpace("minilm-renamed", 384);
            try (KnowledgeServices switched = KnowledgeServices.create(fixture.database, fixture.settings.knowledge(),
                    fixture.core.audit(), fixture.core.outbox(), new Embedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), renamed));
                 OutboxDispatcher dispatcher = new OutboxDispatcher(fixture.database, switched.outboxHandlers(),
                         Duration.ofMillis(50), 5)) {
                switched.space().adopt(renamed);
                dispatcher.drain();
                assertEquals(Map.of("minilm-renamed", 2L), modelCounts(fixture, actor), "every vector was re-embedded");
                assertFalse(switched.search().search(actor, "enterprise upgrade", Set.of("interaction"), 3).isEmpty());

                switched.space().adopt(renamed);
                assertEquals(0, dispatcher.drain(), "adopting the same space again queues nothing");
            }
        }
    }

    @Test
    void a_new_dimension_changes_the_column_and_drops_vectors_of_the_old_size() {
        try (KnowledgeFixture fixture = new KnowledgeFixture()) {
            Actor actor = fixture.newTenantAdmin("dimension");
            fixture.core.contacts().create(actor, Map.of("firstName", "Dora", "email", "dora@dimension.example"));
            fixture.knowledge.space().adopt(fixture.knowledge.embedder().space());
            fixture.dispatcher.drain();
            assertEquals(1L, modelCounts(fixture, actor).values().stream().mapToLong(Long::longValue).sum());

            fixture.knowledge.space().adopt(new VectorSpace("small-model", 64));
            assertEquals(Map.of(), modelCounts(fixture, actor));
            String type = fixture.database.ownerJdbi().withHandle(handle -> handle.createQuery("""
                    select format_type(atttypid, atttypmod) from pg_attribute
                     where attrelid = 'embeddings'::regclass and attname = 'embedding'""").mapTo(String.class).one());
            assertEquals("vector(64)", type);
        }
    }

    private static Map<String, Long> modelCounts(KnowledgeFixture fixture, Actor actor) {
        return fixture.database.tenants().inTenant(actor.tenant(), handle -> handle
                .createQuery("select model, count(*) as n from embeddings group by model")
                .reduceRows(new java.util.TreeMap<String, Long>(), (map, row) -> {
                    map.put(row.getColumn("model", String.class), row.getColumn("n", Long.class));
                    return map;
                }));
    }
}
