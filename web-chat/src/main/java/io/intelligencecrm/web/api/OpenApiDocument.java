package io.intelligencecrm.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelligencecrm.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 description of the API, built from the route catalogue (operations) and a
 * hand-written resource (schemas), so every served route is documented by construction.
 */
public final class OpenApiDocument {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {
    }

    public static ObjectNode build(ApiRoutes routes, String serverUrl) {
        ObjectNode document = Json.mapper().createObjectNode();
        document.put("openapi", "3.1.0");
        document.putObject("info").put("title", "Intelligence CRM API").put("version", "1")
                .put("description", "Tenant-scoped CRM records, identity and the agent. Errors are "
                        + "application/problem+json (RFC 9457) with per-field messages in `errors`.");
        document.putArray("servers").addObject().put("url", serverUrl);
        document.putArray("security").addObject().putArray("bearer");
        ObjectNode paths = document.putObject("paths");
        for (ApiRoute route : routes.all()) {
            ObjectNode path = paths.has(route.path) ? (ObjectNode) paths.get(route.path) : paths.putObject(route.path);
            path.set(route.method, operation(route));
        }
        ObjectNode components = document.putObject("components");
        components.set("schemas", schemas());
        components.set("responses", errorResponses());
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "An access token from /api/auth/login, or an API key (crm_...)");
        return document;
    }

    private static ObjectNode operation(ApiRoute route) {
        ObjectNode operation = Json.mapper().createObjectNode();
        operation.putArray("tags").add(route.tag);
        operation.put("summary", route.summary);
        operation.put("operationId", route.method + route.path.replaceAll("[^A-Za-z0-9]+", "_"));
        if (route.description != null) operation.put("description", route.description);
        if (route.open) operation.putArray("security");
        ArrayNode parameters = operation.putArray("parameters");
        Matcher matcher = PATH_PARAMETER.matcher(route.path);
        while (matcher.find()) {
            parameters.addObject().put("name", matcher.group(1)).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string").put("format", "uuid");
        }
        for (ApiRoute.Parameter parameter : route.query) {
            ObjectNode node = parameters.addObject().put("name", parameter.name()).put("in", "query")
                    .put("description", parameter.description());
            node.set("schema", schemaOf(parameter.type()));
        }
        if (route.requestSchema != null) {
            operation.putObject("requestBody").put("required", true).putObject("content")
                    .putObject(route.requestContentType).set("schema", schemaOf(route.requestSchema));
        }
        ObjectNode responses = operation.putObject("responses");
        ObjectNode success = responses.putObject(String.valueOf(route.successStatus)).put("description", "Success");
        if (route.responseSchema != null) {
            success.putObject("content").putObject(route.responseContentType).set("schema", schemaOf(route.responseSchema));
        }
        for (ClientError error : ClientError.of(route)) {
            responses.putObject(String.valueOf(error.status())).put("$ref", "#/components/responses/" + error.name());
        }
        responses.putObject("4XX").put("$ref", "#/components/responses/OtherClientError");
        responses.putObject("default").put("$ref", "#/components/responses/ServerError");
        return operation;
    }

    /** Every possible error, once, as a problem+json response that operations refer to. */
    private static ObjectNode errorResponses() {
        ObjectNode responses = Json.mapper().createObjectNode();
        for (ClientError error : ClientError.values()) responses.set(error.name(), problem(error.description()));
        responses.set("OtherClientError", problem("Any other client error, such as a method this path does not"
                + " serve or a media type it does not accept"));
        responses.set("ServerError", problem("An unexpected server error or a dependency that is down (5XX)"));
        return responses;
    }

    private static ObjectNode problem(String description) {
        ObjectNode response = Json.mapper().createObjectNode().put("description", description);
        response.putObject("content").putObject("application/problem+json").set("schema", schemaOf("Problem"));
        return response;
    }

    /** "string", "integer", "boolean", "number", "date", "date-time", "uuid", "Name" or "Name[]". */
    private static ObjectNode schemaOf(String type) {
        ObjectNode schema = Json.mapper().createObjectNode();
        if (type.endsWith("[]")) {
            schema.put("type", "array").set("items", schemaOf(type.substring(0, type.length() - 2)));
            return schema;
        }
        switch (type) {
            case "string", "integer", "boolean", "number", "object" -> schema.put("type", type);
            case "date", "date-time", "uuid" -> schema.put("type", "string").put("format", type);
            default -> schema.put("$ref", "#/components/schemas/" + type);
        }
        return schema;
    }

    private static JsonNode schemas() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/schemas.json")) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
