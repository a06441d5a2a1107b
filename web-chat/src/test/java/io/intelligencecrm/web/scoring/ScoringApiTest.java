package io.intelligencecrm.web.scoring;

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

@CrmApplicationTest
class ScoringApiTest {
    private static CrmApplication application;
    private static ApiClient manager;
    private static ApiClient rep;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        manager = DemoLogins.as(application, Role.MANAGER);
        rep = DemoLogins.as(application, Role.REP);
    }

    @Test
    void the_demo_teams_model_is_learned_from_its_closed_leads_and_reports_its_backtest() throws Exception {
        ApiClient.Response trained = manager.post("/api/scoring/model/train", "{}");
        assertEquals(200, trained.status(), trained.body());
        JsonNode model = manager.get("/api/scoring/model").json();

        assertEquals("logistic", model.get("method").asText(), model.toString());
        assertTrue(model.get("modelVersion").asText().startsWith("logistic-"));
        JsonNode backtest = model.get("backtest");
        assertTrue(backtest.get("auc").asDouble() > 0 && backtest.get("auc").asDouble() <= 1);
        assertTrue(backtest.get("brier").asDouble() >= 0);
        assertFalse(backtest.get("calibration").isEmpty());
        assertEquals(403, rep.post("/api/scoring/model/train", "{}").status(), "reps do not retrain");
    }

    @Test
    void rescoring_all_runs_in_the_background_and_scores_show_on_contact_lists_and_cards() throws Exception {
        ApiClient.Response started = manager.post("/api/scoring/rescore", "{}");
        assertEquals(202, started.status(), started.body());
        String job = started.json().get("id").asText();
        JsonNode progress = await("the rescoring job finished").atMost(Duration.ofSeconds(30))
                .until(() -> manager.get("/api/scoring/jobs/" + job).json(),
                        state -> !state.get("status").asText().equals("running"));
        assertEquals("succeeded", progress.get("status").asText(), progress.toString());
        assertTrue(progress.get("done").asInt() > 50);
        assertEquals(progress.get("total").asInt(), progress.get("done").asInt());

        JsonNode high = manager.get("/api/contacts?scoreMin=40&sort=score&limit=100").json().get("items");
        assertFalse(high.isEmpty());
        high.forEach(contact -> assertTrue(contact.get("score").asDouble() >= 40, contact.toString()));
        String id = high.get(0).get("id").asText();
        JsonNode card = manager.get("/api/contacts/" + id + "/score").json();
        assertEquals(high.get(0).get("score").asDouble(), card.at("/latest/score").asDouble(), 0.001);
        assertFalse(card.at("/latest/explanation/factors").isEmpty());
        assertFalse(card.at("/latest/explanation/rationale").asText().isBlank());
        assertFalse(card.get("history").isEmpty());

        JsonNode toCall = rep.get("/api/scoring/leads?limit=5").json();
        assertTrue(toCall.size() <= 5 && !toCall.isEmpty());
        for (int i = 1; i < toCall.size(); i++) {
            assertTrue(toCall.get(i - 1).get("score").asDouble() >= toCall.get(i).get("score").asDouble());
        }
    }

    @Test
    void scoring_one_contact_returns_its_evidence_and_keeps_history() {
        String id = manager.get("/api/contacts?stage=lead&limit=1").json().at("/items/0/id").asText();
        ApiClient.Response scored = rep.post("/api/contacts/" + id + "/score", "{}");
        assertEquals(200, scored.status(), scored.body());
        JsonNode explanation = scored.json().get("explanation");
        assertTrue(explanation.has("modelVersion") && explanation.has("confidence") && explanation.has("quality"));
        assertTrue(scored.json().get("score").asDouble() >= 0 && scored.json().get("score").asDouble() <= 100);
    }

    @Test
    void bad_parameters_get_field_level_problems_and_unknown_contacts_not_found() {
        ApiClient.Response days = manager.get("/api/scoring/drops?days=400");
        assertEquals(400, days.status(), days.body());
        assertTrue(days.body().contains("days"), days.body());
        assertEquals(404, manager.post("/api/contacts/00000000-0000-0000-0000-000000000001/score", "{}").status());
        assertEquals(200, manager.get("/api/scoring/drops").status());
    }
}
