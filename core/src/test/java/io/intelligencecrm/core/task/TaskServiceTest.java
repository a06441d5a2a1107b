package io.intelligencecrm.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.MutableClock;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaskServiceTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-04-28T09:00:00Z"));
    private static Database database;
    private static TaskService tasks;
    private static Actor rep;
    private static Actor otherRep;
    private static Actor manager;
    private static Actor viewer;
    private static UUID contactId;

    @BeforeAll
    static void database() {
        database = TestPostgres.get().openFreshDatabase(2);
        TenantId tenant = TestTenants.create(database, "tasks").tenantId();
        UserRepository users = new UserRepository(database.tenants());
        rep = Actor.user(tenant, users.create(tenant, "rep@t.example", "Rita Rep", Role.REP, "Europe/Berlin", null)
                .id(), Role.REP);
        otherRep = Actor.user(tenant, users.create(tenant, "other@t.example", "Otto", Role.REP, "UTC", null).id(),
                Role.REP);
        manager = Actor.user(tenant, users.create(tenant, "boss@t.example", "Mia Manager", Role.MANAGER, "UTC", null)
                .id(), Role.MANAGER);
        viewer = Actor.user(tenant, users.create(tenant, "view@t.example", "Vic", Role.VIEWER, "UTC", null).id(),
                Role.VIEWER);
        AuditTrail audit = new AuditTrail(database.tenants());
        ChangeFeed changes = new ChangeFeed(new Outbox(database.tenants()), List.of());
        CompanyService companies = new CompanyService(database.tenants(), audit, changes);
        contactId = new ContactService(database.tenants(), audit, changes, companies, List.of())
                .create(rep, Map.of("firstName", "Ben", "lastName", "Ortiz")).id();
        tasks = new TaskService(database.tenants(), audit, CLOCK, new ChangeFeed(new Outbox(database.tenants()), List.of()));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void a_day_is_an_all_day_task_in_the_users_zone_and_a_local_time_is_read_in_that_zone() {
        Task day = tasks.create(rep, Map.of("title", "Send the contract", "dueAt", "2026-05-01"));
        assertEquals(Instant.parse("2026-04-30T22:00:00Z"), day.dueAt(), "midnight in Berlin");
        assertTrue(day.allDay());
        assertFalse(day.overdue(Instant.parse("2026-05-01T21:59:00Z")), "due all of that day");
        assertTrue(day.overdue(Instant.parse("2026-05-01T22:00:01Z")));

        Task timed = tasks.create(rep, Map.of("title", "Call Ben", "dueAt", "2026-05-01T15:00",
                "contactId", contactId.toString()));
        assertEquals(Instant.parse("2026-05-01T13:00:00Z"), timed.dueAt());
        assertFalse(timed.allDay());
        assertEquals("Ben Ortiz", timed.contactName());
        assertEquals("Rita Rep", timed.assigneeName());
        assertEquals(Instant.parse("2026-05-01T15:00:00Z"),
                tasks.create(rep, Map.of("title", "UTC call", "dueAt", "2026-05-01T15:00:00Z")).dueAt());
    }

    @Test
    void bad_input_names_each_field() {
        Map<String, Object> input = new HashMap<>();
        input.put("dueAt", "next Fryday");
        input.put("contactId", "not-an-id");
        input.put("dealId", UUID.randomUUID().toString());
        input.put("colour", "red");
        CrmException refused = assertThrows(CrmException.class, () -> tasks.create(rep, input));
        assertEquals(ErrorCode.VALIDATION, refused.code());
        assertEquals(java.util.Set.of("colour", "title", "dueAt", "contactId", "dealId"), refused.fieldErrors().keySet());
        assertTrue(refused.fieldErrors().get("dueAt").contains("2026-05-01"), refused.fieldErrors().toString());
        assertEquals("no such deal", refused.fieldErrors().get("dealId"));
    }

    @Test
    void reps_keep_to_their_own_tasks_managers_handle_the_teams_and_viewers_only_read() {
        Task mine = tasks.create(otherRep, Map.of("title", "Otto's follow-up"));
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class, () -> tasks.get(rep, mine.id())).code());
        assertEquals(ErrorCode.NOT_FOUND,
                assertThrows(CrmException.class, () -> tasks.complete(rep, mine.id())).code());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(CrmException.class,
                () -> tasks.list(rep, new TaskQuery(null, TaskStatus.ALL, null, null, null, 50))).code());
        CrmException giving = assertThrows(CrmException.class,
                () -> tasks.create(rep, Map.of("title", "For Otto", "assigneeId", otherRep.userId().toString())));
        assertTrue(giving.fieldErrors().containsKey("assigneeId"));

        assertEquals(mine.id(), tasks.get(viewer, mine.id()).id());
        assertTrue(tasks.list(viewer, new TaskQuery(null, TaskStatus.OPEN, null, null, null, 50)).stream()
                .anyMatch(task -> task.id().equals(mine.id())));
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(CrmException.class,
                () -> tasks.update(viewer, mine.id(), Map.of("title", "Mine now"))).code());

        Task handedOver = tasks.update(manager, mine.id(), Map.of("assigneeId", rep.userId().toString()));
        assertEquals(rep.userId(), handedOver.assigneeId());
        assertEquals(mine.id(), tasks.get(rep, mine.id()).id(), "the rep now sees it");
        Task done = tasks.complete(manager, mine.id());
        assertTrue(done.doneAt() != null);
        assertNull(tasks.update(rep, mine.id(), Map.of("done", false)).doneAt(), "opened again");
    }

    @Test
    void lists_overdue_and_soonest_due_first_and_filters_by_due_time_and_status() {
        Actor owner = manager;
        Task later = tasks.create(owner, Map.of("title", "Later", "dueAt", "2026-06-01T10:00:00Z"));
        Task late = tasks.create(owner, Map.of("title", "Late", "dueAt", "2026-04-20"));
        Task undated = tasks.create(owner, Map.of("title", "Someday"));
        Task finished = tasks.complete(owner, tasks.create(owner, Map.of("title", "Finished")).id());
        List<UUID> open = tasks.open(owner, 50).stream().map(Task::id).toList();
        assertEquals(List.of(late.id(), later.id(), undated.id()), open);
        assertEquals(List.of(late.id()), tasks.list(owner, new TaskQuery(owner.userId(), null, null, null, true, 50))
                .stream().map(Task::id).toList());
        assertEquals(List.of(later.id()), tasks.list(owner, new TaskQuery(owner.userId(), TaskStatus.OPEN,
                Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"), null, 50))
                .stream().map(Task::id).toList());
        assertEquals(List.of(finished.id()), tasks.list(owner, new TaskQuery(owner.userId(), TaskStatus.DONE, null,
                null, null, 50)).stream().map(Task::id).toList());
    }

    @Test
    void a_change_is_audited_with_the_values_before_and_after() {
        Task task = tasks.create(rep, Map.of("title", "Draft", "dueAt", "2026-05-02"));
        Map<String, Object> patch = new HashMap<>();
        patch.put("title", "Final");
        patch.put("dueAt", null);
        Task changed = tasks.update(rep, task.id(), patch);
        assertEquals("Final", changed.title());
        assertNull(changed.dueAt());
        assertFalse(changed.allDay());
        String diff = database.tenants().inTenant(rep.tenant(), handle -> handle.createQuery(
                        "select diff::text from audit_log where entity_id = :id and action = 'task.update'")
                .bind("id", task.id()).mapTo(String.class).one());
        assertTrue(diff.contains("\"title\": [\"Draft\", \"Final\"]"), diff);
        assertTrue(diff.contains("\"all_day\": [true, false]"), diff);
    }
}
