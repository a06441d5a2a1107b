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
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.intelligencecrm.core.json.Json;
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
 * pinned issuer, exactly the pinned audience, and an expiry, with a small leeway for clock skew. Thread-safe.
 */
public final class JwtCodec {
    private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final MACSigner signer;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public JwtCodec(byte[] secret, String issuer, String audience, Clock clock) {
        try {
            this.signer = new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The token signing secret must be at least 32 bytes", e);
        }
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(secret)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) LEEWAY.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** Signs the claims after adding iss, aud, iat and exp. */
    public String sign(ObjectNode claims, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        claims.put("iss", issuer).put("aud", audience).put("iat", now).put("exp", now + lifetime.toSeconds());
        JWSObject token = new JWSObject(HEADER, new Payload(claims.toString()));
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
            if (jwt.getHeader().getCriticalParams() != null) return Optional.empty();
            JWTClaimsSet verified = processor.process(jwt, null);
            // The verifier accepts a list that contains our audience; a token is only ever for this one.
            if (!verified.getAudience().equals(List.of(audience))) return Optional.empty();
            return Optional.of(Json.mapper().readTree(jwt.getPayload().toString()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
