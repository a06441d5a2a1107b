package io.intelligencecrm.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import io.intelligencecrm.web.testing.DemoLogins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each role's allowed and refused actions, through the API (the same checks guard the agent's tools). */
@CrmApplicationTest
class RolePermissionsTest {
    private static CrmApplication application;
    private static ApiClient admin;
    private static ApiClient manager;
    private static ApiClient rep;
    private static String repId;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        admin = DemoLogins.as(application, Role.ADMIN);
        manager = DemoLogins.as(application, Role.MANAGER);
        rep = DemoLogins.as(application, Role.REP);
        repId = rep.get("/api/auth/me").json().get("id").asText();
    }

    private static String contactOwnedBy(ApiClient client, String email) {
        ApiClient.Response created = client.post("/api/contacts", "{\"firstName\": \"Owned\", \"email\": \"" + email + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    private static String someoneElsesContact() {
        for (JsonNode contact : admin.get("/api/contacts?limit=100").json().get("items")) {
            if (!contact.get("ownerId").asText().equals(repId)
                    && rep.get("/api/deals?contactId=" + contact.get("id").asText() + "&ownerId=" + repId)
                    .json().get("items").isEmpty()) {
                return contact.get("id").asText();
            }
        }
        throw new IllegalStateException("no contact of someone else");
    }

    @Test
    void a_rep_reads_every_record_of_the_tenant() {
        String other = someoneElsesContact();
        assertEquals(200, rep.get("/api/contacts/" + other).status());
        assertEquals(200, rep.get("/api/deals?limit=5").status());
    }

    @Test
    void a_rep_creates_records_they_own_and_changes_them() {
        ApiClient.Response created = rep.post("/api/contacts", "{\"firstName\": \"Mine\", \"email\": \"mine@rep.example\"}");
        assertEquals(repId, created.json().get("ownerId").asText());
        String id = created.json().get("id").asText();
        assertEquals(200, rep.patch("/api/contacts/" + id, "{\"title\": \"CTO\"}").status());
        assertEquals(201, rep.post("/api/interactions", "{\"contactId\": \"" + id
                + "\", \"type\": \"call\", \"content\": \"Intro call\"}").status());
    }

    @Test
    void a_rep_cannot_change_someone_elses_contact_or_create_for_others() {
        String other = someoneElsesContact();
        ApiClient.Response update = rep.patch("/api/contacts/" + other, "{\"title\": \"Hacked\"}");
        assertEquals(403, update.status());
        assertEquals(403, rep.delete("/api/contacts/" + other).status());
        assertEquals(403, rep.post("/api/interactions", "{\"contactId\": \"" + other
                + "\", \"type\": \"note\", \"content\": \"x\"}").status());
        String managerId = manager.get("/api/auth/me").json().get("id").asText();
        assertEquals(403, rep.post("/api/contacts", "{\"firstName\": \"X\", \"ownerId\": \"" + managerId + "\"}").status());
    }

    @Test
    void a_rep_cannot_bulk_delete_export_erase_or_administer() {
        String mine = contactOwnedBy(rep, "bulk@rep.example");
        assertEquals(403, rep.post("/api/contacts/bulk-delete", "{\"ids\": [\"" + mine + "\"]}").status());
        assertEquals(403, rep.get("/api/contacts/export.csv").status());
        assertEquals(403, rep.delete("/api/contacts/" + mine + "?erase=true").status());
        assertEquals(403, rep.post("/api/users", "{\"email\": \"x@demo.example\", \"role\": \"rep\"}").status());
        assertEquals(403, rep.get("/api/api-keys").status());
        assertEquals(403, rep.get("/api/audit").status());
        assertEquals(403, rep.patch("/api/users/" + repId, "{\"role\": \"admin\"}").status(), "no self-promotion");
    }

    @Test
    void a_manager_changes_any_record_exports_and_bulk_deletes_but_does_not_administer() {
        String other = contactOwnedBy(rep, "managed@rep.example");
        assertEquals(200, manager.patch("/api/contacts/" + other, "{\"title\": \"VP\"}").status());
        assertEquals(200, manager.get("/api/contacts/export.csv?limit=5").status());
        assertEquals(200, manager.post("/api/contacts/bulk-delete", "{\"ids\": [\"" + other + "\"]}").status());
        assertEquals(200, manager.get("/api/audit?limit=5").status());
        assertEquals(403, manager.post("/api/users", "{\"email\": \"y@demo.example\", \"role\": \"rep\"}").status());
        assertEquals(403, manager.delete("/api/contacts/" + someoneElsesContact() + "?erase=true").status());
    }

    @Test
    void an_admin_may_erase_and_administer() {
        String doomed = contactOwnedBy(rep, "erase-me@rep.example");
        assertEquals(204, admin.delete("/api/contacts/" + doomed + "?erase=true").status());
        assertEquals(404, admin.get("/api/contacts/" + doomed).status());
        assertEquals(201, admin.post("/api/api-keys", "{\"name\": \"script\", \"role\": \"manager\"}").status());
    }

    @Test
    void a_manager_can_reassign_a_reps_contact_but_a_rep_cannot_give_theirs_away() {
        String mine = contactOwnedBy(rep, "handover@rep.example");
        String managerId = manager.get("/api/auth/me").json().get("id").asText();
        assertEquals(403, rep.patch("/api/contacts/" + mine, "{\"ownerId\": \"" + managerId + "\"}").status());
        ApiClient.Response reassigned = manager.patch("/api/contacts/" + mine, "{\"ownerId\": \"" + managerId + "\"}");
        assertEquals(managerId, reassigned.json().get("ownerId").asText());
        assertEquals(403, rep.patch("/api/contacts/" + mine, "{\"title\": \"now not mine\"}").status());
    }
}
