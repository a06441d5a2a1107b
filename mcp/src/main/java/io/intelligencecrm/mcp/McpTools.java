package io.intelligencecrm.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import io.intelligencecrm.agent.chat.AgentEvent;
import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.agent.runtime.ToolInvoker;
import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.conversation.Conversation;
import io.intelligencecrm.core.conversation.ConversationService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.ToolCall;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The agent's tools as MCP tools. Each call runs the agent's own guarded executor for the caller's role
 * (so it is audited, transactional and capped exactly as in chat) and is recorded in the caller's MCP
 * conversation, where its proposals wait with Approve and Reject buttons. A proposal comes back with the
 * link to that page; {@value #APPROVE} runs it only with the confirmation code shown there to the user.
 */
final class McpTools {
    static final String APPROVE = "approveProposal";

    private final ToolInvoker invoker;
    private final ConversationService conversations;
    private final ProposalService proposals;
    private final ChatService chat;
    private final UserService users;
    private final AuditTrail audit;
    private final ApprovalCodes codes;
    private final String publicUrl;
    private final Clock clock;

    McpTools(ToolInvoker invoker, ConversationService conversations, ProposalService proposals, ChatService chat,
             UserService users, AuditTrail audit, ApprovalCodes codes, String publicUrl, Clock clock) {
        this.invoker = invoker;
        this.conversations = conversations;
        this.proposals = proposals;
        this.chat = chat;
        this.users = users;
        this.audit = audit;
        this.codes = codes;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Every tool any role is offered; {@link #visibleTo} shows each caller their role's. */
    List<SyncToolSpecification> specifications() {
        Set<String> readOnly = invoker.specifications(Role.VIEWER).stream().map(ToolSpecification::name)
                .collect(Collectors.toSet());
        Map<String, ToolSpecification> all = new LinkedHashMap<>();
        for (Role role : Role.values()) invoker.specifications(role).forEach(spec -> all.putIfAbsent(spec.name(), spec));
        List<SyncToolSpecification> tools = new ArrayList<>();
        for (ToolSpecification spec : all.values()) {
            McpSchema.Tool tool = McpSchema.Tool.builder().name(spec.name()).description(spec.description())
                    .inputSchema(spec.parameters() == null ? Map.of("type", "object", "properties", Map.of())
                            : JsonSchemaElementUtils.toMap(spec.parameters()))
                    .annotations(new McpSchema.ToolAnnotations(null, readOnly.contains(spec.name()), false, true,
                            false, null))
                    .build();
            tools.add(new SyncToolSpecification(tool, (context, request) -> call(context, request)));
        }
        tools.add(new SyncToolSpecification(approveTool(), this::approve));
        return tools;
    }

    /** A viewer never sees a write tool or the approve tool, exactly as in chat. */
    boolean visibleTo(McpTransportContext context, McpSchema.Tool tool) {
        Role role = McpCaller.of(context).actor().role();
        if (tool.name().equals(APPROVE)) return role.writes();
        return invoker.specifications(role).stream().anyMatch(spec -> spec.name().equals(tool.name()));
    }

    private CallToolResult call(McpTransportContext context, CallToolRequest request) {
        Actor actor = McpCaller.of(context).actor();
        try {
            Conversation conversation = conversation(McpCaller.of(context));
            ToolCall call = new ToolCall(actor.viaAgent(), conversation.id(), zone(actor), clock);
            List<String> shown = new ArrayList<>();
            var outcome = invoker.call(call, request.name(), json(request.arguments()), event -> {
                if (event instanceof AgentEvent.ToolFinished || event instanceof AgentEvent.ProposalCreated
                        || event instanceof AgentEvent.Table) {
                    synchronized (shown) {
                        shown.add(AgentEvent.stored(event));
                    }
                }
            });
            if (outcome.isEmpty()) return error("There is no tool named '" + request.name() + "' for your role.");
            conversations.recordEvents(actor, conversation.id(), shown);
            if (outcome.get().value() instanceof ProposalResult proposal) return proposed(proposal);
            return CallToolResult.builder().addTextContent(outcome.get().text()).isError(outcome.get().error()).build();
        } catch (CrmException e) {
            return error(e.getMessage());
        }
    }

    private CallToolResult proposed(ProposalResult proposal) {
        String link = link(proposal.proposalId());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("proposal", proposal);
        result.put("approveUrl", link);
        result.put("status", "PROPOSED, NOT DONE");
        result.put("nextStep", "Nothing has happened yet. Ask the user to review it and approve it at " + link
                + ". If they want you to approve it instead, they read you the confirmation code shown on that page; "
                + "then call " + APPROVE + " with proposalId, argumentsHash and that code. Never guess a code.");
        return CallToolResult.builder().addTextContent(json(result)).structuredContent(Json.mapper().convertValue(result,
                Map.class)).build();
    }

    private static McpSchema.Tool approveTool() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("proposalId", Map.of("type", "string", "description", "the proposal's id"));
        properties.put("argumentsHash", Map.of("type", "string",
                "description", "the argumentsHash returned with the proposal"));
        properties.put("confirmationCode", Map.of("type", "string", "description",
                "the code the user read on the proposal's page in the CRM, e.g. K7QM-9XBT; only the user can give it"));
        return McpSchema.Tool.builder().name(APPROVE)
                .description("Runs a proposed action (send, bulk change, delete) after the user approved it. Needs the "
                        + "confirmation code the user sees on the proposal's page in the CRM (the approveUrl returned "
                        + "with the proposal). Ask the user for it; never guess or reuse one.")
                .inputSchema(Map.of("type", "object", "properties", properties,
                        "required", List.of("proposalId", "argumentsHash", "confirmationCode")))
                .annotations(new McpSchema.ToolAnnotations(null, false, true, false, false, null))
                .build();
    }

    private CallToolResult approve(McpTransportContext context, CallToolRequest request) {
        McpCaller caller = McpCaller.of(context);
        Actor actor = caller.actor();
        long started = System.nanoTime();
        Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
        String outcome;
        CallToolResult result;
        UUID conversationId = null;
        try {
            conversationId = conversation(caller).id();
            UUID id = uuid(arguments.get("proposalId"));
            Proposal proposal = proposals.get(actor, id);
            if (!codes.matches(actor, proposal, text(arguments.get("confirmationCode")))) {
                throw CrmException.invalid("confirmationCode", "does not match this proposal. Only the user can read it, on "
                        + link(id) + "; ask them for it and never guess it");
            }
            Proposal decided = chat.decide(actor, id, true, text(arguments.get("argumentsHash")));
            outcome = decided.status().stored();
            result = CallToolResult.builder().addTextContent(json(Map.of("proposalId", id.toString(), "status", outcome,
                    "summary", decided.summary(), "outcome", decided.outcome() == null ? Map.of() : decided.outcome())))
                    .isError(!outcome.equals("executed")).build();
        } catch (CrmException e) {
            outcome = "error";
            StringBuilder message = new StringBuilder(APPROVE).append(" was refused: ").append(e.getMessage());
            e.fieldErrors().forEach((field, text) -> message.append("\n- ").append(field).append(": ").append(text));
            result = error(message.toString());
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tool", APPROVE);
        entry.put("arguments", Map.of("proposalId", String.valueOf(arguments.get("proposalId")), "confirmationCode", "(given)"));
        entry.put("outcome", outcome.equals("error") ? "error" : "ok");
        entry.put("millis", (System.nanoTime() - started) / 1_000_000);
        audit.record(actor.viaAgent(), "agent.tool", "conversation", conversationId, entry, conversationId);
        return result;
    }

    /** The caller's MCP conversation, started on first use. */
    Conversation conversation(McpCaller caller) {
        if (caller.actor().userId() == null) {
            throw CrmException.forbidden("This API key acts for no user; MCP needs a key bound to a user, or a user's token");
        }
        Conversation conversation = conversations.resume(caller.actor(), "mcp", caller.conversationRef());
        if (conversation.title().equals(ConversationService.DEFAULT_TITLE)) {
            conversations.rename(caller.actor(), conversation.id(), "Outside assistant (MCP)");
        }
        return conversation;
    }

    String link(UUID proposalId) {
        return publicUrl + "/proposals/" + proposalId;
    }

    private ZoneId zone(Actor actor) {
        try {
            return ZoneId.of(users.me(actor).timezone());
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static UUID uuid(Object value) {
        try {
            return UUID.fromString(text(value));
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid("proposalId", "must be the proposal's id");
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable to JSON", e);
        }
    }
}
