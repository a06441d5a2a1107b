package io.intelligencecrm.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.json.Json;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The documented JSON schema and the validator name the same triggers and steps. */
class WorkflowSchemaTest {

    @Test
    void the_documented_schema_lists_exactly_the_triggers_and_steps_the_validator_accepts() throws Exception {
        JsonNode schema;
        try (InputStream in = WorkflowDefinition.class.getResourceAsStream("/workflow/workflow-schema.json")) {
            schema = Json.mapper().readTree(in);
        }
        Set<String> triggers = new TreeSet<>();
        schema.at("/properties/trigger/oneOf").forEach(t -> triggers.add(t.at("/properties/type/const").asText()));
        Set<String> steps = new TreeSet<>();
        schema.at("/properties/steps/items/oneOf").forEach(s -> steps.add(s.at("/properties/type/const").asText()));
        assertEquals(new TreeSet<>(WorkflowDefinition.TRIGGERS), triggers);
        assertEquals(new TreeSet<>(WorkflowDefinition.STEP_TYPES), steps);
    }

    @Test
    void a_notify_step_may_name_a_slack_target_the_owner_or_a_channel_id() {
        for (String target : List.of("owner", "C0123ABCD", "G0PRIVATE1")) {
            WorkflowDefinition.parse(notifying(target));
        }
        CrmException refused = assertThrows(CrmException.class, () -> WorkflowDefinition.parse(notifying("#general")));
        assertTrue(refused.fieldErrors().containsKey("definition.steps[0].slack"), refused.fieldErrors().toString());
    }

    private static Map<String, Object> notifying(String slack) {
        return Map.of("trigger", Map.of("type", "manual"),
                "steps", List.of(Map.of("id", "tell", "type", "notify", "title", "Hi", "slack", slack)));
    }
}
