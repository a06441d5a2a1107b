package io.intelligencecrm.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A definition is checked against the published schema and for meaning, every problem at its own field. */
class WorkflowDefinitionTest {

    @Test
    void a_valid_definition_parses_with_its_trigger_and_steps() {
        WorkflowDefinition definition = WorkflowDefinition.parse(Map.of(
                "schemaVersion", 1,
                "trigger", Map.of("type", "cron", "cron", "0 0 16 ? * FRI", "timezone", "Europe/Berlin"),
                "steps", List.of(Map.of("id", "leads", "type", "report", "report", "new_leads", "days", 7),
                        Map.of("id", "mail", "type", "send_email", "to", "owner", "subject", "Leads", "body", "x"))));
        assertEquals("cron", definition.trigger().type());
        assertEquals("mail", definition.following(definition.step("leads")));
    }

    @Test
    void structural_mistakes_are_reported_at_their_fields_from_the_schema() {
        Map<String, String> errors = refused(Map.of(
                "trigger", Map.of("type", "deal_idle", "days", 400),
                "steps", List.of(
                        Map.of("id", "a", "type", "send_email", "to", "everyone", "subject", "s".repeat(201)),
                        Map.of("id", "b c", "type", "condition", "if", Map.of("field", "record.x", "op", "about")),
                        Map.of("id", "d", "type", "update_record", "fields", Map.of()))));
        assertTrue(errors.keySet().containsAll(Set.of("definition.trigger.days", "definition.steps[0].to",
                "definition.steps[0].subject", "definition.steps[0].body", "definition.steps[1].id",
                "definition.steps[1].if.op", "definition.steps[1].then", "definition.steps[2].fields")), errors.toString());
    }

    @Test
    void what_a_schema_cannot_say_is_checked_too() {
        Map<String, String> errors = refused(Map.of(
                "trigger", Map.of("type", "cron", "cron", "every friday", "timezone", "Mars/Olympus"),
                "steps", List.of(
                        Map.of("id", "a", "type", "wait", "duration", "P2Y"),
                        Map.of("id", "a", "type", "notify", "title", "  ", "next", "nowhere"))),
                cron -> false);
        assertTrue(errors.keySet().containsAll(Set.of("definition.trigger.cron", "definition.trigger.timezone",
                "definition.steps[0].duration", "definition.steps[1].id", "definition.steps[1].title",
                "definition.steps[1]")), errors.toString());
    }

    @Test
    void unknown_types_and_missing_parts_say_what_is_expected() {
        Map<String, String> errors = refused(Map.of("trigger", Map.of("type", "hourly"), "steps", List.of(
                Map.of("id", "a", "type", "dance"))));
        assertTrue(errors.get("definition.trigger.type").contains("cron"), errors.toString());
        assertTrue(errors.get("definition.steps[0].type").contains("send_email"), errors.toString());
        assertTrue(refused(Map.of("steps", List.of())).keySet().containsAll(Set.of("definition.trigger",
                "definition.steps")));
    }

    private static Map<String, String> refused(Map<String, Object> definition) {
        return refused(definition, cron -> true);
    }

    private static Map<String, String> refused(Map<String, Object> definition,
                                               java.util.function.Predicate<String> cronAccepted) {
        return assertThrows(CrmException.class, () -> WorkflowDefinition.parse(definition, cronAccepted)).fieldErrors();
    }
}
