package io.intelligencecrm.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The token rules themselves: pinned algorithm, no critical extensions, pinned issuer and audience, expiry. */
class JwtCodecTest {
    // 64 bytes, so the same key can also sign HS512 (which needs 512 bits).
    private static final byte[] SECRET = "a-test-secret-of-sixty-four-bytes-so-that-hs512-can-also-use-it!".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final JwtCodec codec = new JwtCodec(KeyRing.of(SECRET), "crm", "crm-api", clock);

    @Test
    void a_signed_token_verifies_with_its_claims() {
        String token = codec.sign(claims(), Duration.ofMinutes(15));
        ObjectNode verified = (ObjectNode) codec.verify(token).orElseThrow();
        assertEquals("s1", verified.get("sid").asText());
        assertEquals("crm", verified.get("iss").asText());
        assertEquals("crm-api", verified.get("aud").asText());
    }

    @Test
    void another_algorithm_is_refused_even_with_the_right_key() throws Exception {
        assertFalse(codec.verify(signed(new JWSHeader(JWSAlgorithm.HS512), payload())).isPresent());
        String none = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(payload()) + ".";
        assertFalse(codec.verify(none).isPresent());
    }

    @Test
    void a_critical_header_extension_is_refused() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .criticalParams(Set.of("tenant-binding")).customParam("tenant-binding", "x").build();
        assertFalse(codec.verify(signed(header, payload())).isPresent());
    }

    @Test
    void only_the_pinned_issuer_and_exactly_the_pinned_audience_are_accepted() throws Exception {
        assertFalse(new JwtCodec(KeyRing.of(SECRET), "crm", "other-api", clock).verify(codec.sign(claims(), Duration.ofMinutes(5)))
                .isPresent());
        assertFalse(new JwtCodec(KeyRing.of(SECRET), "other", "crm-api", clock).verify(codec.sign(claims(), Duration.ofMinutes(5)))
                .isPresent());
        ObjectNode both = claims().put("iss", "crm").put("exp", clock.instant().getEpochSecond() + 60);
        both.putArray("aud").add("crm-api").add("other-api");
        assertFalse(codec.verify(signed(new JWSHeader(JWSAlgorithm.HS256), both.toString())).isPresent());
    }

    @Test
    void expiry_is_required_and_allows_thirty_seconds_of_clock_skew() throws Exception {
        String token = codec.sign(claims(), Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(15).plusSeconds(20));
        assertTrue(codec.verify(token).isPresent());
        clock.advance(Duration.ofSeconds(20));
        assertFalse(codec.verify(token).isPresent());
        String noExpiry = claims().put("iss", "crm").put("aud", "crm-api").toString();
        assertFalse(codec.verify(signed(new JWSHeader(JWSAlgorithm.HS256), noExpiry)).isPresent());
    }

    @Test
    void a_token_not_yet_valid_is_refused() throws Exception {
        long now = clock.instant().getEpochSecond();
        String early = claims().put("iss", "crm").put("aud", "crm-api").put("exp", now + 600).put("nbf", now + 300)
                .toString();
        assertFalse(codec.verify(signed(new JWSHeader(JWSAlgorithm.HS256), early)).isPresent());
    }

    @Test
    void garbage_is_refused_quietly() {
        for (String token : new String[] {null, "", "a.b", "a.b.c", "not a token at all"}) {
            assertFalse(codec.verify(token).isPresent(), String.valueOf(token));
        }
    }

    private static ObjectNode claims() {
        return Json.mapper().createObjectNode().put("sid", "s1").put("uid", "u1");
    }

    private String payload() {
        return claims().put("iss", "crm").put("aud", "crm-api").put("exp", clock.instant().getEpochSecond() + 600)
                .toString();
    }

    private static String signed(JWSHeader header, String payload) throws Exception {
        JWSObject token = new JWSObject(header, new Payload(payload));
        token.sign(new MACSigner(SECRET));
        return token.serialize();
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
