package io.intelligencecrm.bots.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature: {@code v0=} and the hex HMAC-SHA256, keyed with the app's signing
 * secret, of {@code v0:<timestamp>:<raw body>}. A request older (or newer) than five minutes is
 * refused, so a captured request cannot be replayed later.
 */
public final class SlackSignature {
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private SlackSignature() {
    }

    public static boolean verify(String signingSecret, String timestamp, String body, String signature, Instant now) {
        if (signingSecret == null || timestamp == null || signature == null || body == null) return false;
        if (!fresh(timestamp, now)) return false;
        byte[] expected = sign(signingSecret, timestamp.strip(), body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request's timestamp is within five minutes of now: checked before any work. */
    public static boolean fresh(String timestamp, Instant now) {
        if (timestamp == null) return false;
        try {
            return Math.abs(now.getEpochSecond() - Long.parseLong(timestamp.strip())) <= MAX_AGE.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The {@code X-Slack-Signature} value Slack sends for this body and timestamp. */
    public static String sign(String signingSecret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
