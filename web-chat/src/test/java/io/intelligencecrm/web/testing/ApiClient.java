package io.intelligencecrm.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.intelligencecrm.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A real HTTP client for the API, optionally signed in with a bearer credential. */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String bearer;

    public ApiClient(String baseUrl, String bearer) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    /** A response with its JSON body parsed (missing node when the body is not JSON). */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return body.isBlank() ? MissingNode.getInstance() : Json.mapper().readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** Signs in and returns a client carrying the access token. */
    public static ApiClient login(String baseUrl, String tenant, String email, String password) {
        Response response = new ApiClient(baseUrl, null).post("/api/auth/login", """
                {"tenant": "%s", "email": "%s", "password": "%s"}""".formatted(tenant, email, password));
        if (response.status() != 200) throw new IllegalStateException("login failed: " + response.body());
        return new ApiClient(baseUrl, response.json().get("accessToken").asText());
    }

    public ApiClient withBearer(String credential) {
        return new ApiClient(baseUrl, credential);
    }

    public String bearer() {
        return bearer;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response postRaw(String path, String body, String contentType) {
        return send("POST", path, body, contentType);
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
