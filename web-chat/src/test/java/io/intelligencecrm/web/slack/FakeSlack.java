package io.intelligencecrm.web.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.intelligencecrm.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local server speaking the part of Slack's Web API the bot uses (auth.test, users.info,
 * chat.postMessage, chat.update, chat.postEphemeral), recording every call it receives.
 */
public final class FakeSlack implements AutoCloseable {
    public static final String TEAM = "T0TEST";
    public static final String BOT_USER = "U0BOT";
    public static final String TOKEN = "xoxb-test-token";
    /** A channel the bot was not invited to: posting there fails as in Slack. */
    static final String NOT_A_MEMBER = "C0NOTIN";

    /** One Web API call: the method, its arguments (JSON or form fields, as a JSON object) and the answer. */
    public record Call(String method, String authorization, JsonNode body, JsonNode answer) {
        public String text(String field) {
            return body.path(field).asText(null);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong(1_800_000_000_000L);
    private final Map<String, Long> firstReplies = new ConcurrentHashMap<>();

    public FakeSlack() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handle);
        server.createContext("/hooks/", this::hook);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** Where a slash command's private answers go (Slack's response_url); recorded as method "response_url". */
    public String responseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/commands/T0TEST/1";
    }

    /** A workspace member whose confirmed email is this address. */
    public void member(String slackUserId, String email) {
        emails.put(slackUserId, email);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Waits until a call matching the filter arrived, and returns it. */
    public Call await(String method, Predicate<Call> filter) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (Call call : calls(method)) {
                if (filter.test(call)) return call;
            }
            sleep(20);
        }
        throw new AssertionError("no " + method + " call arrived; calls were: " + calls);
    }

    /** When (System.nanoTime) the first message in this thread arrived, or null; for benchmarks. */
    public Long firstReplyNanos(String channel, String threadTs) {
        return firstReplies.get(channel + "/" + threadTs);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        JsonNode body = contentType != null && contentType.startsWith("application/json")
                ? Json.mapper().readTree(raw) : form(raw);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        ObjectNode answer = Json.mapper().createObjectNode();
        if (!("Bearer " + TOKEN).equals(authorization)) {
            answer.put("ok", false).put("error", "invalid_auth");
        } else if (method.startsWith("chat.post") && NOT_A_MEMBER.equals(body.path("channel").asText())) {
            answer.put("ok", false).put("error", "not_in_channel");
        } else {
            switch (method) {
                case "auth.test" -> answer.put("ok", true).put("team_id", TEAM).put("team", "Test Team")
                        .put("user_id", BOT_USER);
                case "users.info" -> {
                    String email = emails.get(body.path("user").asText());
                    if (email == null) {
                        answer.put("ok", false).put("error", "user_not_found");
                    } else {
                        ObjectNode user = answer.put("ok", true).putObject("user");
                        user.put("id", body.path("user").asText()).put("is_bot", false).put("deleted", false)
                                .put("is_email_confirmed", true).putObject("profile").put("email", email);
                    }
                }
                case "chat.postMessage" -> answer.put("ok", true).put("channel", body.path("channel").asText())
                        .put("ts", String.format("%d.%06d", clock.get() / 1_000_000, clock.incrementAndGet() % 1_000_000));
                case "chat.update", "chat.postEphemeral" -> answer.put("ok", true);
                default -> answer.put("ok", false).put("error", "unknown_method");
            }
        }
        calls.add(new Call(method, authorization, body, answer));
        if (method.equals("chat.postMessage") && body.has("thread_ts")) {
            firstReplies.putIfAbsent(body.path("channel").asText() + "/" + body.path("thread_ts").asText(), arrived);
        }
        byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void hook(HttpExchange exchange) throws IOException {
        JsonNode body = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
        calls.add(new Call("response_url", null, body, Json.mapper().createObjectNode()));
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
        exchange.close();
    }

    private static JsonNode form(String raw) {
        ObjectNode fields = Json.mapper().createObjectNode();
        if (raw.isBlank()) return fields;
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
