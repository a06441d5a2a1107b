package io.intelligencecrm.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.secret.KeyRing;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Signs and verifies access tokens with Nimbus JOSE+JWT. The algorithm is pinned to HS256: a token whose
 * header names any other algorithm (including "none") is rejected before its signature is looked at, and
 * so is one with a {@code crit} header (no extension is understood). Verification also requires the
 * pinned issuer, exactly the pinned audience, and an expiry, with a small leeway for clock skew.
 * Tokens are signed with the active access-token key and name it ({@code kid}); a token naming a key
 * that is still accepted verifies with that key, so a secret can be rotated without signing anyone
 * out. A token without a key id was signed before keys were derived, with the secret itself. Thread-safe.
 */
public final class JwtCodec {
    public static final String PURPOSE = "access-tokens";
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final KeyRing keys;
    private final JWSHeader header;
    private final MACSigner signer;
    private final DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;
    private final String audience;
    private final String issuer;
    private final Clock clock;

    public JwtCodec(KeyRing keys, String issuer, String audience, Clock clock) {
        this.keys = keys;
        KeyRing.Key active = keys.active(PURPOSE);
        this.header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(active.id()).build();
        try {
            this.signer = new MACSigner(active.bytes());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The token signing key must be at least 32 bytes", e);
        }
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.claimsVerifier = new DefaultJWTClaimsVerifier<>(audience, new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claimsVerifier.setMaxClockSkew((int) LEEWAY.toSeconds());
    }

    /** Signs the claims after adding iss, aud, iat and exp. */
    public String sign(ObjectNode claims, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        claims.put("iss", issuer).put("aud", audience).put("iat", now).put("exp", now + lifetime.toSeconds());
        JWSObject token = new JWSObject(header, new Payload(claims.toString()));
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return token.serialize();
    }

    /** The claims of a valid token, or empty for anything forged, altered, expired or foreign. */
    public Optional<JsonNode> verify(String token) {
        if (token == null) return Optional.empty();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader parsed = jwt.getHeader();
            if (!JWSAlgorithm.HS256.equals(parsed.getAlgorithm()) || parsed.getCriticalParams() != null) {
                return Optional.empty();
            }
            if (parsed.getType() != null && !JOSEObjectType.JWT.equals(parsed.getType())) return Optional.empty();
            if (!signedByAcceptedKey(jwt)) return Optional.empty();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            claimsVerifier.verify(claims, null);
            // The verifier accepts a list that contains our audience; a token is only ever for this one.
            if (!claims.getAudience().equals(List.of(audience))) return Optional.empty();
            return Optional.of(Json.mapper().readTree(jwt.getPayload().toString()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private boolean signedByAcceptedKey(SignedJWT jwt) throws JOSEException {
        String keyId = jwt.getHeader().getKeyID();
        List<byte[]> candidates = keyId != null
                ? keys.find(PURPOSE, keyId).map(key -> List.of(key.bytes())).orElse(List.of())
                : keys.legacySecrets();
        for (byte[] secret : candidates) {
            if (jwt.verify(new MACVerifier(secret))) return true;
        }
        return false;
    }
}
