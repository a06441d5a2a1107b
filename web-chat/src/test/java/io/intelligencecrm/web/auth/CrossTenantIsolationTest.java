package io.intelligencecrm.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.tools.proposal.DeleteContactHandler;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.OtherTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cross-tenant matrix: every API route that takes an id, called by tenant A's admin with tenant
 * B's ids, answers 404 exactly like a missing id; every list shows none of B's rows.
 */
@CrmApplicationTest
class CrossTenantIsolationTest {
    private static CrmApplication application;
    private static ApiClient intruder;
    private static Map<String, String> victimIds;
    private static final String victimEmail = "secret.person@victim.example";
    private static String ownContact;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        OtherTenant.create(application, "victim");
        ApiClient victim = OtherTenant.login(application, "victim", Role.ADMIN);
        String company = victim.post("/api/companies", "{\"name\": \"Victim Industries\"}").json().get("id").asText();
        String contact = victim.post("/api/contacts", "{\"firstName\": \"Secret\", \"lastName\": \"Person\", \"email\": \""
                + victimEmail + "\", \"companyId\": \"" + company + "\"}").json().get("id").asText();
        String deal = victim.post("/api/deals", "{\"name\": \"Victim deal\", \"amount\": 1000, \"contactId\": \""
                + contact + "\"}").json().get("id").asText();
        String interaction = victim.post("/api/interactions", "{\"contactId\": \"" + contact
                + "\", \"type\": \"note\", \"content\": \"confidential pricing\"}").json().get("id").asText();
        String user = victim.get("/api/auth/me").json().get("id").asText();
        String key = victim.post("/api/api-keys", "{\"name\": \"k\", \"role\": \"rep\"}").json().at("/key/id").asText();
        String conversation = victim.post("/api/conversations", "{\"title\": \"Victim plans\"}").json().get("id")
                .asText();
        TenantId victimTenant = application.services().directory().findBySlugOrDomain("victim").orElseThrow()
                .tenantId();
        String proposal = application.agent().proposals().propose(Actor.user(victimTenant, UUID.fromString(user),
                        Role.ADMIN), UUID.fromString(conversation), DeleteContactHandler.ACTION,
                Map.of("contactId", contact), "Delete contact Secret Person").id().toString();
        String document = application.knowledge().documents().upload(Actor.user(victimTenant, UUID.fromString(user),
                Role.ADMIN), "victim-plan.md", "Victim plan", "# Victim plan\n\nConfidential expansion into Mars."
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).id().toString();
        application.dispatcher().drain();
        String workflow = victim.post("/api/workflows", "{\"name\": \"Victim flow\", \"activate\": true, "
                + "\"definition\": {\"trigger\": {\"type\": \"manual\"}, \"steps\": [{\"id\": \"n\", "
                + "\"type\": \"notify\", \"title\": \"hi\"}]}}").json().get("id").asText();
        String run = victim.post("/api/workflows/" + workflow + "/run", "{}").json().get("id").asText();
        String rescoring = victim.post("/api/scoring/rescore", "{}").json().get("id").asText();
        String task = application.scheduler().tasks().create(Actor.user(victimTenant, UUID.fromString(user), Role.ADMIN),
                "Victim task", "", null, null, null, "test").id().toString();
        // Disabled at once, and at a name that never resolves: nothing is ever sent anywhere.
        String webhook = victim.post("/api/webhooks", "{\"url\": \"https://hooks.invalid/crm\", \"events\": [\"*\"]}")
                .json().at("/subscription/id").asText();
        victim.patch("/api/webhooks/" + webhook, "{\"active\": false}");
        victimIds = Map.ofEntries(Map.entry("tasks", task), Map.entry("webhooks", webhook),
                Map.entry("contacts", contact), Map.entry("companies", company),
                Map.entry("deals", deal), Map.entry("interactions", interaction), Map.entry("users", user),
                Map.entry("api-keys", key), Map.entry("conversations", conversation), Map.entry("proposals", proposal),
                Map.entry("knowledge", document), Map.entry("workflows", workflow), Map.entry("workflow-runs", run),
                Map.entry("scoring", rescoring));
        intruder = DemoLogins.as(application, Role.ADMIN);
        ownContact = intruder.post("/api/contacts", "{\"firstName\": \"Own\"}").json().get("id").asText();
    }

    @Test
    void every_route_with_another_tenants_id_answers_not_found() {
        List<String> checked = new ArrayList<>();
        for (String endpoint : application.endpoints()) {
            String[] parts = endpoint.split(" ", 2);
            String method = parts[0];
            String path = parts[1];
            if (!path.startsWith("/api/") || !path.contains("{id}")) continue;
            String resource = path.split("/")[2];
            String id = victimIds.get(resource);
            assertTrue(id != null, "no victim id for " + endpoint + ": extend this test");
            String body = path.endsWith("/merge") ? "{\"duplicateId\": \"" + ownContact + "\"}"
                    : resource.equals("conversations") ? "{\"title\": \"Mine now\"}"
                    : path.endsWith("/approve") ? "{\"argumentsHash\": \"" + "0".repeat(64) + "\"}"
                    : path.endsWith("/revise") ? "{\"arguments\": {\"subject\": \"Mine now\"}}" : "{}";
            // A second path id (a webhook's delivery) is any id: the first one already belongs to another tenant.
            String url = path.replace("{id}", id).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            ApiClient.Response response = intruder.send(method, url,
                    method.equals("GET") || method.equals("DELETE") ? null : body, "application/json");
            assertEquals(404, response.status(), endpoint + " -> " + response.body());
            checked.add(endpoint);
        }
        assertTrue(checked.size() >= 20, "checked " + checked);
    }

    @Test
    void merging_another_tenants_contact_into_ones_own_is_not_found() {
        ApiClient.Response response = intruder.post("/api/contacts/" + ownContact + "/merge",
                "{\"duplicateId\": \"" + victimIds.get("contacts") + "\"}");
        assertEquals(404, response.status());
    }

    @Test
    void erasing_another_tenants_contact_is_not_found_too() {
        assertEquals(404, intruder.delete("/api/contacts/" + victimIds.get("contacts") + "?erase=true").status());
    }

    @Test
    void lists_and_searches_never_show_another_tenants_rows() {
        for (String path : List.of("/api/contacts?q=secret", "/api/contacts?limit=100", "/api/companies?q=victim",
                "/api/deals?q=victim", "/api/interactions?q=confidential", "/api/users", "/api/api-keys",
                "/api/audit?limit=200", "/api/deals/pipeline", "/api/contacts/export.csv?q=secret", "/api/conversations",
                "/api/proposals", "/api/knowledge", "/api/search?q=confidential%20victim%20plan",
                "/api/search?q=Secret%20Person&types=contact,interaction,document", "/api/workflows",
                "/api/notifications", "/api/tasks", "/api/outreach/captured", "/api/outreach/suppressions", "/api/webhooks")) {
            ApiClient.Response response = intruder.get(path);
            assertEquals(200, response.status(), path);
            for (String id : victimIds.values()) assertFalse(response.body().contains(id), path + " leaked " + id);
            assertFalse(response.body().contains(victimEmail), path);
            assertFalse(response.body().contains("Victim"), path);
        }
    }

    @Test
    void linking_to_another_tenants_records_is_refused() {
        ApiClient.Response contact = intruder.post("/api/contacts", "{\"firstName\": \"Link\", \"companyId\": \""
                + victimIds.get("companies") + "\"}");
        assertEquals(400, contact.status());
        assertEquals("no such company", contact.json().at("/errors/companyId").asText());
        ApiClient.Response interaction = intruder.post("/api/interactions", "{\"contactId\": \""
                + victimIds.get("contacts") + "\", \"type\": \"note\", \"content\": \"x\"}");
        assertEquals(400, interaction.status());
        ApiClient.Response duplicate = intruder.post("/api/contacts", "{\"firstName\": \"Dup\", \"email\": \""
                + victimEmail + "\"}");
        assertEquals(201, duplicate.status(), "the same email in another tenant is not a duplicate");
    }
}
