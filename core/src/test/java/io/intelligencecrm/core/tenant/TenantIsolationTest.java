package io.intelligencecrm.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactRepository;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.contact.NewContact;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TenantIsolationTest {
    private static Database database;
    private static TenantId tenantA;
    private static TenantId tenantB;
    private static Contact contactOfA;
    private static Contact contactOfB;

    @BeforeAll
    static void setUp() {
        // A pool of one connection, so every tenant transaction reuses the same connection.
        database = TestPostgres.get().openFreshDatabase(1);
        tenantA = TestTenants.create(database, "alpha").tenantId();
        tenantB = TestTenants.create(database, "beta").tenantId();
        ContactRepository contacts = new ContactRepository(database.tenants());
        contactOfA = contacts.create(tenantA, contact("ada@alpha.example"));
        contactOfB = contacts.create(tenantB, contact("bob@beta.example"));
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    private static NewContact contact(String email) {
        return new NewContact(null, null, "Test", "Person", email, null, null, LifecycleStage.LEAD, null, null,
                Map.of());
    }

    @Test
    void tenant_reads_only_its_own_rows() {
        ContactRepository contacts = new ContactRepository(database.tenants());
        assertTrue(contacts.find(tenantA, contactOfA.id()).isPresent());
        assertTrue(contacts.find(tenantA, contactOfB.id()).isEmpty());
        assertEquals(1, contacts.countActive(tenantA));
        long visible = database.tenants().inTenant(tenantA, handle ->
                handle.createQuery("select count(*) from contacts").mapTo(Long.class).one());
        assertEquals(1, visible);
    }

    @Test
    void tenant_cannot_change_or_delete_another_tenants_rows() {
        int updated = database.tenants().inTenant(tenantA, handle -> handle.createUpdate(
                "update contacts set first_name = 'Hacked' where id = :id").bind("id", contactOfB.id()).execute());
        int deleted = database.tenants().inTenant(tenantA, handle -> handle.createUpdate(
                "delete from contacts where id = :id").bind("id", contactOfB.id()).execute());
        assertEquals(0, updated);
        assertEquals(0, deleted);
        assertEquals("Test", new ContactRepository(database.tenants()).find(tenantB, contactOfB.id())
                .orElseThrow().firstName());
    }

    @Test
    void tenant_cannot_write_rows_into_another_tenant() {
        assertThrows(UnableToExecuteStatementException.class, () -> database.tenants().useTenant(tenantA,
                handle -> handle.createUpdate("""
                                insert into contacts (tenant_id, first_name, email) values (:other, 'Sneaky', 'x@y.example')""")
                        .bind("other", tenantB.value()).execute()));
        assertThrows(UnableToExecuteStatementException.class, () -> database.tenants().useTenant(tenantA,
                handle -> handle.createUpdate("update contacts set tenant_id = :other where id = :id")
                        .bind("other", tenantB.value()).bind("id", contactOfA.id()).execute()));
    }

    @Test
    void without_a_tenant_nothing_is_visible_and_writes_are_rejected() {
        long visible = database.jdbi().withHandle(handle ->
                handle.createQuery("select count(*) from contacts").mapTo(Long.class).one());
        assertEquals(0, visible);
        assertThrows(UnableToExecuteStatementException.class, () -> database.jdbi().useHandle(handle ->
                handle.createUpdate("insert into contacts (tenant_id, first_name) values (:t, 'Nobody')")
                        .bind("t", tenantA.value()).execute()));
    }

    @Test
    void a_pooled_connection_reused_for_another_tenant_leaks_nothing() {
        long seenByA = database.tenants().inTenant(tenantA, handle ->
                handle.createQuery("select count(*) from contacts").mapTo(Long.class).one());
        // Same single pooled connection, after A's transaction ended: no tenant is left behind.
        String leftOver = database.jdbi().withHandle(handle ->
                handle.createQuery("select coalesce(current_setting('app.tenant_id', true), '')")
                        .mapTo(String.class).one());
        long seenWithoutTenant = database.jdbi().withHandle(handle ->
                handle.createQuery("select count(*) from contacts").mapTo(Long.class).one());
        UUID seenByB = database.tenants().inTenant(tenantB, handle ->
                handle.createQuery("select id from contacts").mapTo(UUID.class).one());
        assertEquals(1, seenByA);
        assertEquals("", leftOver);
        assertEquals(0, seenWithoutTenant);
        assertEquals(contactOfB.id(), seenByB);
    }

    @Test
    void a_one_trip_query_sees_only_its_tenant_and_leaves_no_tenant_or_setting_behind() {
        List<UUID> seenByA = database.tenants().queryInOneTrip(tenantA, Map.of("enable_sort", "off"),
                "select id from contacts", (statement, first) -> { }, TenantIsolationTest::ids);
        UUID seenByB = database.tenants().queryInOneTrip(tenantB, Map.of(), "select id from contacts where email = ?",
                (statement, first) -> statement.setString(first, "bob@beta.example"), TenantIsolationTest::ids).getFirst();
        // Past the driver's threshold for server-prepared statements, a parameter typed by the server
        // makes the driver split the batch; the explicit transaction keeps the tenant across the split.
        for (int run = 0; run < 8; run++) {
            assertEquals(List.of(contactOfA.id()), database.tenants().queryInOneTrip(tenantA, Map.of(),
                    "select id from contacts where email = cast(? as text)",
                    (statement, first) -> statement.setObject(first, "ada@alpha.example", Types.OTHER), TenantIsolationTest::ids));
        }
        assertThrows(UnableToExecuteStatementException.class, () -> database.tenants().queryInOneTrip(tenantA, Map.of(),
                "select id from no_such_table", (statement, first) -> { }, TenantIsolationTest::ids));
        // The same single pooled connection afterwards: the tenant and the setting ended with the query.
        Map<String, Object> leftOver = database.jdbi().withHandle(handle -> handle.createQuery("""
                        select coalesce(current_setting('app.tenant_id', true), '') as tenant,
                               current_setting('enable_sort') as sort, (select count(*) from contacts) as visible""")
                .mapToMap().one());
        assertEquals(List.of(contactOfA.id()), seenByA);
        assertEquals(contactOfB.id(), seenByB);
        assertEquals(Map.of("tenant", "", "sort", "on", "visible", 0L), leftOver);
    }

    private static List<UUID> ids(ResultSet rows) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        while (rows.next()) ids.add(rows.getObject(1, UUID.class));
        return ids;
    }

    @Test
    void a_failed_tenant_transaction_rolls_back_and_leaves_no_tenant_behind() {
        assertThrows(IllegalStateException.class, () -> database.tenants().useTenant(tenantA, handle -> {
            handle.createUpdate("update contacts set first_name = 'Changed' where id = :id")
                    .bind("id", contactOfA.id()).execute();
            throw new IllegalStateException("boom");
        }));
        assertEquals("Test", new ContactRepository(database.tenants()).find(tenantA, contactOfA.id())
                .orElseThrow().firstName());
        long visible = database.jdbi().withHandle(handle ->
                handle.createQuery("select count(*) from contacts").mapTo(Long.class).one());
        assertEquals(0, visible);
    }

    @Test
    void nested_work_for_another_tenant_is_refused() {
        assertThrows(IllegalStateException.class, () -> database.tenants().useTenant(tenantA,
                handle -> new ContactRepository(database.tenants()).find(tenantB, contactOfB.id())));
    }

    @Test
    void app_role_is_neither_owner_nor_superuser_and_cannot_bypass_rls() {
        Map<String, Object> role = database.jdbi().withHandle(handle -> handle.createQuery("""
                select rolsuper, rolbypassrls,
                       exists (select 1 from pg_tables where tableowner = current_user) as owns_tables
                  from pg_roles where rolname = current_user""").mapToMap().one());
        assertFalse((Boolean) role.get("rolsuper"));
        assertFalse((Boolean) role.get("rolbypassrls"));
        assertFalse((Boolean) role.get("owns_tables"));
    }

    @Test
    void audit_log_is_append_only_for_the_app_role() {
        database.tenants().useTenant(tenantA, handle -> handle.createUpdate(
                "insert into audit_log (tenant_id, actor_type, action) values (crm_current_tenant(), 'system', 'test')")
                .execute());
        assertThrows(UnableToExecuteStatementException.class, () -> database.tenants().useTenant(tenantA,
                handle -> handle.createUpdate("update audit_log set action = 'rewritten'").execute()));
        assertThrows(UnableToExecuteStatementException.class, () -> database.tenants().useTenant(tenantA,
                handle -> handle.createUpdate("delete from audit_log").execute()));
    }

    @Test
    void app_role_cannot_create_tenants() {
        assertThrows(UnableToExecuteStatementException.class, () -> database.jdbi().useHandle(handle ->
                handle.createUpdate("insert into tenants (slug, name) values ('intruder', 'Intruder')").execute()));
    }
}
