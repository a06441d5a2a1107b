package io.intelligencecrm.agent.model;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * The JDK HTTP client, as LangChain4j's {@code JdkHttpClient} uses it, except that an error answer becomes a
 * {@link ProviderHttpException} that keeps the {@code Retry-After} header. Chat calls only: no multipart bodies.
 * Thread-safe.
 */
final class ProviderHttpClient implements HttpClient {

    private final java.net.http.HttpClient delegate;
    private final Duration readTimeout;

    ProviderHttpClient(Duration connectTimeout, Duration readTimeout) {
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder();
        if (connectTimeout != null) builder.connectTimeout(connectTimeout);
        this.delegate = builder.build();
        this.readTimeout = readTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = delegate.send(toJdkRequest(request), BodyHandlers.ofByteArray());
            if (!isSuccessful(response)) {
                throw failure(response, new String(response.body(), StandardCharsets.UTF_8));
            }
            return toResponse(response, response.body());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model provider", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        delegate.sendAsync(toJdkRequest(request), BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    if (!isSuccessful(response)) {
                        quietly(() -> listener.onError(failure(response, readBody(response))));
                        return;
                    }
                    quietly(() -> listener.onOpen(toResponse(response, null)));
                    try (InputStream body = response.body()) {
                        parser.parse(body, listener);
                        quietly(listener::onClose);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .exceptionally(throwable -> {
                    Throwable cause = throwable.getCause() == null ? throwable : throwable.getCause();
                    quietly(() -> listener.onError(
                            cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause));
                    return null;
                });
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) values.forEach(value -> builder.header(name, value));
        });
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) builder.timeout(readTimeout);
        return builder.build();
    }

    private static ProviderHttpException failure(HttpResponse<?> response, String body) {
        return new ProviderHttpException(response.statusCode(), body, response.headers().firstValue("Retry-After")
                .flatMap(value -> RetryAfter.parse(value, Clock.systemUTC())));
    }

    private static SuccessfulHttpResponse toResponse(HttpResponse<?> response, byte[] body) {
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(body)
                .build();
    }

    private static boolean isSuccessful(HttpResponse<?> response) {
        return response.statusCode() >= 200 && response.statusCode() < 300;
    }

    private static String readBody(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(error body unreadable: " + e.getMessage() + ")";
        }
    }

    /** A listener's own failure must not turn into a second, confusing provider error. */
    private static void quietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException ignored) {
            // the listener reports its own failures; nothing sensible to do with them here
        }
    }
}
