package io.intelligencecrm.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConversationServiceTest {
    private static Database database;
    private static Actor rep;
    private static Actor otherRep;
    private static ConversationService conversations;

    @BeforeAll
    static void database() {
        database = TestPostgres.get().openFreshDatabase(2);
        TenantId tenant = TestTenants.create(database, "conversations").tenantId();
        UserRepository users = new UserRepository(database.tenants());
        rep = Actor.user(tenant, users.create(tenant, "rep@c.example", "Rep", Role.REP, "UTC", null).id(), Role.REP);
        otherRep = Actor.user(tenant, users.create(tenant, "other@c.example", "Other", Role.REP, "UTC", null).id(),
                Role.REP);
        conversations = new ConversationService(database.tenants());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void a_thread_outside_the_app_resumes_one_conversation_even_when_first_messages_race() throws Exception {
        String thread = "T1:C1:1800000000.000100:U1";
        Set<java.util.UUID> ids = new HashSet<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<CompletableFuture<Conversation>> racing = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racing.add(CompletableFuture.supplyAsync(() -> conversations.resume(rep, "slack", thread), threads));
            }
            for (CompletableFuture<Conversation> started : racing) ids.add(started.get().id());
        }
        assertEquals(1, ids.size());
        assertEquals(ids.iterator().next(), conversations.resume(rep, "slack", thread).id());
        assertEquals("slack", conversations.get(rep, ids.iterator().next()).channel());
    }

    @Test
    void conversations_are_started_listed_renamed_and_deleted_only_by_their_user() {
        Conversation mine = conversations.start(rep, "web", null);
        Conversation theirs = conversations.start(otherRep, "api", "Their chat");
        assertEquals(ConversationService.DEFAULT_TITLE, mine.title());

        assertTrue(conversations.list(rep, null, 100).stream().anyMatch(c -> c.id().equals(mine.id())));
        assertTrue(conversations.list(rep, null, 100).stream().noneMatch(c -> c.id().equals(theirs.id())));
        assertEquals("Renamed", conversations.rename(rep, mine.id(), "  Renamed ").title());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                () -> conversations.rename(rep, theirs.id(), "Hijacked")).code());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                () -> conversations.delete(rep, theirs.id())).code());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                () -> conversations.history(rep, theirs.id())).code());
        assertEquals("Their chat", conversations.get(otherRep, theirs.id()).title());
        assertEquals(ErrorCode.VALIDATION, assertThrows(CrmException.class,
                () -> conversations.start(rep, "fax", null)).code());

        conversations.delete(rep, mine.id());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                () -> conversations.get(rep, mine.id())).code());
    }

    @Test
    void a_new_conversation_is_titled_after_its_first_message_once() {
        Conversation conversation = conversations.start(rep, "web", null);
        conversations.titleFromFirstMessage(rep, conversation,
                "  Which deals are closing this month and who owns the biggest of them all?\nsecond line");
        Conversation titled = conversations.get(rep, conversation.id());
        assertEquals("Which deals are closing this month and who owns the bigge...", titled.title());
        assertTrue(titled.title().length() <= 60);

        conversations.titleFromFirstMessage(rep, titled, "another message");
        assertEquals(titled.title(), conversations.get(rep, conversation.id()).title());

        Conversation shortOne = conversations.start(rep, "web", null);
        conversations.titleFromFirstMessage(rep, shortOne, "find Acme");
        assertEquals("find Acme", conversations.get(rep, shortOne.id()).title());
    }
}
