package io.intelligencecrm.mcp;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Map;

/**
 * Who is calling, as the HTTP edge verified it from the request's credential (an API key or an access
 * token), carried to the handlers in the transport context. Nothing in a request body can set it.
 */
public record McpCaller(Actor actor) {
    private static final String KEY = "crm.caller";

    McpTransportContext context() {
        return McpTransportContext.create(Map.of(KEY, this));
    }

    static McpCaller of(McpTransportContext context) {
        if (context != null && context.get(KEY) instanceof McpCaller caller) return caller;
        throw CrmException.forbidden("No verified caller");
    }

    /** The chat conversation an assistant's calls are recorded in: one per API key, or per user for tokens. */
    String conversationRef() {
        return actor.apiKeyId() != null ? "key:" + actor.apiKeyId() : "user:" + actor.userId();
    }
}
