package io.intelligencecrm.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake model provider on 127.0.0.1 that answers from a script and records every request. Replies come from the
 * queue first, then from the responder; with neither, the server answers 500 so the test fails loudly.
 * Subclasses render replies in one provider's wire format. Thread-safe.
 */
public abstract class ScriptedModelServer implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** One server-sent event; {@code event} is null for formats that only send {@code data:} lines. */
    protected record SseEvent(String event, String data) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<ScriptedReply> queue = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger responseIds = new AtomicInteger();
    private volatile Function<RecordedRequest, ScriptedReply> responder;

    protected ScriptedModelServer(String endpointPath) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(endpointPath, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What a client's base URL setting should be to reach this server. */
    public abstract String baseUrl();

    public void enqueue(ScriptedReply... replies) {
        queue.addAll(List.of(replies));
    }

    /** Answers requests once the queue is empty, e.g. to reply according to the tool results received. */
    public void respondWith(Function<RecordedRequest, ScriptedReply> responder) {
        this.responder = responder;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) throw new AssertionError("the scripted server received no request");
        return requests.getLast();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    protected abstract RecordedRequest record(String method, String path, Map<String, List<String>> headers,
                                              String rawBody, JsonNode body);

    /** A reply that overrides the script, e.g. when required headers are missing. */
    protected Optional<ScriptedReply> precheck(RecordedRequest request) {
        return Optional.empty();
    }

    protected abstract String completeJson(RecordedRequest request, ScriptedReply.Answer answer, String id);

    protected abstract List<SseEvent> streamEvents(RecordedRequest request, ScriptedReply.Answer answer, String id);

    /** Events that begin an answer with {@code partialText}, for a stream that then breaks. */
    protected abstract List<SseEvent> brokenStreamEvents(RecordedRequest request, String partialText, String id);

    protected abstract String errorBody(int status, String message);

    protected abstract String responseId(int sequence);

    /** Not try-with-resources: a broken stream must leave the exchange unclosed, see {@link #answer}. */
    private void handle(HttpExchange exchange) throws IOException {
        String rawBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body = rawBody.isBlank() ? JSON.createObjectNode() : JSON.readTree(rawBody);
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        RecordedRequest request = record(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                headers, rawBody, body);
        requests.add(request);
        ScriptedReply reply = precheck(request).orElseGet(() -> next(request));
        answer(exchange, request, reply);
        exchange.close();
    }

    private ScriptedReply next(RecordedRequest request) {
        ScriptedReply queued = queue.poll();
        if (queued != null) return queued;
        Function<RecordedRequest, ScriptedReply> current = responder;
        if (current != null) return current.apply(request);
        return ScriptedReply.error(500, errorBody(500, "no reply scripted for request " + requests.size()));
    }

    private void answer(HttpExchange exchange, RecordedRequest request, ScriptedReply reply) throws IOException {
        String id = responseId(responseIds.incrementAndGet());
        switch (reply) {
            case ScriptedReply.Hang hang -> {
                try {
                    Thread.sleep(hang.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                answer(exchange, request, hang.then());
            }
            case ScriptedReply.HttpError error -> {
                error.retryAfter().ifPresent(value -> exchange.getResponseHeaders().add("Retry-After", value));
                send(exchange, error.status(), error.body() == null ? errorBody(error.status(), "scripted failure") : error.body());
            }
            case ScriptedReply.Answer answer when request.streaming() ->
                    stream(exchange, streamEvents(request, answer, id));
            case ScriptedReply.Answer answer -> send(exchange, 200, completeJson(request, answer, id));
            case ScriptedReply.BrokenStream broken -> {
                stream(exchange, brokenStreamEvents(request, broken.partialText(), id));
                // Give the client time to take the partial tokens in: a close racing them can reset the connection
                // before they are read, which would test a different failure (nothing shown yet).
                pause(Duration.ofMillis(300));
                // Escaping the handler unclosed makes the JDK server drop the connection without ending the chunked
                // body, so the client sees a stream cut off, not a short answer.
                throw new IOException("scripted broken stream");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stream(HttpExchange exchange, List<SseEvent> events) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (SseEvent event : events) {
            String frame = (event.event() == null ? "" : "event: " + event.event() + "\n") + "data: " + event.data()
                    + "\n\n";
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Splits text the way models stream it: a word (with its trailing space) per piece. */
    protected static List<String> pieces(String text) {
        if (text.isEmpty()) return List.of();
        return List.of(text.split("(?<=\\s)"));
    }

    /** Splits tool arguments into a few fragments that are not valid JSON on their own. */
    protected static List<String> fragments(String json) {
        if (json.length() < 3) return List.of(json);
        int third = json.length() / 3;
        return List.of(json.substring(0, third), json.substring(third, 2 * third), json.substring(2 * third));
    }

    protected static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static ObjectNode object() {
        return JSON.createObjectNode();
    }

    protected static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("scripted tool arguments are not JSON: " + json, e);
        }
    }

    /** Text of an OpenAI or Anthropic content field: a plain string or a list of text parts. */
    protected static String text(JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) return "";
        if (content.isTextual()) return content.asText();
        List<String> parts = new ArrayList<>();
        content.forEach(part -> {
            if (part.has("text")) parts.add(part.path("text").asText());
        });
        return String.join("", parts);
    }
}
