package io.intelligencecrm.outreach.sms;

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
import java.util.Base64;
import java.util.Set;

/**
 * Twilio's Messages API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded To, From
 * and Body (and StatusCallback), HTTP Basic auth with the account SID and auth token. 4xx answers are permanent (Twilio
 * error 21610 means the recipient replied STOP); 429, 5xx and network errors are retried.
 */
public final class TwilioSmsSender implements SmsSender {
    /** Twilio error codes for a recipient who opted out or cannot receive messages at all. */
    private static final Set<Integer> OPTED_OUT = Set.of(21610);

    private final HttpClient http;
    private final String baseUrl;

    public TwilioSmsSender(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    @Override
    public String send(SmsAccount account, String to, String body, String statusCallback) throws SmsFailure {
        URI messages = URI.create(baseUrl + "/2010-04-01/Accounts/" + encode(account.accountSid()) + "/Messages.json");
        String authorization = "Basic " + Base64.getEncoder().encodeToString((account.accountSid() + ":"
                + account.authToken()).getBytes(StandardCharsets.UTF_8));
        String form = "To=" + encode(to) + "&From=" + encode(account.from()) + "&Body=" + encode(body)
                + (statusCallback == null ? "" : "&StatusCallback=" + encode(statusCallback));
        HttpRequest request = HttpRequest.newBuilder(messages).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmsFailure("the SMS provider could not be reached: " + e.getMessage(), false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsFailure("interrupted while sending", false, false);
        }
        JsonNode json = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String sid = json.path("sid").asText(null);
            if (sid == null) throw new SmsFailure("the SMS provider answered without a message id", false, false);
            return sid;
        }
        int code = json.path("code").asInt(0);
        String message = "SMS provider answered " + status + (code == 0 ? "" : " (error " + code + ")") + ": "
                + json.path("message").asText(response.body().length() > 200 ? response.body().substring(0, 200)
                : response.body());
        boolean permanent = status >= 400 && status < 500 && status != 429;
        throw new SmsFailure(message, permanent, OPTED_OUT.contains(code));
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
