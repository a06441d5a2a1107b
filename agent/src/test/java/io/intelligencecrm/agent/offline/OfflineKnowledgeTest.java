package io.intelligencecrm.agent.offline;

import static io.intelligencecrm.agent.offline.OfflineConversations.arguments;
import static io.intelligencecrm.agent.offline.OfflineConversations.contacts;
import static io.intelligencecrm.agent.offline.OfflineConversations.json;
import static io.intelligencecrm.agent.offline.OfflineConversations.onlyCall;
import static io.intelligencecrm.agent.offline.OfflineConversations.request;
import static io.intelligencecrm.agent.offline.OfflineConversations.specifications;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.intelligencecrm.tools.contact.ContactReadTools;
import io.intelligencecrm.tools.knowledge.DocumentPassages;
import io.intelligencecrm.tools.knowledge.KnowledgeTools;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Offline mode's questions by meaning: notes, similar contacts, answers from documents. */
class OfflineKnowledgeTest {
    private static final List<ToolSpecification> TOOLS = specifications(ContactReadTools.class, KnowledgeTools.class);
    private final OfflineModel model = new OfflineModel();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "who mentioned budget cuts?|budget cuts",
            "Who talked about the pipeline?|the pipeline",
            "search notes about onboarding problems|onboarding problems",
            "what did customers say about the new pricing?|the new pricing"})
    void searches_notes_by_meaning(String text, String query) {
        ToolExecutionRequest call = onlyCall(model.chat(request(TOOLS, UserMessage.from(text))).aiMessage());
        assertEquals("searchNotes", call.name());
        assertEquals(Map.of("query", query), arguments(call));
    }

    @Test
    void finds_the_contact_then_those_similar_to_them() {
        UserMessage user = UserMessage.from("find contacts similar to Jane Doe");
        AiMessage first = model.chat(request(TOOLS, user)).aiMessage();
        assertEquals("searchContacts", onlyCall(first).name());
        UUID jane = UUID.randomUUID();
        AiMessage second = model.chat(request(TOOLS, user, first,
                ToolExecutionResultMessage.from(onlyCall(first), contacts(jane)))).aiMessage();
        assertEquals("findSimilarContacts", onlyCall(second).name());
        assertEquals(jane.toString(), arguments(onlyCall(second)).get("contactId"));
    }

    @Test
    void quotes_the_best_passage_with_its_source_or_says_the_documents_do_not_cover_it() {
        UserMessage user = UserMessage.from("what do our documents say about refunds?");
        AiMessage call = model.chat(request(TOOLS, user)).aiMessage();
        assertEquals("answerFromDocuments", onlyCall(call).name());

        DocumentPassages found = new DocumentPassages("refunds", true, "quoted", List.of(
                new DocumentPassages.Passage(UUID.randomUUID(), "Pricing › Refunds", "Unused months are refunded.", 0.61)));
        String answer = model.chat(request(TOOLS, user, call,
                ToolExecutionResultMessage.from(onlyCall(call), json(found)))).aiMessage().text();
        assertTrue(answer.contains("Pricing › Refunds") && answer.contains("Unused months are refunded."), answer);

        DocumentPassages missing = new DocumentPassages("refunds", false, "nothing", List.of());
        String none = model.chat(request(TOOLS, user, call,
                ToolExecutionResultMessage.from(onlyCall(call), json(missing)))).aiMessage().text();
        assertTrue(none.contains("do not cover"), none);
    }
}
