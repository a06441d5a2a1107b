package io.intelligencecrm.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.json.Json;
import java.io.InputStream;
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
}
