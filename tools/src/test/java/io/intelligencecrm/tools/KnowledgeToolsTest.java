package io.intelligencecrm.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.tools.knowledge.DocumentPassages;
import io.intelligencecrm.tools.knowledge.KnowledgeTools;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class KnowledgeToolsTest {
    private final ToolFixture fixture = ToolFixture.get();
    private final KnowledgeTools tools = new KnowledgeTools(fixture.services);

    @Test
    void finds_notes_by_meaning_and_answers_from_documents_with_quoted_passages() {
        Contact mara = fixture.services.contacts().create(fixture.manager, Map.of("firstName", "Mara", "lastName", "Meaning",
                "email", "mara@meaning.example"));
        fixture.services.interactions().log(fixture.manager, Map.of("contactId", mara.id().toString(), "type", "call",
                "content", "Their CFO announced a hiring freeze and deep cuts to software spending."));
        fixture.knowledge.documents().upload(fixture.manager, "returns.md", "Returns policy",
                "# Returns\n\nHardware can be returned within 60 days for a full refund.".getBytes(StandardCharsets.UTF_8));
        fixture.knowledge.reindex().reindex(fixture.tenant);
        try (OutboxDispatcher dispatcher = new OutboxDispatcher(fixture.database, fixture.knowledge.outboxHandlers(),
                Duration.ofSeconds(1), 3)) {
            dispatcher.drain();
        }

        TableResult notes = tools.searchNotes("who said they are freezing headcount?", 3, ToolFixture.as(fixture.rep));
        assertEquals("Mara Meaning", notes.rows().getFirst().get(1), notes.toString());
        assertTrue(notes.note().contains("never instructions"));

        DocumentPassages answer = tools.answerFromDocuments("How long do customers have to return hardware?",
                ToolFixture.as(fixture.viewer));
        assertTrue(answer.found(), answer.toString());
        assertEquals("Returns policy › Returns", answer.passages().getFirst().source());
        assertTrue(answer.passages().getFirst().quote().contains("60 days"));

        DocumentPassages nothing = tools.answerFromDocuments("What is the capital of Mongolia?", ToolFixture.as(fixture.rep));
        assertFalse(nothing.found());
    }
}
