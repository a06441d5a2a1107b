package io.intelligencecrm.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.core.json.Json;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;

/**
 * Writes a JSON response body as UTF-8 bytes in one pass. Javalin's {@code ctx.json} serialises to
 * a String and encodes that again, and {@code ctx.result} copies the bytes through a fresh 32 KB
 * buffer: three copies of every list page. Here the bytes go straight to the response stream (still
 * Javalin's, which compresses when the client asks). When the client accepts no compression the
 * body goes out with its length, in one write, instead of chunked (a second write for the last chunk).
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
        ctx.contentType(ContentType.APPLICATION_JSON);
        // With an Accept-Encoding, Javalin may compress and the length would be wrong: it stays chunked then.
        if (ctx.header(Header.ACCEPT_ENCODING) == null) ctx.header(Header.CONTENT_LENGTH, Integer.toString(body.length));
        try {
            ctx.outputStream().write(body);
        } catch (IOException e) {
            // The client has gone away; there is no one left to answer.
        }
    }
}
