package io.intelligencecrm.core.undo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.Interaction;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.task.Task;
import io.intelligencecrm.core.task.TaskService;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each test is one conversation; a "turn" is one transaction with the agent's tool row, as the runtime writes it. */
class ChangeUndoTest {
    private static Database database;
    private static AuditTrail audit;
    private static ContactService contacts;
    private static DealService deals;
    private static InteractionService interactions;
    private static TaskService tasks;
    private static ChangeUndo undo;
    private static Actor rep;
    private static Actor colleague;

    @BeforeAll
    static void services() {
        database = TestPostgres.get().openFreshDatabase(2);
        TenantId tenant = TestTenants.create(database, "undo").tenantId();
        UserRepository users = new UserRepository(database.tenants());
        rep = Actor.user(tenant, users.create(tenant, "rep@u.example", "Rita Rep", Role.REP, "Europe/Berlin", null)
                .id(), Role.REP).viaAgent();
        colleague = Actor.user(tenant, users.create(tenant, "sam@u.example", "Sam Manager", Role.MANAGER, "UTC", null)
                .id(), Role.MANAGER);
        audit = new AuditTrail(database.tenants());
        ChangeFeed changes = new ChangeFeed(new Outbox(database.tenants()), java.util.List.of());
        CompanyService companies = new CompanyService(database.tenants(), audit, changes);
        contacts = new ContactService(database.tenants(), audit, changes, companies, java.util.List.of());
        deals = new DealService(database.tenants(), audit, changes, companies, Clock.systemUTC());
        interactions = new InteractionService(database.tenants(), audit, changes, contacts, Clock.systemUTC());
        tasks = new TaskService(database.tenants(), audit, Clock.systemUTC(), changes);
        undo = new ChangeUndo(database.tenants(), audit, contacts, companies, deals, interactions, tasks);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T turn(UUID conversation, Supplier<T> work) {
        return database.tenants().inTenant(rep.tenant(), handle -> {
            T result = work.get();
            audit.record(rep, "agent.tool", "conversation", conversation, Map.of("tool", "test"), conversation);
            return result;
        });
    }

    private static String undoNow(UUID conversation) {
        return turn(conversation, () -> {
            UndoPlan plan = undo.plan(rep, conversation);
            assertTrue(plan.possible(), plan.refusal());
            return undo.revert(rep, conversation, plan.transactionId());
        });
    }

    @Test
    void a_created_contact_with_its_note_is_removed_after_approval_and_a_second_undo_goes_further_back() {
        UUID conversation = UUID.randomUUID();
        Contact earlier = turn(conversation, () -> contacts.create(rep, Map.of("firstName", "Earl", "lastName", "Ier")));
        Contact ben = turn(conversation, () -> {
            Contact created = contacts.create(rep, Map.of("firstName", "Ben", "lastName", "Ortiz",
                    "companyName", "Vela Systems"));
            interactions.log(rep, Map.of("contactId", created.id().toString(), "type", "note", "content", "met at expo"));
            return created;
        });
        UndoPlan plan = undo.plan(rep, conversation);
        assertTrue(plan.needsApproval(), "removing a contact is a proposal");
        assertEquals(3, plan.steps().size(), plan.summary());
        assertTrue(plan.summary().contains("remove the contact 'Ben Ortiz'") && plan.summary().contains("'Vela Systems'"),
                plan.summary());
        undoNow(conversation);
        assertThrows(CrmException.class, () -> contacts.get(rep, ben.id()));

        UndoPlan next = undo.plan(rep, conversation);
        assertEquals(1, next.steps().size());
        assertEquals(earlier.id(), next.steps().getFirst().entityId());
    }

    @Test
    void a_stage_change_goes_back_to_the_previous_stage_and_a_field_change_to_the_previous_value() {
        UUID conversation = UUID.randomUUID();
        Deal deal = turn(conversation, () -> deals.create(rep, Map.of("name", "Acme renewal", "stage", "proposal")));
        turn(conversation, () -> deals.moveStage(rep, deal.id(), DealStage.WON, null));
        assertFalse(undo.plan(rep, conversation).needsApproval());
        assertTrue(undoNow(conversation).contains("stage"));
        Deal back = deals.get(rep, deal.id());
        assertEquals(DealStage.PROPOSAL, back.stage());
        assertNull(back.closedAt());

        Contact jane = contacts.create(rep, Map.of("firstName", "Jane", "title", "Engineer"));
        turn(conversation, () -> contacts.update(rep, jane.id(), Map.of("title", "VP of Engineering")));
        undoNow(conversation);
        assertEquals("Engineer", contacts.get(rep, jane.id()).title());
        assertTrue(undo.plan(rep, conversation).summary().contains("remove the deal 'Acme renewal'"),
                "the undone changes are stepped over");
    }

    @Test
    void a_later_change_by_someone_else_stops_the_undo() {
        UUID conversation = UUID.randomUUID();
        Contact grace = contacts.create(rep, Map.of("firstName", "Grace", "lastName", "Liu"));
        turn(conversation, () -> contacts.update(rep, grace.id(), Map.of("title", "CTO")));
        contacts.update(colleague, grace.id(), Map.of("phone", "+1 555 0100"));
        UndoPlan plan = undo.plan(rep, conversation);
        assertFalse(plan.possible());
        assertTrue(plan.refusal().contains("changed by Sam Manager"), plan.refusal());
        assertThrows(CrmException.class, () -> undo.revert(rep, conversation, "12345"));
    }

    @Test
    void a_moved_interaction_moves_back_and_tasks_are_removed_or_put_back() {
        UUID conversation = UUID.randomUUID();
        Contact janeA = contacts.create(rep, Map.of("firstName", "Jane", "lastName", "A"));
        Contact janeB = contacts.create(rep, Map.of("firstName", "Jane", "lastName", "B"));
        Interaction call = turn(conversation, () -> interactions.log(rep, Map.of("contactId", janeA.id().toString(),
                "type", "call", "content", "pricing")));
        turn(conversation, () -> interactions.move(rep, call.id(), janeB.id()));
        assertEquals(janeB.id(), interactions.get(rep, call.id()).contactId());
        undoNow(conversation);
        assertEquals(janeA.id(), interactions.get(rep, call.id()).contactId());

        Task task = turn(conversation, () -> tasks.create(rep, Map.of("title", "Call Jane", "dueAt", "2026-05-01")));
        turn(conversation, () -> tasks.update(rep, task.id(), Map.of("dueAt", "2026-05-04T15:00")));
        undoNow(conversation);
        Task back = tasks.get(rep, task.id());
        assertTrue(back.allDay());
        assertEquals(task.dueAt(), back.dueAt(), "the all-day date comes back in the user's zone");
        assertTrue(undoNow(conversation).contains("remove the task 'Call Jane'"));
        assertThrows(CrmException.class, () -> tasks.get(rep, task.id()));
    }

    @Test
    void a_sent_email_or_a_waiting_proposal_is_explained_not_undone() {
        UUID conversation = UUID.randomUUID();
        Contact ann = contacts.create(rep, Map.of("firstName", "Ann", "email", "ann@u.example"));
        turn(conversation, () -> interactions.addMetadata(rep, interactions.log(rep, Map.of("contactId",
                ann.id().toString(), "type", "email", "content", "hello")).id(), Map.of("delivery", "queued")));
        assertTrue(undo.plan(rep, conversation).refusal().contains("email cannot be called back"));

        UUID proposal = database.tenants().inTenant(rep.tenant(), handle -> handle.createQuery("""
                        insert into proposals (tenant_id, user_id, action, arguments, arguments_hash, summary, expires_at)
                        values (crm_current_tenant(), :user, 'contact.delete', '{}', 'x', 'Delete Ann', now() + interval '1 hour')
                        returning id""").bind("user", rep.userId()).mapTo(UUID.class).one());
        turn(conversation, () -> {
            audit.record(rep, "proposal.create", "proposal", proposal, Map.of("summary", "Delete Ann"), conversation);
            return null;
        });
        String refusal = undo.plan(rep, conversation).refusal();
        assertTrue(refusal.contains("propose: Delete Ann"), refusal);
        assertTrue(undo.plan(colleague, conversation).refusal().contains("no change of yours"),
                "another person's undo never reaches this user's changes");
    }
}
