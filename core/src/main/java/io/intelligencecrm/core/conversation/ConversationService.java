package io.intelligencecrm.core.conversation;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A user's conversations with the agent. Each user sees and changes only their own. */
public final class ConversationService {
    public static final String DEFAULT_TITLE = "New conversation";
    private static final Set<String> CHANNELS = Set.of("web", "api", "slack", "email", "workflow", "mcp");
    private static final int TITLE_LENGTH = 200;

    private final TenantTransactions transactions;

    public ConversationService(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Conversation start(Actor actor, String channel, String title) {
        if (!CHANNELS.contains(channel)) throw CrmException.invalid("channel", "must be one of " + CHANNELS);
        requireUser(actor);
        String cleanTitle = title == null || title.isBlank() ? DEFAULT_TITLE : checkedTitle(title);
        return transactions.inTenant(actor.tenant(), handle -> handle.attach(ConversationDao.class)
                .insert(actor.userId(), cleanTitle, channel, null));
    }

    /**
     * The conversation a channel outside the app keys by its own reference (one per Slack thread and
     * user), started on first use; concurrent first messages end up in the same conversation.
     */
    public Conversation resume(Actor actor, String channel, String externalRef) {
        if (!CHANNELS.contains(channel)) throw CrmException.invalid("channel", "must be one of " + CHANNELS);
        requireUser(actor);
        return transactions.inTenant(actor.tenant(), handle -> {
            ConversationDao conversations = handle.attach(ConversationDao.class);
            return conversations.findExternal(channel, externalRef, actor.userId())
                    .or(() -> conversations.insertExternal(actor.userId(), DEFAULT_TITLE, channel, externalRef))
                    .or(() -> conversations.findExternal(channel, externalRef, actor.userId()))
                    .orElseThrow(() -> CrmException.conflict("This thread belongs to another conversation", Map.of()));
        });
    }

    public Conversation get(Actor actor, UUID id) {
        requireUser(actor);
        return transactions.inTenant(actor.tenant(), handle -> handle.attach(ConversationDao.class)
                .findOwn(id, actor.userId()).orElseThrow(() -> CrmException.notFound("Conversation")));
    }

    /** Most recently active first; {@code before} pages on the previous page's last {@code updatedAt}. */
    public List<Conversation> list(Actor actor, Instant before, int limit) {
        requireUser(actor);
        return transactions.inTenant(actor.tenant(), handle -> handle.attach(ConversationDao.class)
                .listOwn(actor.userId(), before, Math.max(1, Math.min(limit, 100))));
    }

    public Conversation rename(Actor actor, UUID id, String title) {
        requireUser(actor);
        String cleanTitle = checkedTitle(title);
        return transactions.inTenant(actor.tenant(), handle -> {
            ConversationDao conversations = handle.attach(ConversationDao.class);
            if (conversations.rename(id, actor.userId(), cleanTitle) == 0) throw CrmException.notFound("Conversation");
            return conversations.findOwn(id, actor.userId()).orElseThrow();
        });
    }

    public void delete(Actor actor, UUID id) {
        requireUser(actor);
        transactions.useTenant(actor.tenant(), handle -> {
            if (handle.attach(ConversationDao.class).delete(id, actor.userId()) == 0) {
                throw CrmException.notFound("Conversation");
            }
        });
    }

    /** Everything stored for the conversation, oldest first: model memory and the events the chat showed. */
    public List<StoredMessage> history(Actor actor, UUID id) {
        get(actor, id);
        return transactions.inTenant(actor.tenant(), handle -> handle.attach(ConversationDao.class).history(id));
    }

    /** Remembers what the chat showed beside the messages (tool activity, proposals, tables), for replay. */
    public void recordEvents(Actor actor, UUID id, List<String> jsonEvents) {
        if (jsonEvents.isEmpty()) return;
        transactions.useTenant(actor.tenant(), handle -> {
            ConversationDao conversations = handle.attach(ConversationDao.class);
            jsonEvents.forEach(json -> conversations.addEvent(id, json));
            conversations.touch(id);
        });
    }

    /** Names a new conversation after its first message, the way chat apps do. */
    public void titleFromFirstMessage(Actor actor, Conversation conversation, String message) {
        if (!DEFAULT_TITLE.equals(conversation.title())) return;
        String title = titled(conversation, message);
        if (title.equals(DEFAULT_TITLE)) return;
        transactions.useTenant(actor.tenant(), handle -> handle.attach(ConversationDao.class)
                .rename(conversation.id(), actor.userId(), title));
    }

    /** The title the conversation has once this message is in it: a new one is named after its first line. */
    public static String titled(Conversation conversation, String message) {
        if (!DEFAULT_TITLE.equals(conversation.title())) return conversation.title();
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) return conversation.title();
        return line.length() <= 60 ? line : line.substring(0, 57).strip() + "...";
    }

    private static String checkedTitle(String title) {
        if (title == null || title.isBlank()) throw CrmException.invalid("title", "must not be empty");
        String clean = title.strip();
        if (clean.length() > TITLE_LENGTH) throw CrmException.invalid("title", "at most " + TITLE_LENGTH + " characters");
        return clean;
    }

    /** Conversations belong to people; an API key acts for its bound user. */
    private static void requireUser(Actor actor) {
        if (actor.userId() == null) throw CrmException.forbidden("Conversations need a user; this credential has none");
    }
}
