package io.intelligencecrm.web.chat;

import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.conversation.Conversation;
import io.intelligencecrm.core.conversation.ConversationService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.page.PageGate;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The home page: the user's conversations, the open one's history rendered on the server, and the
 * composer. New turns stream over the chat WebSocket (static/js/chat.js).
 */
public final class ChatPage {
    private final PageGate gate;
    private final Templates templates;
    private final ConversationService conversations;
    private final ContactService contacts;
    private final ChatHistory history;

    public ChatPage(PageGate gate, Templates templates, ConversationService conversations, ContactService contacts,
                    ChatHistory history) {
        this.gate = gate;
        this.templates = templates;
        this.conversations = conversations;
        this.contacts = contacts;
        this.history = history;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/", gate.signedIn(this::show));
    }

    void show(Context ctx, Signed signed) {
        var actor = signed.actor();
        List<Conversation> list = conversations.list(actor, null, 50);
        Conversation current = null;
        List<ChatView> entries = List.of();
        String open = ctx.queryParam("c");
        if (open != null) {
            try {
                UUID id = UUID.fromString(open);
                current = conversations.get(actor, id);
                entries = history.entries(actor, conversations.history(actor, id));
            } catch (IllegalArgumentException | CrmException e) {
                ctx.status(404);
            }
        }
        String draft = "";
        String about = ctx.queryParam("about");
        if (about != null) {
            try {
                draft = "tell me about " + contacts.get(actor, UUID.fromString(about)).fullName();
            } catch (IllegalArgumentException | CrmException e) {
                draft = "";
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shell", gate.shell(ctx, signed, current == null ? "Chat" : current.title(), "chat"));
        params.put("conversations", list);
        params.put("current", current);
        params.put("entries", entries);
        params.put("draft", draft);
        params.put("missing", ctx.status().getCode() == 404);
        templates.page(ctx, "chat.jte", params);
    }
}
