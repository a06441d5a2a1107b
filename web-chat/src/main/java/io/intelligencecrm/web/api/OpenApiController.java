package io.intelligencecrm.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** Serves the API description; built once, after every controller has declared its routes. */
public final class OpenApiController {
    private final ApiRoutes routes;
    private final String serverUrl;
    private volatile ObjectNode document;

    public OpenApiController(ApiRoutes routes, String serverUrl) {
        this.routes = routes;
        this.serverUrl = serverUrl;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/openapi.json", this::serve).open().doc("meta", "This API's OpenAPI 3.1 description")
                .returns("object");
    }

    void serve(Context ctx) {
        if (document == null) document = OpenApiDocument.build(routes, serverUrl);
        ctx.json(document);
    }
}
