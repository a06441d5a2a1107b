package io.intelligencecrm.web.http;

import io.intelligencecrm.core.json.Json;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes a JSON response body straight into the response, as UTF-8. Javalin's {@code ctx.json}
 * serialises to a String, encodes it and copies it through a buffer of its own: three copies of
 * every list page, and a third of the list endpoint's allocation. A body that fits the server's
 * output buffer (32 KiB) still goes out in one write with its Content-Length; a longer one is chunked.
 */
public final class JsonBody {
    private JsonBody() {
    }

    public static void send(Context ctx, Object value) {
        ctx.contentType(ContentType.APPLICATION_JSON);
        try (OutputStream out = ctx.outputStream()) {
            Json.mapper().writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException("response cannot be written as JSON", e);
        }
    }
}
