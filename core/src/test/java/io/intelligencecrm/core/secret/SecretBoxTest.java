package io.intelligencecrm.core.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private final SecretBox box = new SecretBox(key((byte) 1));

    @Test
    void a_sealed_value_opens_to_the_original_and_hides_it() {
        String sealed = box.seal("xoxb-123-secret");
        assertFalse(sealed.contains("xoxb"));
        assertTrue(sealed.startsWith("v2:"), sealed);
        assertNotEquals(sealed, box.seal("xoxb-123-secret"), "a fresh nonce every time");
        assertEquals("xoxb-123-secret", box.open(sealed));
    }

    @Test
    void another_key_or_a_changed_byte_does_not_open() {
        String sealed = box.seal("password");
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(key((byte) 2)).open(sealed));
        int payload = sealed.lastIndexOf(':') + 1;
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(payload));
        bytes[bytes.length - 1] ^= 1;
        assertThrows(IllegalArgumentException.class,
                () -> box.open(sealed.substring(0, payload) + Base64.getEncoder().encodeToString(bytes)));
        assertThrows(IllegalArgumentException.class, () -> box.open("plain text"));
    }

    @Test
    void the_key_must_be_32_bytes() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
    }

    @Test
    void after_a_rotation_old_values_open_until_resealed_and_the_retired_key_is_named() {
        String old = box.seal("mailbox-password");
        SecretBox rotated = new SecretBox(new KeyRing(key((byte) 2), List.of(key((byte) 1))));
        assertEquals("mailbox-password", rotated.open(old));
        assertTrue(rotated.needsReseal(old));
        String resealed = rotated.seal(rotated.open(old));
        assertFalse(rotated.needsReseal(resealed));
        SecretBox retired = new SecretBox(key((byte) 2));
        assertEquals("mailbox-password", retired.open(resealed));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> retired.open(old));
        assertTrue(refused.getMessage().contains("no longer accepted"), refused.getMessage());
    }

    @Test
    void values_sealed_before_keys_were_derived_still_open_and_are_marked_for_resealing() throws Exception {
        String legacy = LegacySeal.seal(key((byte) 1), "xoxb-legacy");
        assertEquals("xoxb-legacy", box.open(legacy));
        assertTrue(box.needsReseal(legacy));
        assertEquals("xoxb-legacy", new SecretBox(new KeyRing(key((byte) 2), List.of(key((byte) 1)))).open(legacy));
    }

    @Test
    void the_sealing_key_is_not_the_secrets_key_itself() throws Exception {
        String sealed = box.seal("password");
        assertThrows(IllegalArgumentException.class, () -> box.open("v1:" + sealed.substring(sealed.lastIndexOf(':') + 1)),
                "the derived key is another key than the configured one");
    }

    static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
