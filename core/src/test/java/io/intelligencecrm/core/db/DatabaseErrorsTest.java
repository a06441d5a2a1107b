package io.intelligencecrm.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.tenant.TenantId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Database errors a client caused become domain errors, and no database error carries row values into a log. */
class DatabaseErrorsTest {
    private static final String EMAIL = "priya.secretsson@private.example";
    private static Database database;
    private static TenantId tenant;

    @BeforeAll
    static void setUp() {
        database = TestPostgres.get().openFreshDatabase(2);
        tenant = TestTenants.create(database, "errors").tenantId();
        insertContact(EMAIL);
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @Test
    void a_unique_violation_on_any_unique_index_is_a_conflict_naming_its_fields() {
        CrmException contact = assertThrows(CrmException.class, () -> insertContact(EMAIL));
        assertEquals(ErrorCode.CONFLICT, contact.code());
        assertEquals(Map.of("email", "is already used by another record"), contact.fieldErrors());
        assertFalse(contact.getMessage().contains(EMAIL), contact.getMessage());

        database.tenants().useTenant(tenant, handle -> handle.createUpdate("""
                insert into users (tenant_id, email, full_name, role) values (crm_current_tenant(), 'Ana@x.example', '', 'rep')""")
                .execute());
        CrmException user = assertThrows(CrmException.class, () -> database.tenants().useTenant(tenant, handle ->
                handle.createUpdate("""
                        insert into users (tenant_id, email, full_name, role)
                        values (crm_current_tenant(), 'ana@X.example', '', 'rep')""").execute()));
        assertEquals(ErrorCode.CONFLICT, user.code());
        assertEquals(Map.of("email", "is already used by another record"), user.fieldErrors());
    }

    @Test
    void a_nul_character_in_text_or_json_is_a_validation_error() {
        CrmException text = assertThrows(CrmException.class, () -> database.tenants().useTenant(tenant, handle ->
                handle.createUpdate("insert into contacts (tenant_id, first_name) values (crm_current_tenant(), :name)")
                        .bind("name", "Nu\u0000l").execute()));
        assertEquals(ErrorCode.VALIDATION, text.code());
        CrmException json = assertThrows(CrmException.class, () -> database.tenants().useTenant(tenant, handle ->
                handle.createUpdate("""
                        insert into contacts (tenant_id, first_name, custom)
                        values (crm_current_tenant(), 'Nul', cast(:custom as jsonb))""")
                        .bind("custom", "{\"note\": \"a\\u0000b\"}").execute()));
        assertEquals(ErrorCode.VALIDATION, json.code());
    }

    @Test
    void a_failed_statement_names_the_statement_but_never_the_values_bound_to_it() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> database.tenants().useTenant(tenant,
                handle -> handle.createUpdate("""
                        insert into contacts (tenant_id, first_name, last_name, email)
                        values (crm_current_tenant(), :first, :last, :email)""")
                        .bind("first", "Priya").bind("last", "Secretsson").bind("email", "not-an-email").execute()));
        String logged = rendered(failure);
        assertTrue(logged.contains("insert into contacts"), logged);
        assertTrue(logged.contains("contacts_email_check"), logged);
        for (String value : new String[] {"Priya", "Secretsson", "not-an-email"}) {
            assertFalse(logged.contains(value), "a log line would show " + value + ":\n" + logged);
        }
    }

    private static void insertContact(String email) {
        database.tenants().useTenant(tenant, handle -> handle.createUpdate("""
                        insert into contacts (tenant_id, first_name, email) values (crm_current_tenant(), 'Priya', :email)""")
                .bind("email", email).execute());
    }

    /** What a logger prints for the error: its message, causes and stack. */
    private static String rendered(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
