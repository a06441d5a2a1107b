package io.intelligencecrm.web.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.bots.slack.SlackSignature;
import io.intelligencecrm.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends requests to the CRM the way Slack does: signed with the app's signing secret. */
public final class SignedSlackClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String crmUrl;
    private final String signingSecret;

    public SignedSlackClient(String crmUrl, String signingSecret) {
        this.crmUrl = crmUrl;
        this.signingSecret = signingSecret;
    }

    /** An Events API callback for a message event in the test workspace. */
    public static String event(String eventId, Map<String, Object> event) {
        return json(Map.of("type", "event_callback", "team_id", FakeSlack.TEAM, "api_app_id", "A0TEST",
                "event_id", eventId, "event_time", Instant.now().getEpochSecond(), "event", event));
    }

    public static String mention(String eventId, String user, String channel, String ts, String threadTs, String text) {
        Map<String, Object> event = new java.util.HashMap<>(Map.of("type", "app_mention", "user", user,
                "channel", channel, "ts", ts, "text", "<@" + FakeSlack.BOT_USER + "> " + text));
        if (threadTs != null) event.put("thread_ts", threadTs);
        return event(eventId, event);
    }

    public HttpResponse<String> events(String body) {
        return send("/slack/events", body, "application/json", Instant.now(), signingSecret);
    }

    HttpResponse<String> interactions(Map<String, Object> payload) {
        return send("/slack/interactions", form(Map.of("payload", json(payload))), "application/x-www-form-urlencoded",
                Instant.now(), signingSecret);
    }

    HttpResponse<String> command(Map<String, String> fields) {
        return send("/slack/commands", form(fields), "application/x-www-form-urlencoded", Instant.now(), signingSecret);
    }

    HttpResponse<String> send(String path, String body, String contentType, Instant signedAt, String secret) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return post(path, body, contentType, timestamp, SlackSignature.sign(secret, timestamp, body));
    }

    /** An event with the given signature headers, whatever they sign. */
    HttpResponse<String> sendWithSignature(String body, String timestamp, String signature) {
        return post("/slack/events", body, "application/json", timestamp, signature);
    }

    private HttpResponse<String> post(String path, String body, String contentType, String timestamp, String signature) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(crmUrl + path))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
