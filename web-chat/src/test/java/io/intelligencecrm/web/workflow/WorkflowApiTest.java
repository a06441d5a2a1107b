package io.intelligencecrm.web.workflow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import io.intelligencecrm.web.testing.DemoLogins;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workflow lifecycle through the REST API, on the running application with its scheduler. */
@CrmApplicationTest(environment = {"CRM_MAIL_DISPATCH_MILLIS=100"})
class WorkflowApiTest {
    private static final String DEFINITION = """
            {"trigger": {"type": "manual"},
             "steps": [{"id": "remind", "type": "create_task", "title": "Review the pipeline", "dueIn": "P1D"},
                       {"id": "pause", "type": "wait", "duration": "P1D"},
                       {"id": "tell", "type": "notify", "title": "Reviewed?"}]}""";
    private static CrmApplication application;
    private static ApiClient rep;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        rep = DemoLogins.as(application, Role.REP);
    }

    @Test
    void a_workflow_about_a_deal_is_not_run_by_hand_on_no_deal() {
        ApiClient.Response created = rep.post("/api/workflows", """
                {"name": "Quiet deal nudge", "activate": true, "definition": {"trigger": {"type": "deal_idle", "days": 14},
                 "steps": [{"id": "nudge", "type": "create_task", "title": "Follow up on {{recordName}}", "dueIn": "P1D"}]}}""");
        assertEquals(201, created.status(), created.body());
        ApiClient.Response run = rep.post("/api/workflows/" + created.json().get("id").asText() + "/run", "{}");
        assertEquals(409, run.status(), run.body());
        assertTrue(run.json().path("trigger").asText().contains("deal goes quiet"), run.body());
        for (JsonNode task : rep.get("/api/tasks").json()) {
            assertFalse(task.get("title").asText().startsWith("Follow up on"), "no task about no deal: " + task);
        }
    }

    @Test
    void a_workflow_is_created_run_paused_resumed_cancelled_and_deleted() throws Exception {
        ApiClient.Response created = rep.post("/api/workflows",
                "{\"name\": \"Weekly review\", \"definition\": " + DEFINITION + "}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals("draft", created.json().get("status").asText());
        assertEquals(409, rep.post("/api/workflows/" + id + "/run", "{}").status(), "a draft must be confirmed first");
        assertEquals("active", rep.post("/api/workflows/" + id + "/activate", "{}").json().get("status").asText());

        String runId = rep.post("/api/workflows/" + id + "/run", "{}").json().get("id").asText();
        JsonNode run = await("the run is waiting").atMost(Duration.ofSeconds(10))
                .until(() -> rep.get("/api/workflow-runs/" + runId).json(),
                        state -> state.get("status").asText().equals("waiting"));
        assertEquals("remind", run.at("/steps/0/id").asText());
        JsonNode task = rep.get("/api/tasks").json().get(0);
        assertEquals("Review the pipeline", task.get("title").asText());
        String taskId = task.get("id").asText();
        assertEquals(200, DemoLogins.as(application, Role.MANAGER).get("/api/tasks/" + taskId).status(),
                "a manager sees the team's tasks");
        assertTrue(rep.post("/api/tasks/" + taskId + "/done", "{}").json().hasNonNull("doneAt"));
        assertFalse(rep.get("/api/tasks").body().contains("Review the pipeline"), "a done task is no longer open");

        assertEquals("cancelled", rep.post("/api/workflow-runs/" + runId + "/cancel", "{}").json().get("status").asText());
        assertEquals(409, rep.post("/api/workflow-runs/" + runId + "/cancel", "{}").status());
        assertEquals("paused", rep.post("/api/workflows/" + id + "/pause", "{}").json().get("status").asText());
        assertEquals("active", rep.post("/api/workflows/" + id + "/resume", "{}").json().get("status").asText());
        assertEquals(1, rep.get("/api/workflows/" + id + "/runs").json().size());
        assertEquals(204, rep.delete("/api/workflows/" + id).status());
        assertEquals(404, rep.get("/api/workflows/" + id).status());
    }

    @Test
    void a_bad_definition_is_a_problem_with_field_messages() {
        ApiClient.Response refused = rep.post("/api/workflows", """
                {"name": "Broken", "definition": {"trigger": {"type": "cron", "cron": "fridays"},
                 "steps": [{"id": "x", "type": "teleport"}]}}""");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("definition.trigger.cron"), refused.body());
        assertTrue(refused.body().contains("definition.steps[0].type"), refused.body());
        assertEquals(200, rep.get("/api/workflow-schema").status());
    }

    @Test
    void another_users_workflow_is_not_found() {
        String id = rep.post("/api/workflows", "{\"name\": \"Mine\", \"definition\": " + DEFINITION + "}").json()
                .get("id").asText();
        assertEquals(404, DemoLogins.as(application, Role.MANAGER).get("/api/workflows/" + id).status());
        assertEquals(200, DemoLogins.as(application, Role.ADMIN).get("/api/workflows/" + id).status());
    }
}
