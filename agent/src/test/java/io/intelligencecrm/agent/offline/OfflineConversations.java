package io.intelligencecrm.agent.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.tools.TableResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests and tool results as the offline model sees them in a conversation, for its tests. */
final class OfflineConversations {
    private OfflineConversations() {
    }

    /** A request with the system prompt's date line (the planner reads "today" from it) and the given tools. */
    static ChatRequest request(List<ToolSpecification> tools, ChatMessage... messages) {
        List<ChatMessage> all = new ArrayList<>();
        all.add(SystemMessage.from("You are the CRM assistant.\\nToday is Tuesday, 2026-11-24; the user's time zone is UTC."));
        all.addAll(Arrays.asList(messages));
        return ChatRequest.builder().messages(all).toolSpecifications(tools).build();
    }

    static ToolExecutionRequest onlyCall(AiMessage message) {
        assertNotNull(message.toolExecutionRequests(), message.text());
        assertEquals(1, message.toolExecutionRequests().size(), String.valueOf(message.text()));
        return message.toolExecutionRequests().getFirst();
    }

    static Map<String, Object> arguments(ToolExecutionRequest request) {
        try {
            return Json.mapper().readValue(request.arguments(), new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new AssertionError(request.arguments(), e);
        }
    }

    /** What searchContacts returns, as the model would read it. */
    static String contacts(UUID... ids) {
        List<List<Object>> rows = Arrays.stream(ids)
                .map(id -> List.<Object>of(id.toString(), "Jane Doe", "jane@acme.com", "Acme", "lead", "Rita Rep", 40))
                .toList();
        return json(new TableResult("Contacts", List.of("id", "name", "email", "company", "stage", "owner", "score"),
                rows, "table", rows.size(), ""));
    }

    /** What findDeals returns. */
    static String deals(UUID... ids) {
        List<List<Object>> rows = Arrays.stream(ids).map(id -> Arrays.<Object>asList(id.toString(), "Acme renewal",
                "Acme", "Jane Doe", "proposal", 5000, "USD", null, "Rita Rep")).toList();
        return json(new TableResult("Deals", List.of("id", "Deal", "Company", "Contact", "Stage", "Amount", "Currency",
                "Expected close", "Owner"), rows, "table", rows.size(), ""));
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<ToolSpecification> specifications(Class<?>... classes) {
        return Arrays.stream(classes).flatMap(type -> ToolSpecifications.toolSpecificationsFrom(type).stream())
                .toList();
    }
}
