package io.intelligencecrm.agent.memory;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Chat memory in the conversation's stored messages, so a restart loses nothing. The full history
 * stays; messages that slide out of the token window are marked evicted. Writes are deltas: the
 * window the memory hands back is compared with the stored one and only new messages are inserted.
 * While a turn runs ({@link #beginTurn}/{@link #endTurn}) the window lives in process and is written
 * once when the turn ends: a turn costs one read and one write, and the stored memory never holds
 * half a turn (a tool call without its result) after a crash.
 */
public final class PostgresChatMemoryStore implements ChatMemoryStore {
    private final TenantTransactions transactions;
    private final Map<ConversationKey, OpenTurn> openTurns = new ConcurrentHashMap<>();

    /** The window as loaded when the turn began, and as the memory last set it. */
    private record OpenTurn(List<MemoryRow> loaded, List<ChatMessage> current, boolean changed) {
    }

    public PostgresChatMemoryStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Loads the window once for a turn; the caller ends the turn in a finally block. */
    public void beginTurn(ConversationKey key) {
        List<MemoryRow> rows = load(key);
        openTurns.put(key, new OpenTurn(rows, rows.stream().map(MemoryRow::message).toList(), false));
    }

    /** Writes what the turn changed, in one transaction. */
    public void endTurn(ConversationKey key) {
        OpenTurn turn = openTurns.remove(key);
        if (turn == null || !turn.changed()) return;
        transactions.useTenant(key.tenant(), handle -> write(handle, key, turn.loaded(), turn.current()));
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        ConversationKey key = (ConversationKey) memoryId;
        OpenTurn turn = openTurns.get(key);
        return turn != null ? turn.current() : load(key).stream().map(MemoryRow::message).toList();
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        ConversationKey key = (ConversationKey) memoryId;
        List<ChatMessage> copy = List.copyOf(messages);
        if (openTurns.computeIfPresent(key, (k, turn) -> new OpenTurn(turn.loaded(), copy, true)) != null) return;
        transactions.useTenant(key.tenant(), handle -> write(handle, key, load(key), copy));
    }

    /** Clears the model's memory of the conversation; the history stays readable. */
    @Override
    public void deleteMessages(Object memoryId) {
        ConversationKey key = (ConversationKey) memoryId;
        transactions.useTenant(key.tenant(), handle -> handle.createUpdate("""
                        update messages set evicted = true
                         where conversation_id = :id and not evicted and role <> 'event'
                           and exists (select 1 from conversations c where c.id = :id and c.user_id = :userId)""")
                .bind("id", key.conversationId()).bind("userId", key.userId()).execute());
        openTurns.computeIfPresent(key, (k, turn) -> new OpenTurn(List.of(), List.of(), true));
    }

    private List<MemoryRow> load(ConversationKey key) {
        return transactions.inTenant(key.tenant(), handle -> handle.createQuery("""
                        select m.id, m.role, m.content::text as content
                          from messages m join conversations c on c.tenant_id = m.tenant_id and c.id = m.conversation_id
                         where m.conversation_id = :id and c.user_id = :userId and not m.evicted and m.role <> 'event'
                         order by (m.role = 'system') desc, m.id""")
                .bind("id", key.conversationId()).bind("userId", key.userId())
                .map((rs, ctx) -> row(rs.getLong("id"), rs.getString("role"),
                        ChatMessageDeserializer.messageFromJson(rs.getString("content"))))
                .list());
    }

    /** Replaces a changed system message, evicts what left the window and inserts what is new. */
    private List<MemoryRow> write(Handle handle, ConversationKey key, List<MemoryRow> stored, List<ChatMessage> messages) {
        List<MemoryRow> result = new ArrayList<>();
        List<MemoryRow> storedSystem = stored.stream().filter(r -> r.role().equals("system")).toList();
        List<MemoryRow> storedRest = stored.stream().filter(r -> !r.role().equals("system")).toList();
        SystemMessage system = (SystemMessage) messages.stream().filter(m -> m instanceof SystemMessage).findFirst()
                .orElse(null);
        List<ChatMessage> rest = messages.stream().filter(m -> !(m instanceof SystemMessage)).toList();

        String systemJson = system == null ? null : ChatMessageSerializer.messageToJson(system);
        boolean systemKept = storedSystem.size() == 1 && storedSystem.getFirst().json().equals(systemJson);
        if (systemKept) {
            result.add(storedSystem.getFirst());
        } else {
            storedSystem.forEach(r -> handle.createUpdate("delete from messages where id = :id").bind("id", r.id()).execute());
            if (system != null) result.add(insert(handle, key, system));
        }

        int kept = overlap(storedRest, rest);
        List<Long> evicted = storedRest.subList(0, storedRest.size() - kept).stream().map(MemoryRow::id).toList();
        if (!evicted.isEmpty()) {
            handle.createUpdate("update messages set evicted = true where id = any(:ids)")
                    .bind("ids", evicted.toArray(Long[]::new)).execute();
        }
        result.addAll(storedRest.subList(storedRest.size() - kept, storedRest.size()));
        for (ChatMessage message : rest.subList(kept, rest.size())) result.add(insert(handle, key, message));
        return List.copyOf(result);
    }

    /** How many stored messages, from the end of the stored window, begin the new window. */
    private static int overlap(List<MemoryRow> stored, List<ChatMessage> window) {
        for (int start = 0; start <= stored.size(); start++) {
            int length = stored.size() - start;
            if (length > window.size()) continue;
            boolean same = true;
            for (int i = 0; i < length && same; i++) {
                same = stored.get(start + i).json().equals(ChatMessageSerializer.messageToJson(window.get(i)));
            }
            if (same) return length;
        }
        return 0;
    }

    private static MemoryRow insert(Handle handle, ConversationKey key, ChatMessage message) {
        String json = ChatMessageSerializer.messageToJson(message);
        long id = handle.createQuery("""
                        insert into messages (tenant_id, conversation_id, role, content)
                        select crm_current_tenant(), c.id, :role, cast(:json as jsonb)
                          from conversations c where c.id = :id and c.user_id = :userId
                        returning id""")
                .bind("id", key.conversationId()).bind("userId", key.userId()).bind("role", role(message))
                .bind("json", json)
                .mapTo(Long.class).findOne()
                .orElseThrow(() -> new IllegalStateException("memory written for a conversation its user does not own"));
        return new MemoryRow(id, role(message), json, message);
    }

    /** Rows read back are re-serialised, so comparisons see the serializer's text, not jsonb's. */
    private static MemoryRow row(long id, String role, ChatMessage message) {
        return new MemoryRow(id, role, ChatMessageSerializer.messageToJson(message), message);
    }

    private static String role(ChatMessage message) {
        return switch (message) {
            case SystemMessage m -> "system";
            case UserMessage m -> "user";
            case AiMessage m -> "ai";
            case ToolExecutionResultMessage m -> "tool";
            default -> throw new IllegalArgumentException("cannot store " + message.type() + " messages");
        };
    }
}
