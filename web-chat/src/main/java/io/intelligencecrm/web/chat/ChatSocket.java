package io.intelligencecrm.web.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.intelligencecrm.agent.chat.AgentEvent;
import io.intelligencecrm.agent.chat.ChatInput;
import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.core.conversation.ConversationService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.web.auth.CurrentActor;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser's chat: {@code /ws/chat}, authenticated and origin-checked before the upgrade. The
 * client sends {@code message}, {@code approve}, {@code reject} and {@code resume} frames; the
 * server streams the turn's events as they happen. Connecting with {@code ?conversationId=}
 * (a reconnect) first replays that conversation's history.
 */
public final class ChatSocket {
    private static final Logger log = LoggerFactory.getLogger(ChatSocket.class);
    private static final TypeReference<Map<String, Object>> FRAME = new TypeReference<>() {
    };

    private final ChatService chat;
    private final ConversationService conversations;
    private final ExecutorService turns;
    private final ChatHistory views;

    /**
     * @param turns runs turns off the socket's thread (virtual threads), so frames keep flowing
     * @param views the entry each event shows as, sent with it so the page draws what history shows
     */
    public ChatSocket(ChatService chat, ConversationService conversations, ExecutorService turns, ChatHistory views) {
        this.chat = chat;
        this.conversations = conversations;
        this.turns = turns;
        this.views = views;
    }

    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.enableAutomaticPings();
            String conversationId = ctx.queryParam("conversationId");
            if (conversationId != null) guarded(ctx, () -> replay(ctx, CurrentActor.of(ctx), id(conversationId)));
        });
        ws.onMessage(ctx -> guarded(ctx, () -> handle(ctx)));
        ws.onError(ctx -> log.debug("chat socket error: {}", String.valueOf(ctx.error())));
    }

    private void handle(WsMessageContext ctx) {
        Map<String, Object> frame = parse(ctx.message());
        Actor actor = CurrentActor.of(ctx);
        switch (String.valueOf(frame.get("type"))) {
            case "message" -> {
                ChatInput input = new ChatInput(optionalId(frame.get("conversationId")), text(frame.get("message")), "web");
                turns.submit(() -> guarded(ctx, () -> chat.send(actor, input, event -> send(ctx, frame(actor, event)))));
            }
            case "approve", "reject" -> {
                boolean approve = "approve".equals(frame.get("type"));
                var decided = chat.decide(actor, id(String.valueOf(frame.get("proposalId"))), approve,
                        frame.get("argumentsHash") instanceof String hash ? hash : null);
                send(ctx, frame(actor, new AgentEvent.ProposalDecided(decided.id(), decided.status().stored(),
                        decided.summary())));
            }
            case "resume" -> replay(ctx, actor, id(String.valueOf(frame.get("conversationId"))));
            default -> throw CrmException.invalid("type", "must be message, approve, reject or resume");
        }
    }

    /** The event as JSON, with the card or line it shows as ({@code view}) where it shows one. */
    private Map<String, Object> frame(Actor actor, AgentEvent event) {
        Map<String, Object> frame = EventJson.of(event);
        ChatView view = event instanceof AgentEvent.ProposalDecided decided ? views.proposal(actor, decided.proposalId())
                : views.view(actor, event.type(), Json.mapper().valueToTree(frame), true);
        if (view != null && !(view instanceof ChatView.Said)) frame.put("view", view);
        return frame;
    }

    private void replay(WsContext ctx, Actor actor, UUID conversationId) {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("type", "history");
        history.put("conversation", conversations.get(actor, conversationId));
        history.put("messages", conversations.history(actor, conversationId).stream()
                .filter(message -> !message.role().equals("system")).toList());
        send(ctx, history);
    }

    /** Errors become an error frame for the client; the socket stays open. */
    private static void guarded(WsContext ctx, Runnable work) {
        try {
            work.run();
        } catch (CrmException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "error");
            error.put("code", e.code().slug());
            error.put("message", e.getMessage());
            if (!e.fieldErrors().isEmpty()) error.put("errors", e.fieldErrors());
            send(ctx, error);
        } catch (RuntimeException e) {
            log.error("chat socket failure", e);
            send(ctx, Map.of("type", "error", "code", "internal-error",
                    "message", "Something went wrong on our side; the error was logged. Please try again."));
        }
    }

    private static void send(WsContext ctx, Map<String, Object> frame) {
        synchronized (ctx.session) {
            if (ctx.session.isOpen()) ctx.send(EventJson.text(frame));
        }
    }

    private static Map<String, Object> parse(String message) {
        try {
            Map<String, Object> frame = Json.mapper().readValue(message, FRAME);
            if (frame == null) throw CrmException.invalid("frame", "must be a JSON object");
            return frame;
        } catch (JsonProcessingException e) {
            throw CrmException.invalid("frame", "must be a JSON object with a type");
        }
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw CrmException.notFound("Conversation or proposal");
        }
    }

    private static UUID optionalId(Object value) {
        return value == null ? null : id(String.valueOf(value));
    }

    private static String text(Object value) {
        if (value != null && !(value instanceof String)) throw CrmException.invalid("message", "must be text");
        return (String) value;
    }
}
