package io.intelligencecrm.web.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.PasswordHasher;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import io.intelligencecrm.web.testing.DemoLogins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmApplicationTest
class TasksApiTest {
    private static CrmApplication application;
    private static ApiClient rep;
    private static ApiClient manager;
    private static ApiClient viewer;
    private static String repId;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        rep = DemoLogins.as(application, Role.REP);
        manager = DemoLogins.as(application, Role.MANAGER);
        repId = rep.get("/api/auth/me").json().get("id").asText();
        TenantId demo = application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId();
        new UserRepository(application.database().tenants()).create(demo, "vera@demo.example", "Vera Viewer",
                Role.VIEWER, "UTC", new PasswordHasher().hash("viewer-pass-1234"));
        viewer = ApiClient.login(application.url(), DemoData.SLUG, "vera@demo.example", "viewer-pass-1234");
    }

    @Test
    void a_rep_creates_changes_completes_reopens_and_deletes_a_task() {
        ApiClient.Response created = rep.post("/api/tasks", "{\"title\": \"Send the contract\", \"dueAt\": \"2026-05-01\"}");
        assertEquals(201, created.status(), created.body());
        JsonNode task = created.json();
        String id = task.get("id").asText();
        assertTrue(task.get("allDay").asBoolean());
        assertEquals(repId, task.get("assigneeId").asText());

        JsonNode changed = rep.patch("/api/tasks/" + id, "{\"title\": \"Send the signed contract\", \"dueAt\": "
                + "\"2026-05-01T15:00:00Z\"}").json();
        assertEquals("Send the signed contract", changed.get("title").asText());
        assertEquals("2026-05-01T15:00:00Z", changed.get("dueAt").asText());
        assertFalse(changed.get("allDay").asBoolean());

        assertFalse(rep.post("/api/tasks/" + id + "/done", "{}").json().get("doneAt").isNull());
        assertFalse(rep.get("/api/tasks").body().contains(id), "a done task is not open");
        assertTrue(rep.get("/api/tasks?status=done").body().contains(id));
        assertTrue(rep.patch("/api/tasks/" + id, "{\"done\": false}").json().get("doneAt").isNull());
        assertEquals(204, rep.delete("/api/tasks/" + id).status());
        assertEquals(404, rep.get("/api/tasks/" + id).status());
    }

    @Test
    void bad_input_is_a_problem_with_a_message_per_field() {
        ApiClient.Response refused = rep.post("/api/tasks", "{\"dueAt\": \"soon\", \"contactId\": \"nobody\"}");
        assertEquals(400, refused.status());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        JsonNode errors = refused.json().get("errors");
        assertEquals("is required", errors.get("title").asText());
        assertTrue(errors.get("dueAt").asText().contains("2026-05-01T15:00"), errors.toString());
        assertTrue(errors.has("contactId"));
        assertEquals(400, rep.get("/api/tasks?status=someday").status());
    }

    @Test
    void managers_handle_the_teams_tasks_reps_their_own_and_viewers_only_read() {
        String forRep = manager.post("/api/tasks", "{\"title\": \"Call the new lead\", \"assigneeId\": \"" + repId
                + "\"}").json().get("id").asText();
        assertTrue(rep.get("/api/tasks").body().contains(forRep), "the rep sees a task given to them");
        String managersOwn = manager.post("/api/tasks", "{\"title\": \"Plan the quarter\"}").json().get("id").asText();
        assertEquals(404, rep.get("/api/tasks/" + managersOwn).status());
        assertEquals(404, rep.post("/api/tasks/" + managersOwn + "/done", "{}").status());
        assertEquals(403, rep.get("/api/tasks?mine=false").status());
        assertEquals(400, rep.post("/api/tasks", "{\"title\": \"x\", \"assigneeId\": \""
                + manager.get("/api/auth/me").json().get("id").asText() + "\"}").status());

        JsonNode team = manager.get("/api/tasks?mine=false").json();
        assertTrue(team.toString().contains(forRep) && team.toString().contains(managersOwn));
        assertEquals(200, manager.post("/api/tasks/" + forRep + "/done", "{}").status());

        assertTrue(viewer.get("/api/tasks?mine=false&status=all").body().contains(forRep));
        assertEquals(403, viewer.post("/api/tasks", "{\"title\": \"Mine\"}").status());
        assertEquals(403, viewer.patch("/api/tasks/" + managersOwn, "{\"title\": \"Mine\"}").status());
        assertEquals(403, viewer.delete("/api/tasks/" + managersOwn).status());
    }
}
