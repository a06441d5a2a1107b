package io.intelligencecrm.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.core.json.Json;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;

/**
 * Writes a JSON response body as UTF-8 bytes in one pass. Javalin's {@code ctx.json} serialises to
 * a String and encodes that again, which is two copies of every list page; the headers and the
 * body are the same either way. When the client accepts no compression the body goes out with its
 * length, in one write, instead of chunked (a second write for the closing chunk).
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
        // With an Accept-Encoding, Javalin may compress and the length would be wrong: it stays chunked then.
        if (ctx.header(Header.ACCEPT_ENCODING) == null) ctx.header(Header.CONTENT_LENGTH, Integer.toString(body.length));
        ctx.contentType(ContentType.APPLICATION_JSON).result(body);
    }
}
