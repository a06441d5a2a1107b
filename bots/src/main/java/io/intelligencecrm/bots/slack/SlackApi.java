package io.intelligencecrm.bots.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The few Slack Web API methods the bot uses, over plain HTTPS. The base URL is configurable
 * (CRM_SLACK_API_URL), so tests talk to a local server speaking Slack's API. Thread-safe.
 */
public final class SlackApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Slack asks clients to wait Retry-After seconds when rate limited; longer waits are not worth holding a reply. */
    private static final long MAX_RETRY_AFTER_SECONDS = 5;

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public SlackApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The workspace and bot user a bot token belongs to. */
    public record Identity(String teamId, String teamName, String botUserId) {
    }

    public Identity authTest(String token) {
        JsonNode answer = call("auth.test", token, form(Map.of()), "application/x-www-form-urlencoded");
        return new Identity(answer.path("team_id").asText(), answer.path("team").asText(),
                answer.path("user_id").asText());
    }

    /**
     * The user's email when Slack vouches for it: a real (not bot, not deleted) member whose address is
     * confirmed. Needs the users:read and users:read.email scopes.
     */
    public Optional<String> verifiedEmail(String token, String slackUserId) {
        JsonNode user = call("users.info", token, form(Map.of("user", slackUserId)),
                "application/x-www-form-urlencoded").path("user");
        if (user.path("deleted").asBoolean(false) || user.path("is_bot").asBoolean(false)
                || !user.path("is_email_confirmed").asBoolean(true)) {
            return Optional.empty();
        }
        String email = user.path("profile").path("email").asText("");
        return email.isBlank() ? Optional.empty() : Optional.of(email.strip().toLowerCase());
    }

    /** @return the posted message's ts, which is also the thread id of a new thread */
    public String postMessage(String token, SlackMessage message) {
        return call("chat.postMessage", token, json(body(message)), "application/json; charset=utf-8")
                .path("ts").asText();
    }

    public void update(String token, String ts, SlackMessage message) {
        Map<String, Object> body = body(message);
        body.remove("thread_ts");
        body.put("ts", ts);
        call("chat.update", token, json(body), "application/json; charset=utf-8");
    }

    /** A message only this user sees. */
    public void postEphemeral(String token, String slackUserId, SlackMessage message) {
        Map<String, Object> body = body(message);
        body.put("user", slackUserId);
        call("chat.postEphemeral", token, json(body), "application/json; charset=utf-8");
    }

    /**
     * Answers a slash command privately through its response_url, which works where the bot cannot post
     * (a channel it was not invited to). Only Slack's own hooks host (or this API's host, for tests)
     * is called.
     */
    public void respond(String responseUrl, String text) {
        if (responseUrl == null || !(responseUrl.startsWith("https://hooks.slack.com/")
                || responseUrl.startsWith(origin(baseUrl) + "/"))) {
            throw new SlackApiException("response_url", "not_a_slack_url");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl)).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("response_type", "ephemeral", "text", text))))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new SlackApiException("response_url", "http_" + response.statusCode());
        } catch (IOException e) {
            throw new SlackApiException("response_url", "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackApiException("response_url", "interrupted");
        }
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static Map<String, Object> body(SlackMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", message.channel());
        if (message.threadTs() != null) body.put("thread_ts", message.threadTs());
        body.put("text", message.text());
        if (!message.blocks().isEmpty()) body.put("blocks", message.blocks());
        // Plain "@channel" in the text stays text: Slack only notifies for <!channel>, which SlackText escapes.
        body.put("link_names", false);
        body.put("unfurl_links", false);
        return body;
    }

    private JsonNode call(String method, String token, String body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + method))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                if (wait > MAX_RETRY_AFTER_SECONDS) throw new SlackApiException(method, "ratelimited");
                Thread.sleep(wait * 1000);
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != 200) throw new SlackApiException(method, "http_" + response.statusCode());
            JsonNode answer = Json.mapper().readTree(response.body());
            if (!answer.path("ok").asBoolean(false)) {
                throw new SlackApiException(method, answer.path("error").asText("unknown_error"));
            }
            return answer;
        } catch (IOException e) {
            throw new SlackApiException(method, "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackApiException(method, "interrupted");
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String json(Map<String, ?> body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Slack message not serialisable", e);
        }
    }
}
