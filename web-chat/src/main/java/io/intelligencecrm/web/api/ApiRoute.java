package io.intelligencecrm.web.api;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * One API endpoint: how it is served and how it is documented, declared once so the OpenAPI
 * document cannot drift from the routes. Not thread-safe while being built.
 */
public final class ApiRoute {
    public record Parameter(String name, String type, String description) {
    }

    final String method;
    final String path;
    final Handler handler;
    String tag = "misc";
    String summary = "";
    String description;
    boolean open;
    boolean operator;
    String requestSchema;
    String requestContentType = "application/json";
    String responseSchema;
    String responseContentType = "application/json";
    int successStatus = 200;
    final List<Parameter> query = new ArrayList<>();

    ApiRoute(String method, String path, Handler handler) {
        this.method = method;
        this.path = path;
        this.handler = handler;
    }

    public ApiRoute doc(String tag, String summary) {
        this.tag = tag;
        this.summary = summary;
        return this;
    }

    public ApiRoute description(String text) {
        this.description = text;
        return this;
    }

    /** Reachable without a token (login, refresh, invitation acceptance, this document). */
    public ApiRoute open() {
        this.open = true;
        return this;
    }

    /** For the hosting operator, with the operator credential instead of any tenant's token. */
    public ApiRoute operator() {
        this.operator = true;
        return this;
    }

    public ApiRoute body(String schema) {
        this.requestSchema = schema;
        return this;
    }

    public ApiRoute body(String schema, String contentType) {
        this.requestSchema = schema;
        this.requestContentType = contentType;
        return this;
    }

    public ApiRoute returns(String schema) {
        this.responseSchema = schema;
        return this;
    }

    public ApiRoute returns(int status, String schema) {
        this.successStatus = status;
        this.responseSchema = schema;
        return this;
    }

    public ApiRoute returnsText(String contentType) {
        this.responseContentType = contentType;
        this.responseSchema = "string";
        return this;
    }

    public ApiRoute query(String name, String type, String text) {
        query.add(new Parameter(name, type, text));
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public boolean isOpen() {
        return open;
    }
}
