package io.intelligencecrm.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelligencecrm.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies access tokens. The algorithm is pinned to HS256: a token whose header names
 * any other algorithm (including "none") is rejected before its signature is even looked at.
 * Verification also checks issuer, audience, and expiry with a small leeway for clock skew.
 */
public final class JwtCodec {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final SecretKeySpec key;
    // Mac.getInstance walks the provider list on every call and a Mac is not thread-safe. Requests run
    // on virtual threads, a new one each time, so a Mac per thread would be a new Mac per request:
    // idle ones wait here instead, at most as many as tokens were ever checked at once.
    private final Queue<Mac> idleMacs = new ConcurrentLinkedQueue<>();
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public JwtCodec(byte[] secret, String issuer, String audience, Clock clock) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** Signs the claims after adding iss, aud, iat and exp. */
    public String sign(ObjectNode claims, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        claims.put("iss", issuer).put("aud", audience).put("iat", now).put("exp", now + lifetime.toSeconds());
        String payload = ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        return signingInput + "." + ENCODER.encodeToString(mac(signingInput));
    }

    /** The claims of a valid token, or empty for anything forged, altered, expired or foreign. */
    public Optional<JsonNode> verify(String token) {
        if (token == null) return Optional.empty();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) return Optional.empty();
        try {
            // Our own tokens carry exactly HEADER; anything else is parsed and held to the same rules.
            if (!HEADER.equals(parts[0])) {
                JsonNode header = Json.mapper().readTree(DECODER.decode(parts[0]));
                if (!"HS256".equals(header.path("alg").asText()) || header.has("crit")) return Optional.empty();
            }
            byte[] expected = mac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, DECODER.decode(parts[2]))) return Optional.empty();
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

    private byte[] mac(String signingInput) {
        Mac mac = idleMacs.poll();
        if (mac == null) mac = newMac();
        try {
            // doFinal resets the Mac to its key, ready for the next token.
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } finally {
            idleMacs.offer(mac);
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
