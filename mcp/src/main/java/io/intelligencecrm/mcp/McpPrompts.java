package io.intelligencecrm.mcp;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Ready-made requests for common CRM tasks, written for an assistant that has the CRM's tools. */
final class McpPrompts {
    private McpPrompts() {
    }

    static List<SyncPromptSpecification> all() {
        return List.of(
                prompt("pipeline-review", "Review my open pipeline", List.of(), arguments -> """
                        Review my open sales pipeline with the CRM tools: list open deals by stage with their amounts, \
                        point out deals that have been quiet for two weeks or more, and suggest one next step for each. \
                        Change nothing."""),
                prompt("hottest-leads", "My hottest leads and why", List.of(), arguments -> """
                        Who are my hottest leads? Use the CRM's lead scores, show the top ten with their score and the \
                        main reasons, and suggest whom to contact first. Change nothing."""),
                prompt("follow-up", "Draft a follow-up to one contact",
                        List.of(new McpSchema.PromptArgument("contact", "the contact's name or email", true)),
                        arguments -> """
                        Find the contact "%s" in the CRM, read their recent interactions and open deals, and draft a \
                        short, friendly follow-up email. Then propose sending it: it waits for my approval, and I \
                        will approve it in the CRM.""".formatted(arguments.getOrDefault("contact", ""))));
    }

    private static SyncPromptSpecification prompt(String name, String description, List<McpSchema.PromptArgument> arguments,
                                                  Function<Map<String, Object>, String> text) {
        return new SyncPromptSpecification(new McpSchema.Prompt(name, description, arguments),
                (context, request) -> new McpSchema.GetPromptResult(description, List.of(new McpSchema.PromptMessage(
                        McpSchema.Role.USER, new McpSchema.TextContent(text.apply(request.arguments() == null
                                ? Map.of() : request.arguments()))))));
    }
}
