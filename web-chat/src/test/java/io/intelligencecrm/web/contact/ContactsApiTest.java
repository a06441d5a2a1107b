package io.intelligencecrm.web.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import io.intelligencecrm.web.testing.DemoLogins;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmApplicationTest
class ContactsApiTest {
    private static CrmApplication application;
    private static ApiClient admin;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        admin = DemoLogins.as(application, Role.ADMIN);
    }

    private static JsonNode create(String json) {
        ApiClient.Response response = admin.post("/api/contacts", json);
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    @Test
    void a_short_company_name_with_the_companys_email_domain_joins_the_existing_company() {
        int before = admin.get("/api/companies?q=acme&limit=100").json().path("items").size();
        JsonNode contact = create("""
                {"firstName": "Jana", "lastName": "Dvorak", "email": "jana.dvorak@acme.example", "companyName": "Acme"}""");
        assertEquals("Acme Corporation", contact.get("companyName").asText());
        assertEquals(before, admin.get("/api/companies?q=acme&limit=100").json().path("items").size(), "no second Acme");
    }

    @Test
    void creates_a_contact_with_a_company_found_by_name_and_shows_its_details() {
        JsonNode contact = create("""
                {"firstName": "Jane", "lastName": "Doe", "email": "Jane.Doe@Acme.example", "companyName": "acme corporation",
                 "title": "VP Sales", "custom": {"seats": 40, "trial": true, "plan": "pro"}}""");
        assertEquals("jane.doe@acme.example", contact.get("email").asText());
        assertEquals("Acme Corporation", contact.get("companyName").asText(), "existing company matched by name");
        assertEquals(40, contact.at("/custom/seats").asInt());
        String id = contact.get("id").asText();
        admin.post("/api/interactions", "{\"contactId\": \"" + id + "\", \"type\": \"call\", \"content\": \"Asked for pricing\"}");
        admin.post("/api/deals", "{\"name\": \"Acme pilot\", \"amount\": 5000, \"contactId\": \"" + id + "\"}");
        JsonNode details = admin.get("/api/contacts/" + id).json();
        assertEquals("Acme Corporation", details.at("/company/name").asText());
        assertEquals("Asked for pricing", details.at("/recentInteractions/0/content").asText());
        assertEquals("Acme pilot", details.at("/openDeals/0/name").asText());
        assertEquals(id, details.at("/openDeals/0/contactId").asText());
    }

    @Test
    void invalid_fields_are_all_reported_and_nothing_is_written() {
        ApiClient.Response response = admin.post("/api/contacts", """
                {"firstName": "Bad", "email": "not-an-email", "lifecycleStage": "hot", "custom": {"nested": {"a": 1}},
                 "favouriteColour": "blue"}""");
        assertEquals(400, response.status());
        JsonNode errors = response.json().get("errors");
        assertEquals("must be a valid email address", errors.get("email").asText());
        assertTrue(errors.get("lifecycleStage").asText().contains("lead, qualified, customer, lost"));
        assertTrue(errors.get("custom.nested").asText().contains("unsupported attribute type"));
        assertEquals("is not a known field", errors.get("favouriteColour").asText());
        assertEquals(0, admin.get("/api/contacts?q=not-an-email").json().get("items").size());
    }

    @Test
    void malformed_json_and_oversized_payloads_get_problem_responses() {
        ApiClient.Response malformed = admin.post("/api/contacts", "{\"firstName\": ");
        assertEquals(400, malformed.status());
        assertTrue(malformed.json().at("/errors/body").asText().startsWith("is not valid JSON"));
        String huge = "{\"firstName\": \"" + "x".repeat(26 * 1024 * 1024) + "\"}";
        ApiClient.Response tooBig = admin.post("/api/contacts", huge);
        assertEquals(413, tooBig.status());
    }

    @Test
    void a_duplicate_email_answers_409_with_the_existing_id() {
        String id = create("{\"firstName\": \"Only\", \"email\": \"only.once@example.org\"}").get("id").asText();
        ApiClient.Response duplicate = admin.post("/api/contacts", "{\"firstName\": \"Again\", \"email\": \"ONLY.once@example.org\"}");
        assertEquals(409, duplicate.status());
        assertEquals(id, duplicate.json().get("existingId").asText());
    }

    @Test
    void patch_changes_only_given_fields_and_null_clears() {
        String id = create("{\"firstName\": \"Pat\", \"lastName\": \"Ch\", \"phone\": \"+1 555 0100\", \"title\": \"CEO\","
                + " \"custom\": {\"a\": 1, \"b\": 2}}").get("id").asText();
        JsonNode updated = admin.patch("/api/contacts/" + id, "{\"title\": null, \"lifecycleStage\": \"qualified\","
                + " \"custom\": {\"a\": null, \"c\": \"x\"}}").json();
        assertTrue(updated.get("title").isNull());
        assertEquals("+1 555 0100", updated.get("phone").asText());
        assertEquals("qualified", updated.get("lifecycleStage").asText());
        assertFalse(updated.get("custom").has("a"));
        assertEquals(2, updated.at("/custom/b").asInt());
        JsonNode audit = admin.get("/api/audit?entityType=contact&entityId=" + id).json();
        assertEquals("contact.update", audit.get(0).get("action").asText());
        assertTrue(audit.get(0).at("/diff/lifecycle_stage").toString().contains("qualified"));
    }

    @Test
    void keyset_pages_cover_every_contact_exactly_once() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = admin.get("/api/contacts?limit=37&sort=name" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode contact : page.get("items")) assertTrue(seen.add(contact.get("id").asText()), "no repeats");
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertTrue(seen.size() >= 200, "all demo contacts, got " + seen.size());
        assertTrue(pages >= 6);
        assertEquals(400, admin.get("/api/contacts?limit=500").status());
        assertEquals(400, admin.get("/api/contacts?cursor=garbage").status());
    }

    @Test
    void a_list_page_goes_out_in_one_piece_with_its_length() {
        ApiClient.Response page = admin.get("/api/contacts?limit=20");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("application/json"));
        assertEquals(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                Integer.parseInt(page.header("Content-Length")));
        assertEquals(20, page.json().get("items").size());
    }

    @Test
    void filters_combine_and_q_matches_names_and_company() {
        JsonNode byCompany = admin.get("/api/contacts?q=globex&limit=100").json().get("items");
        assertTrue(byCompany.size() >= 5);
        for (JsonNode contact : byCompany) assertEquals("Globex", contact.get("companyName").asText());
        JsonNode leads = admin.get("/api/contacts?stage=lead&hasEmail=true&limit=100").json().get("items");
        for (JsonNode contact : leads) assertEquals("lead", contact.get("lifecycleStage").asText());
        JsonNode plan = admin.get("/api/contacts?custom.plan_interest=enterprise&limit=100").json().get("items");
        assertTrue(plan.size() > 0);
        for (JsonNode contact : plan) assertEquals("enterprise", contact.at("/custom/plan_interest").asText());
        ApiClient.Response badFilter = admin.get("/api/contacts?createdFrom=yesterday&ownerId=42");
        assertEquals(400, badFilter.status());
        assertEquals(2, badFilter.json().get("errors").size());
    }

    @Test
    void score_range_filters_on_the_latest_score() {
        String id = create("{\"firstName\": \"Scored\", \"email\": \"scored@example.org\"}").get("id").asText();
        application.database().tenants().useTenant(DemoTenant.id(application), handle -> handle.createUpdate("""
                insert into lead_scores (tenant_id, contact_id, score, model_version, calculated_at)
                values (crm_current_tenant(), :id, 40, 't', now() - interval '1 day'),
                       (crm_current_tenant(), :id, 91.5, 't', now())""").bind("id", UUID.fromString(id)).execute());
        JsonNode hot = admin.get("/api/contacts?scoreMin=90&limit=100").json().get("items");
        assertEquals(1, hot.size());
        assertEquals(91.5, hot.get(0).get("score").asDouble());
        assertEquals(0, admin.get("/api/contacts?scoreMax=50&q=scored").json().get("items").size());
        assertEquals(91.5, admin.get("/api/contacts/" + id).json().at("/latestScore/score").asDouble());
    }

    @Test
    void soft_delete_hides_and_restore_brings_back() {
        String id = create("{\"firstName\": \"Tmp\", \"email\": \"tmp.person@example.org\"}").get("id").asText();
        assertEquals(204, admin.delete("/api/contacts/" + id).status());
        assertEquals(404, admin.get("/api/contacts/" + id).status());
        assertEquals(0, admin.get("/api/contacts?q=tmp.person").json().get("items").size());
        assertEquals(1, admin.get("/api/contacts?q=tmp.person&deleted=true").json().get("items").size());
        assertEquals(201, admin.post("/api/contacts", "{\"firstName\": \"New\", \"email\": \"tmp.person@example.org\"}").status(),
                "a deleted contact's email is free again");
        assertEquals(409, admin.post("/api/contacts/" + id + "/restore", "{}").status(), "restore would duplicate the email");
    }

    @Test
    void merge_moves_interactions_deals_and_scores_to_the_survivor() {
        String survivor = create("{\"firstName\": \"Sam\", \"lastName\": \"Merge\", \"email\": \"sam.merge@example.org\"}")
                .get("id").asText();
        String duplicate = create("{\"firstName\": \"Samuel\", \"lastName\": \"Merge\", \"email\": \"sam.m@example.org\","
                + " \"phone\": \"+44 20 1234\", \"custom\": {\"source_system\": \"legacy\"}}").get("id").asText();
        admin.post("/api/interactions", "{\"contactId\": \"" + duplicate + "\", \"type\": \"meeting\", \"content\": \"Met at expo\"}");
        admin.post("/api/deals", "{\"name\": \"Merge deal\", \"contactId\": \"" + duplicate + "\", \"amount\": 100}");
        application.database().tenants().useTenant(DemoTenant.id(application), handle -> handle.createUpdate("""
                insert into lead_scores (tenant_id, contact_id, score, model_version)
                values (crm_current_tenant(), :id, 55, 't')""").bind("id", UUID.fromString(duplicate)).execute());
        ApiClient.Response merged = admin.post("/api/contacts/" + survivor + "/merge", "{\"duplicateId\": \"" + duplicate + "\"}");
        assertEquals(200, merged.status(), merged.body());
        assertEquals("+44 20 1234", merged.json().get("phone").asText(), "blank fields filled from the duplicate");
        assertEquals("legacy", merged.json().at("/custom/source_system").asText());
        JsonNode details = admin.get("/api/contacts/" + survivor).json();
        assertEquals("Met at expo", details.at("/recentInteractions/0/content").asText());
        assertEquals("Merge deal", details.at("/openDeals/0/name").asText());
        assertEquals(55, details.at("/latestScore/score").asInt());
        assertEquals(404, admin.get("/api/contacts/" + duplicate).status());
    }

    @Test
    void erasure_removes_the_person_and_what_derives_from_them_and_keeps_only_the_fact() {
        String id = create("{\"firstName\": \"Erin\", \"lastName\": \"Erased\", \"email\": \"erin.erased@example.org\"}")
                .get("id").asText();
        String note = admin.post("/api/interactions", "{\"contactId\": \"" + id
                + "\", \"type\": \"note\", \"content\": \"Erin's private phone is 555-9999\"}").json().get("id").asText();
        String deal = admin.post("/api/deals", "{\"name\": \"Erin deal\", \"contactId\": \"" + id + "\"}").json().get("id").asText();
        assertEquals(204, admin.delete("/api/contacts/" + id + "?erase=true").status());
        assertEquals(404, admin.get("/api/contacts/" + id).status());
        assertEquals(404, admin.get("/api/interactions/" + note).status());
        assertTrue(admin.get("/api/deals/" + deal).json().get("contactId").isNull(), "the deal stays, without the person");
        JsonNode history = admin.get("/api/audit?entityType=contact&entityId=" + id).json();
        assertEquals("contact.erase", history.get(0).get("action").asText());
        String all = admin.get("/api/audit?limit=200").body();
        assertFalse(all.contains("erin.erased@example.org"), "no PII left in the audit trail");
        assertFalse(all.contains("555-9999"));
        assertNotEquals(0, history.size());
    }
}
