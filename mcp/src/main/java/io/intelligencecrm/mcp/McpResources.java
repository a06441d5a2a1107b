package io.intelligencecrm.mcp;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contacts, companies and deals as MCP resources ({@code crm://contacts/{id}} and so on), read with the
 * caller's tenant and role through the same services as the REST API, and audited. Another tenant's id
 * reads as not found.
 */
final class McpResources {
    private static final Pattern URI = Pattern.compile("crm://(contacts|companies|deals)/([0-9a-fA-F-]{36})");

    private final CoreServices core;

    McpResources(CoreServices core) {
        this.core = core;
    }

    List<SyncResourceTemplateSpecification> templates() {
        return List.of(
                template("contacts", "contact", "A contact with their company, lead score, open deals and recent interactions",
                        (actor, id) -> core.contacts().details(actor, id)),
                template("companies", "company", "A company with its contacts and deals",
                        (actor, id) -> core.companies().details(actor, id)),
                template("deals", "deal", "A deal with its stage, amount, contact and company",
                        (actor, id) -> core.deals().get(actor, id)));
    }

    private SyncResourceTemplateSpecification template(String collection, String name, String description,
                                                       BiFunction<Actor, UUID, Object> read) {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder("crm://" + collection + "/{id}", name)
                .description(description).mimeType("application/json").build();
        return new SyncResourceTemplateSpecification(template, (context, request) -> read(context, request, read));
    }

    private McpSchema.ReadResourceResult read(McpTransportContext context, McpSchema.ReadResourceRequest request,
                                              BiFunction<Actor, UUID, Object> read) {
        Actor actor = McpCaller.of(context).actor();
        Matcher matcher = URI.matcher(request.uri() == null ? "" : request.uri());
        if (!matcher.matches()) throw notFound(request.uri());
        UUID id = UUID.fromString(matcher.group(2));
        Object record;
        try {
            record = read.apply(actor, id);
        } catch (CrmException e) {
            throw notFound(request.uri());
        }
        core.audit().record(actor.viaAgent(), "mcp.resource", matcher.group(1), id, Map.of("uri", request.uri()));
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(request.uri(),
                "application/json", McpTools.json(record))));
    }

    /** Unknown, deleted and other tenants' records all look the same. */
    private static McpError notFound(String uri) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message("Resource not found: " + uri).build();
    }
}
