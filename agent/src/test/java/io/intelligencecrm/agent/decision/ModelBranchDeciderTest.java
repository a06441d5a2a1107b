package io.intelligencecrm.agent.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.agent.model.ModelProviders;
import io.intelligencecrm.agent.testing.ScriptedOpenAiServer;
import io.intelligencecrm.agent.testing.ScriptedReply;
import io.intelligencecrm.agent.testing.TestModelSettings;
import io.intelligencecrm.core.config.AgentSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real model decides through structured output: a JSON schema whose branch is an enum of the declared ones. */
class ModelBranchDeciderTest {
    private final ScriptedOpenAiServer server = new ScriptedOpenAiServer();
    private final ModelBranchDecider decider = new ModelBranchDecider(ModelProviders.streaming(
            TestModelSettings.pointingAt(AgentSettings.Provider.OPENAI, server.baseUrl(), "sk-test")), Duration.ofSeconds(10));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_request_constrains_the_answer_to_the_declared_branches_and_the_reason_is_kept() {
        server.enqueue(ScriptedReply.text("{\"branch\": \"lead\", \"reason\": \"The lifecycle stage is lead.\"}"));
        BranchChoice choice = decider.decide("Customer or lead?", Map.of("email", "eve@customer.example",
                "lifecycleStage", "lead"), List.of("customer", "lead"));
        assertEquals("lead", choice.branch());
        assertEquals("The lifecycle stage is lead.", choice.reason());

        JsonNode format = server.lastRequest().body().path("response_format");
        assertEquals("json_schema", format.path("type").asText(), format.toString());
        JsonNode branch = format.path("json_schema").path("schema").path("properties").path("branch");
        assertEquals(List.of("customer", "lead", ModelBranchDecider.UNDECIDED),
                List.of(branch.path("enum").get(0).asText(), branch.path("enum").get(1).asText(),
                        branch.path("enum").get(2).asText()));
        assertTrue(server.lastRequest().lastUserText().contains("\"lifecycleStage\" : \"lead\""));
    }

    @Test
    void free_text_an_undeclared_branch_or_no_decision_is_unclear() {
        server.enqueue(ScriptedReply.text("It is a customer, see customer.example"),
                ScriptedReply.text("{\"branch\": \"partner\", \"reason\": \"x\"}"),
                ScriptedReply.text("{\"branch\": \"" + ModelBranchDecider.UNDECIDED + "\", \"reason\": \"no data\"}"));
        for (int i = 0; i < 3; i++) {
            assertFalse(decider.decide("Customer or lead?", Map.of(), List.of("customer", "lead")).clear());
        }
    }
}
