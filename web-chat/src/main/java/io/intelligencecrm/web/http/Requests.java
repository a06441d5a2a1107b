package io.intelligencecrm.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.text.NulCharacters;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/** Reading request bodies and path ids, with client errors as problem+json rather than traces. */
public final class Requests {
    private Requests() {
    }

    /** The body as a JSON object; a malformed or non-object body, or a NUL in any of it, is a validation error. */
    public static Map<String, Object> jsonObject(Context ctx) {
        Map<String, Object> object = jsonObjectAsSent(ctx);
        NulCharacters.rejectIn(null, object);
        return object;
    }

    /** The body as a JSON object, NULs and all: for mail a provider posts, whose text is cleaned where it is read. */
    public static Map<String, Object> jsonObjectAsSent(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) throw CrmException.invalid("body", "a JSON object is required");
        try {
            Object value = Json.mapper().readValue(body, Object.class);
            if (!(value instanceof Map<?, ?>)) throw CrmException.invalid("body", "must be a JSON object");
            return Json.mapper().convertValue(value, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw CrmException.invalid("body", "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** A path id; something that is not a UUID cannot name a record, so it is simply not found. */
    public static UUID id(Context ctx, String name, String what) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (IllegalArgumentException e) {
            throw CrmException.notFound(what);
        }
    }
}
