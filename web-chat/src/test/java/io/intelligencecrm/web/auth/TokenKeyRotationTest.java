package io.intelligencecrm.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.secret.KeyRing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Rotating the token secret: tokens of the old secret stay valid while it is accepted, and only then. */
class TokenKeyRotationTest {
    private static final byte[] OLD = "the-old-signing-secret-of-32-characters".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "the-new-signing-secret-of-32-characters".getBytes(StandardCharsets.UTF_8);

    private static JwtCodec codec(KeyRing keys) {
        return new JwtCodec(keys, "intelligence-crm", "intelligence-crm-api", Clock.systemUTC());
    }

    private static ObjectNode claims() {
        return Json.mapper().createObjectNode().put("sub", "someone");
    }

    @Test
    void a_token_of_the_old_secret_verifies_while_it_is_accepted_and_not_after() {
        String oldToken = codec(KeyRing.of(OLD)).sign(claims(), Duration.ofMinutes(5));
        JwtCodec rotating = codec(new KeyRing(NEW, List.of(OLD)));
        assertTrue(rotating.verify(oldToken).isPresent());
        String newToken = rotating.sign(claims(), Duration.ofMinutes(5));
        assertTrue(codec(KeyRing.of(NEW)).verify(newToken).isPresent());
        assertFalse(codec(KeyRing.of(NEW)).verify(oldToken).isPresent(), "a retired secret's token is refused");
    }

    @Test
    void a_node_told_of_the_next_secret_accepts_tokens_of_nodes_already_using_it() {
        String fromUpdatedNode = codec(new KeyRing(NEW, List.of(OLD))).sign(claims(), Duration.ofMinutes(5));
        assertTrue(codec(new KeyRing(OLD, List.of(NEW))).verify(fromUpdatedNode).isPresent());
    }

    @Test
    void tokens_signed_before_keys_were_derived_still_verify() throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(claims().put("iss", "intelligence-crm").put("aud", "intelligence-crm-api")
                .put("iat", now).put("exp", now + 300).toString().getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(OLD, "HmacSHA256"));
        String legacy = header + "." + payload + "." + base64.encodeToString(mac.doFinal((header + "." + payload)
                .getBytes(StandardCharsets.US_ASCII)));
        assertTrue(codec(KeyRing.of(OLD)).verify(legacy).isPresent());
        assertTrue(codec(new KeyRing(NEW, List.of(OLD))).verify(legacy).isPresent());
        assertFalse(codec(KeyRing.of(NEW)).verify(legacy).isPresent());
    }

    @Test
    void tokens_are_signed_with_a_key_derived_for_them_and_name_it() throws Exception {
        String token = codec(KeyRing.of(OLD)).sign(claims(), Duration.ofMinutes(5));
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        // The header's fields, in whatever order the JOSE library writes them.
        assertEquals(Json.mapper().readTree("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\""
                + KeyRing.of(OLD).active(JwtCodec.PURPOSE).id() + "\"}"), Json.mapper().readTree(header));
    }
}
