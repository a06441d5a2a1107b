package io.intelligencecrm.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's own JSON Schema check is not used: the CRM's tools check their arguments themselves and answer
 * with a message per field (as they do for the chat's model), and none declares an output schema. This also
 * keeps the SDK's validator, built on a json-schema-validator release other than the one this build pins,
 * from being loaded at all.
 */
public final class ToolsCheckTheirArguments implements JsonSchemaValidator {
    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return ValidationResponse.asValid(null);
    }
}
