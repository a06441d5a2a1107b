package io.intelligencecrm.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The structural rules of a workflow definition, as the published JSON schema
 * ({@code workflow/workflow-schema.json}, also served at {@code GET /api/workflow-schema}) states them: required
 * fields, types, allowed values, lengths and ranges. A trigger or step is checked against the branch of the
 * schema for its type, so a mistake is reported at its own field rather than as "matches none of" the
 * alternatives. What a schema cannot say (ids unique, steps that exist, a cron the scheduler runs, durations)
 * stays in {@link WorkflowDefinition}. Thread-safe.
 */
final class WorkflowSchema {
    static final String RESOURCE = "/workflow/workflow-schema.json";
    private static final WorkflowSchema INSTANCE = load();

    /** The definition without its trigger and steps' contents: the envelope, then each part on its own. */
    private final Schema envelope;
    private final Map<String, Schema> triggers;
    private final Map<String, Schema> steps;

    private WorkflowSchema(Schema envelope, Map<String, Schema> triggers, Map<String, Schema> steps) {
        this.envelope = envelope;
        this.triggers = triggers;
        this.steps = steps;
    }

    static WorkflowSchema get() {
        return INSTANCE;
    }

    /** Adds a violation, at its field, for every structural problem of the definition. */
    void check(Map<String, Object> definition, Violations violations) {
        JsonNode node = Json.mapper().valueToTree(definition);
        report(envelope, node, "definition", violations);
        JsonNode trigger = node.path("trigger");
        Schema triggerSchema = triggers.get(trigger.path("type").asText());
        if (triggerSchema != null) report(triggerSchema, trigger, "definition.trigger", violations);
        JsonNode list = node.path("steps");
        for (int i = 0; i < list.size(); i++) {
            Schema stepSchema = steps.get(list.get(i).path("type").asText());
            if (stepSchema != null) report(stepSchema, list.get(i), "definition.steps[" + i + "]", violations);
        }
    }

    private static void report(Schema schema, JsonNode node, String at, Violations violations) {
        for (Error error : schema.validate(node)) {
            String field = at + path(error.getInstanceLocation());
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                violations.add(field + "." + error.getProperty(), "is required");
            } else {
                violations.add(field, error.getMessage() + hint(schema.getSchemaNode(), error.getInstanceLocation()));
            }
        }
    }

    /** The schema's own description of the field, e.g. "a step id, or 'end'", after a bare message. */
    private static String hint(JsonNode schema, NodePath location) {
        JsonNode field = schema;
        for (int i = 0; i < location.getNameCount(); i++) {
            field = location.getElement(i) instanceof Integer ? field.path("items") : field.path("properties")
                    .path(String.valueOf(location.getElement(i)));
        }
        String description = field.path("description").asText("");
        return location.getNameCount() == 0 || description.isEmpty() ? "" : " (" + description + ")";
    }

    /** ".steps[2].if.op" from the validator's node path. */
    private static String path(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) path.append('[').append(index).append(']');
            else path.append('.').append(element);
        }
        return path.toString();
    }

    private static WorkflowSchema load() {
        JsonNode root;
        try (InputStream in = WorkflowSchema.class.getResourceAsStream(RESOURCE)) {
            root = Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The workflow schema could not be read", e);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        ObjectNode envelope = root.deepCopy();
        ((ObjectNode) envelope.path("properties")).putObject("trigger").put("type", "object");
        ((ObjectNode) envelope.path("properties").path("steps")).putObject("items").put("type", "object");
        return new WorkflowSchema(registry.getSchema(envelope),
                byType(registry, root.at("/properties/trigger/oneOf")),
                byType(registry, root.at("/properties/steps/items/oneOf")));
    }

    private static Map<String, Schema> byType(SchemaRegistry registry, JsonNode alternatives) {
        Map<String, Schema> byType = new HashMap<>();
        for (JsonNode alternative : alternatives) {
            byType.put(alternative.at("/properties/type/const").asText(), registry.getSchema(alternative));
        }
        return Map.copyOf(byType);
    }
}
