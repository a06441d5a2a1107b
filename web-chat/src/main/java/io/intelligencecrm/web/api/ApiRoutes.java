package io.intelligencecrm.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** The catalogue of API endpoints: controllers declare into it, the server and OpenAPI read it. */
public final class ApiRoutes {
    private final List<ApiRoute> routes = new ArrayList<>();

    public ApiRoute get(String path, Handler handler) {
        return add("get", path, handler);
    }

    public ApiRoute post(String path, Handler handler) {
        return add("post", path, handler);
    }

    public ApiRoute patch(String path, Handler handler) {
        return add("patch", path, handler);
    }

    public ApiRoute put(String path, Handler handler) {
        return add("put", path, handler);
    }

    public ApiRoute delete(String path, Handler handler) {
        return add("delete", path, handler);
    }

    private ApiRoute add(String method, String path, Handler handler) {
        ApiRoute route = new ApiRoute(method, path, handler);
        routes.add(route);
        return route;
    }

    public List<ApiRoute> all() {
        return List.copyOf(routes);
    }

    public boolean isOpen(String method, String matchedPath) {
        return routes.stream().anyMatch(route -> route.open && route.method.equalsIgnoreCase(method)
                && route.path.equals(matchedPath));
    }

    public void registerAll(RoutesConfig config) {
        for (ApiRoute route : routes) {
            switch (route.method) {
                case "get" -> config.get(route.path, route.handler);
                case "post" -> config.post(route.path, route.handler);
                case "patch" -> config.patch(route.path, route.handler);
                case "put" -> config.put(route.path, route.handler);
                case "delete" -> config.delete(route.path, route.handler);
                default -> throw new IllegalStateException(route.method);
            }
        }
    }
}
