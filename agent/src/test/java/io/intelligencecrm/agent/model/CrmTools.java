package io.intelligencecrm.agent.model;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.util.List;

/** Two tool specifications shaped like the CRM's, for requests that offer tools. */
final class CrmTools {

    static final ToolSpecification FIND_CONTACTS = ToolSpecification.builder()
            .name("find_contacts")
            .description("Finds contacts by name or email")
            .parameters(JsonObjectSchema.builder()
                    .addStringProperty("query", "name or email to look for")
                    .addIntegerProperty("limit", "most contacts to return")
                    .required("query")
                    .build())
            .build();

    static final ToolSpecification CREATE_TASK = ToolSpecification.builder()
            .name("create_task")
            .description("Creates a follow-up task")
            .parameters(JsonObjectSchema.builder()
                    .addStringProperty("title", "what to do")
                    .addStringProperty("due", "ISO date")
                    .required("title")
                    .build())
            .build();

    static final List<ToolSpecification> ALL = List.of(FIND_CONTACTS, CREATE_TASK);

    private CrmTools() {
    }
}
