package io.intelligencecrm.web.chat;

import io.intelligencecrm.agent.chat.AgentEvent;
import io.intelligencecrm.agent.chat.ChatInput;
import io.intelligencecrm.agent.chat.ChatReply;
import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/chat} for bots and scripts: one message, answered as JSON with every event of
 * the turn, or streamed as server-sent events when asked ({@code "stream": true} or
 * {@code Accept: text/event-stream}). Problems found before the turn starts are problem+json.
 */
public final class ChatController {
    private final ChatService chat;

    public ChatController(ChatService chat) {
        this.chat = chat;
    }

    public void routes(ApiRoutes api) {
        api.post("/api/chat", this::send).doc("chat", "Send a message to the agent")
                .description("Runs one agent turn. With \"stream\": true or Accept: text/event-stream the events "
                        + "(started, token, tool_started, tool_finished, proposal, proposal_decided, table, final, "
                        + "error) arrive as server-sent events as they happen; otherwise one JSON reply lists them.")
                .body("ChatRequest").returns("ChatResponse");
    }

    void send(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        ChatInput input = new ChatInput(uuid(body.get("conversationId")), text(body.get("message")), "api");
        boolean stream = Boolean.TRUE.equals(body.get("stream"))
                || String.valueOf(ctx.header("Accept")).contains("text/event-stream");
        if (stream) {
            stream(ctx, input);
            return;
        }
        List<Map<String, Object>> events = new ArrayList<>();
        ChatReply reply = chat.send(CurrentActor.of(ctx), input, event -> {
            if (!(event instanceof AgentEvent.Token)) {
                synchronized (events) {
                    events.add(EventJson.of(event));
                }
            }
        });
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("conversationId", reply.conversationId());
        response.put("reply", reply.text());
        response.put("failed", reply.failed());
        if (reply.failed()) response.put("errorCode", reply.failureCode());
        response.put("toolCalls", reply.toolCalls());
        response.put("events", events);
        ctx.json(response);
    }

    /** Headers go out with the first event, so a refusal before the turn can still be problem+json. */
    private void stream(Context ctx, ChatInput input) {
        SseWriter writer = new SseWriter(ctx);
        chat.send(CurrentActor.of(ctx), input, writer::send);
    }

    private static UUID uuid(Object value) {
        if (value == null) return null;
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid("conversationId", "must be a conversation id");
        }
    }

    private static String text(Object value) {
        if (value != null && !(value instanceof String)) throw CrmException.invalid("message", "must be text");
        return (String) value;
    }

    /**
     * Writes events as {@code event:}/{@code data:} frames, flushing each so clients see them at once.
     * A client that goes away stops receiving; the turn still finishes and stays in the conversation.
     */
    private static final class SseWriter {
        private final Context ctx;
        private OutputStream out;
        private boolean gone;

        SseWriter(Context ctx) {
            this.ctx = ctx;
        }

        synchronized void send(AgentEvent event) {
            if (gone) return;
            try {
                if (out == null) {
                    ctx.status(200).contentType("text/event-stream; charset=utf-8");
                    ctx.header("Cache-Control", "no-cache");
                    ctx.header("X-Accel-Buffering", "no");
                    out = ctx.res().getOutputStream();
                }
                String frame = "event: " + event.type() + "\ndata: " + EventJson.text(EventJson.of(event)) + "\n\n";
                out.write(frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                gone = true;
            }
        }
    }
}
