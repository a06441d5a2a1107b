package io.intelligencecrm.bots.email;

import io.intelligencecrm.agent.chat.ChatInput;
import io.intelligencecrm.agent.chat.ChatReply;
import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.bots.TurnOutput;
import io.intelligencecrm.core.conversation.Conversation;
import io.intelligencecrm.core.conversation.ConversationService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.outreach.mail.OutboundEmail;
import java.util.List;

/**
 * A mail from a CRM user that passed the sender check: the agent answers as that user, and the
 * answer is queued as a reply in the same thread (exactly once, through the outbox). One thread is
 * one conversation, keyed by the thread's first Message-ID, so follow-ups keep their context and
 * "approve" in the thread decides the pending proposal before any model sees it.
 */
final class EmailCommands {
    private static final String FAILED = "Sorry, something went wrong on our side and nothing was answered."
            + " Please try again in a moment.";

    private final ChatService chat;
    private final ConversationService conversations;
    private final Outbox outbox;

    EmailCommands(ChatService chat, ConversationService conversations, Outbox outbox) {
        this.chat = chat;
        this.conversations = conversations;
        this.outbox = outbox;
    }

    /**
     * @param replyTo where the user's answers go: the bot's own address, never a personal one (its token would be
     *                echoed into every reply and every copy of it)
     */
    void answer(Actor actor, InboundEmail email, String replyTo) {
        Conversation conversation = conversations.resume(actor, "email", email.threadRoot());
        TurnOutput output = new TurnOutput();
        List<String> parts;
        try {
            ChatReply reply = chat.send(actor, new ChatInput(conversation.id(), EmailText.command(email), "email"),
                    output);
            parts = EmailAnswer.parts(reply.text(), output);
        } catch (CrmException e) {
            // Refused before the turn started (still answering the last message, empty or too long).
            parts = List.of(e.getMessage());
        } catch (RuntimeException e) {
            reply(actor, email, replyTo, List.of(FAILED));
            throw e;
        }
        reply(actor, email, replyTo, parts);
    }

    private void reply(Actor actor, InboundEmail email, String replyTo, List<String> parts) {
        OutboundEmail mail = new OutboundEmail(email.from(), EmailText.replySubject(email.subject()),
                EmailText.quoted(email, parts), null, actor.userId().toString(),
                new OutboundEmail.ReplyThread(email.messageId(), email.referencesOfReply(), replyTo));
        outbox.enqueue(actor.tenant(), OutboundEmail.KIND, mail.toPayload(), "email-bot:" + email.messageId());
    }
}
