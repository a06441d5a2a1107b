package io.intelligencecrm.web.http;

import io.intelligencecrm.core.text.NulCharacters;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;

/**
 * Runs before every matched request, after the API's authentication: a NUL in any query parameter (its
 * name or value, on every list, search, export and page) or in a form field of the app's own pages is a
 * 400 naming the parameter, before a handler starts (an export has not sent its header yet). JSON bodies are checked where they are
 * parsed ({@link Requests}); Slack's forms lose their NULs instead (SlackForms).
 */
public final class NulGuard implements Handler {
    @Override
    public void handle(Context ctx) {
        check(ctx.queryParamMap());
        String type = ctx.contentType();
        if (type != null && type.startsWith("application/x-www-form-urlencoded") && !ctx.path().startsWith("/slack/")) {
            check(ctx.formParamMap());
        }
    }

    private static void check(Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> {
            NulCharacters.reject(name, name);
            values.forEach(value -> NulCharacters.reject(name, value));
        });
    }
}
