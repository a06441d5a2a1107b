package io.intelligencecrm.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.secret.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies access tokens. The algorithm is pinned to HS256: a token whose header names
 * any other algorithm (including "none") is rejected before its signature is even looked at.
 * Verification also checks issuer, audience, and expiry with a small leeway for clock skew.
 * Tokens are signed with the active access-token key and name it ({@code kid}); a token naming a key
 * that is still accepted verifies with that key, so a secret can be rotated without signing anyone
 * out. A token without a key id was signed before keys were derived, with the secret itself.
 */
public final class JwtCodec {
    public static final String PURPOSE = "access-tokens";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final KeyRing keys;
    private final KeyRing.Key active;
    private final String header;
    // Mac.getInstance walks the provider list on every call and a Mac is not thread-safe. Requests run
    // on virtual threads, a new one each time, so a Mac per thread would be a new Mac per request:
    // idle ones wait here per key instead, at most as many as tokens were ever checked at once.
    private final Map<String, Queue<Mac>> idleMacs = new ConcurrentHashMap<>();
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public JwtCodec(KeyRing keys, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.active = keys.active(PURPOSE);
        this.header = ENCODER.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + active.id() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** Signs the claims after adding iss, aud, iat and exp. */
    public String sign(ObjectNode claims, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        claims.put("iss", issuer).put("aud", audience).put("iat", now).put("exp", now + lifetime.toSeconds());
        String payload = ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payload;
        return signingInput + "." + ENCODER.encodeToString(mac(active.id(), active.bytes(), signingInput));
    }

    /** The claims of a valid token, or empty for anything forged, altered, expired or foreign. */
    public Optional<JsonNode> verify(String token) {
        if (token == null) return Optional.empty();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) return Optional.empty();
        try {
            String signingInput = parts[0] + "." + parts[1];
            byte[] signature = DECODER.decode(parts[2]);
            boolean valid;
            // Tokens of the active key carry exactly its header; anything else is parsed and held to the same rules.
            if (header.equals(parts[0])) {
                valid = MessageDigest.isEqual(mac(active.id(), active.bytes(), signingInput), signature);
            } else {
                JsonNode parsed = Json.mapper().readTree(DECODER.decode(parts[0]));
                if (!"HS256".equals(parsed.path("alg").asText()) || parsed.has("crit")) return Optional.empty();
                valid = parsed.has("kid")
                        ? keys.find(PURPOSE, parsed.path("kid").asText()).map(key ->
                                MessageDigest.isEqual(mac(key.id(), key.bytes(), signingInput), signature)).orElse(false)
                        : keys.legacySecrets().stream().anyMatch(secret ->
                                MessageDigest.isEqual(newMac(secret).doFinal(ascii(signingInput)), signature));
            }
            if (!valid) return Optional.empty();
            JsonNode claims = Json.mapper().readTree(DECODER.decode(parts[1]));
            long now = clock.instant().getEpochSecond();
            if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() + LEEWAY.toSeconds() < now) {
                return Optional.empty();
            }
            if (claims.has("nbf") && claims.path("nbf").asLong() - LEEWAY.toSeconds() > now) return Optional.empty();
            if (!issuer.equals(claims.path("iss").asText()) || !audience.equals(claims.path("aud").asText())) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String keyId, byte[] key, String signingInput) {
        Queue<Mac> idle = idleMacs.computeIfAbsent(keyId, id -> new ConcurrentLinkedQueue<>());
        Mac mac = idle.poll();
        if (mac == null) mac = newMac(key);
        try {
            // doFinal resets the Mac to its key, ready for the next token.
            return mac.doFinal(ascii(signingInput));
        } finally {
            idle.offer(mac);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
