package io.intelligencecrm.agent.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.TokenWindowChatMemory;
import io.intelligencecrm.core.conversation.ConversationService;
import io.intelligencecrm.core.conversation.StoredMessage;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chat memory as AgentRuntime wires it: a token window over the store, on a real database. */
class PostgresChatMemoryStoreTest {
    private static final int WINDOW_TOKENS = 100;
    private static final SystemMessage SYSTEM = SystemMessage.from("You are the CRM assistant.");

    private static Database database;
    private static TenantId tenant;
    private static TenantId otherTenant;
    private static Actor owner;
    private static Actor colleague;
    private static ConversationService conversations;

    @BeforeAll
    static void database() {
        database = TestPostgres.get().openFreshDatabase(2);
        tenant = TestTenants.create(database, "memory").tenantId();
        otherTenant = TestTenants.create(database, "memory-other").tenantId();
        UserRepository users = new UserRepository(database.tenants());
        owner = Actor.user(tenant, users.create(tenant, "owner@memory.example", "Olive Owner", Role.REP, "UTC", null)
                .id(), Role.REP);
        colleague = Actor.user(tenant, users.create(tenant, "colleague@memory.example", "Carl Colleague", Role.REP,
                "UTC", null).id(), Role.REP);
        conversations = new ConversationService(database.tenants());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void messages_persist_and_a_restarted_store_reads_the_same_window() {
        ConversationKey key = newConversation();
        ChatMemory memory = memory(new PostgresChatMemoryStore(database.tenants()), key);
        memory.add(SYSTEM);
        memory.add(UserMessage.from("Who is Jane Doe?"));
        memory.add(AiMessage.from("Jane Doe is a lead at Acme."));

        ChatMemory restarted = memory(new PostgresChatMemoryStore(database.tenants()), key);

        assertEquals(List.of(SYSTEM, UserMessage.from("Who is Jane Doe?"), AiMessage.from("Jane Doe is a lead at Acme.")),
                restarted.messages());
    }

    @Test
    void overflowing_the_window_marks_the_oldest_evicted_keeps_them_in_the_history_and_inserts_only_new_rows() {
        ConversationKey key = newConversation();
        ChatMemory memory = memory(new PostgresChatMemoryStore(database.tenants()), key);
        memory.add(SYSTEM);
        for (int i = 1; i <= 12; i++) memory.add(UserMessage.from("message number " + i + " about the Acme renewal"));

        List<StoredMessage> history = conversations.history(owner, key.conversationId());
        assertEquals(13, history.size(), "each message is inserted once");
        List<StoredMessage> live = history.stream().filter(m -> !m.evicted()).toList();
        List<StoredMessage> evicted = history.stream().filter(StoredMessage::evicted).toList();
        assertTrue(!evicted.isEmpty() && evicted.size() < 12, "some, not all, were evicted: " + evicted.size());
        assertTrue(evicted.stream().allMatch(m -> m.role().equals("user")), "the system message stays");
        assertTrue(evicted.getLast().id() < live.stream().filter(m -> m.role().equals("user")).findFirst()
                .orElseThrow().id(), "the oldest are the ones evicted");

        List<ChatMessage> window = memory(new PostgresChatMemoryStore(database.tenants()), key).messages();
        assertEquals(live.size(), window.size());
        assertEquals(SYSTEM, window.getFirst());
        assertEquals(UserMessage.from("message number 12 about the Acme renewal"), window.getLast());
        assertTrue(new ApproximateTokenCounter().estimateTokenCountInMessages(window) <= WINDOW_TOKENS);
    }

    @Test
    void a_changed_system_message_replaces_the_stored_one() {
        ConversationKey key = newConversation();
        ChatMemory memory = memory(new PostgresChatMemoryStore(database.tenants()), key);
        memory.add(SYSTEM);
        memory.add(UserMessage.from("hello"));
        SystemMessage changed = SystemMessage.from("You are the CRM assistant. Today is Tuesday.");
        memory.add(changed);
        memory.add(changed);

        List<StoredMessage> systems = conversations.history(owner, key.conversationId()).stream()
                .filter(m -> m.role().equals("system")).toList();
        assertEquals(1, systems.size());
        assertTrue(systems.getFirst().content().contains("Today is Tuesday"));
        assertEquals(List.of(changed, UserMessage.from("hello")),
                memory(new PostgresChatMemoryStore(database.tenants()), key).messages());
    }

    @Test
    void a_turn_cache_gives_the_same_window_and_rows_as_reading_each_time() {
        PostgresChatMemoryStore cached = new PostgresChatMemoryStore(database.tenants());
        ConversationKey withCache = newConversation();
        ConversationKey withoutCache = newConversation();
        ChatMemory cachedMemory = memory(cached, withCache);
        ChatMemory plainMemory = memory(new PostgresChatMemoryStore(database.tenants()), withoutCache);

        for (int turn = 1; turn <= 5; turn++) {
            cached.beginTurn(withCache);
            try {
                converse(cachedMemory, turn);
            } finally {
                cached.endTurn(withCache);
            }
            converse(plainMemory, turn);
            assertEquals(plainMemory.messages(), cachedMemory.messages(), "after turn " + turn);
        }
        assertEquals(shape(withoutCache), shape(withCache));
        assertEquals(memory(new PostgresChatMemoryStore(database.tenants()), withoutCache).messages(),
                memory(new PostgresChatMemoryStore(database.tenants()), withCache).messages());
    }

    @Test
    void ai_messages_with_tool_calls_and_tool_results_round_trip() {
        ConversationKey key = newConversation();
        ChatMemory memory = memory(new PostgresChatMemoryStore(database.tenants()), key);
        ToolExecutionRequest call = ToolExecutionRequest.builder().id("call-1").name("searchContacts")
                .arguments("{\"query\":\"Jane Doe\"}").build();
        List<ChatMessage> messages = List.of(SYSTEM, UserMessage.from("find Jane"), AiMessage.from(List.of(call)),
                ToolExecutionResultMessage.from(call, "{\"title\":\"Contacts\",\"rows\":[]}"),
                AiMessage.from("I found nobody called Jane."));
        messages.forEach(memory::add);

        assertEquals(messages, memory(new PostgresChatMemoryStore(database.tenants()), key).messages());
        assertEquals(List.of("system", "user", "ai", "tool", "ai"),
                conversations.history(owner, key.conversationId()).stream().map(StoredMessage::role).toList());
    }

    @Test
    void another_users_key_for_the_same_conversation_sees_nothing() {
        ConversationKey key = newConversation();
        memory(new PostgresChatMemoryStore(database.tenants()), key).add(UserMessage.from("my secret deal"));

        ConversationKey stolen = new ConversationKey(tenant, colleague.userId(), key.conversationId());
        assertEquals(List.of(), new PostgresChatMemoryStore(database.tenants()).getMessages(stolen));
    }

    @Test
    void another_users_key_cannot_clear_the_owners_memory() {
        ConversationKey key = newConversation();
        memory(new PostgresChatMemoryStore(database.tenants()), key).add(UserMessage.from("keep me"));

        new PostgresChatMemoryStore(database.tenants())
                .deleteMessages(new ConversationKey(tenant, colleague.userId(), key.conversationId()));

        assertEquals(List.of(UserMessage.from("keep me")),
                new PostgresChatMemoryStore(database.tenants()).getMessages(key));
    }

    @Test
    void another_tenant_sees_nothing() {
        ConversationKey key = newConversation();
        memory(new PostgresChatMemoryStore(database.tenants()), key).add(UserMessage.from("tenant secret"));

        ConversationKey elsewhere = new ConversationKey(otherTenant, key.userId(), key.conversationId());
        assertEquals(List.of(), new PostgresChatMemoryStore(database.tenants()).getMessages(elsewhere));
    }

    @Test
    void deleting_messages_clears_the_window_but_keeps_the_history() {
        ConversationKey key = newConversation();
        PostgresChatMemoryStore store = new PostgresChatMemoryStore(database.tenants());
        ChatMemory memory = memory(store, key);
        memory.add(SYSTEM);
        memory.add(UserMessage.from("remember this"));

        memory.clear();

        assertEquals(List.of(), memory(new PostgresChatMemoryStore(database.tenants()), key).messages());
        List<StoredMessage> history = conversations.history(owner, key.conversationId());
        assertEquals(2, history.size());
        assertTrue(history.stream().allMatch(StoredMessage::evicted));
    }

    @Test
    void deleting_messages_inside_a_turn_clears_the_cached_window_too() {
        ConversationKey key = newConversation();
        PostgresChatMemoryStore store = new PostgresChatMemoryStore(database.tenants());
        ChatMemory memory = memory(store, key);
        memory.add(UserMessage.from("before the clear"));
        store.beginTurn(key);
        try {
            memory.clear();
            assertEquals(List.of(), memory.messages());
            memory.add(UserMessage.from("after the clear"));
            assertEquals(List.of(UserMessage.from("after the clear")), memory.messages());
        } finally {
            store.endTurn(key);
        }
        assertEquals(List.of(UserMessage.from("after the clear")), memory(store, key).messages());
    }

    /** One turn of a chat: the system message, the user's message, a tool call and its result, the answer. */
    private static void converse(ChatMemory memory, int turn) {
        ToolExecutionRequest call = ToolExecutionRequest.builder().id("call-" + turn).name("searchContacts")
                .arguments("{\"query\":\"contact " + turn + "\"}").build();
        memory.add(SYSTEM);
        memory.add(UserMessage.from("find contact " + turn));
        memory.add(AiMessage.from(List.of(call)));
        memory.add(ToolExecutionResultMessage.from(call, "{\"rows\":[]}"));
        memory.add(AiMessage.from("Nobody matches contact " + turn + "."));
    }

    /** The stored rows without their ids: role, content and whether evicted, in order. */
    private static List<String> shape(ConversationKey key) {
        return conversations.history(owner, key.conversationId()).stream()
                .map(m -> m.role() + "|" + m.evicted() + "|" + m.content()).toList();
    }

    private static ChatMemory memory(PostgresChatMemoryStore store, ConversationKey key) {
        return TokenWindowChatMemory.builder().id(key).maxTokens(WINDOW_TOKENS, new ApproximateTokenCounter())
                .chatMemoryStore(store).build();
    }

    private static ConversationKey newConversation() {
        UUID id = conversations.start(owner, "web", null).id();
        return new ConversationKey(tenant, owner.userId(), id);
    }
}
