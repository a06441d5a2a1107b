package io.intelligencecrm.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.core.json.Json;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

/**
 * Writes a JSON response body as UTF-8 bytes in one pass. Javalin's {@code ctx.json} serialises to
 * a String and encodes that again, which is two copies of every list page; the headers and the
 * body are the same either way.
 */
public final class JsonBody {
    private JsonBody() {
    }

    public static void send(Context ctx, Object value) {
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be written as JSON", e);
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(body);
    }
}
