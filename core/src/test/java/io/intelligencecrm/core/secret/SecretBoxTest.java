package io.intelligencecrm.core.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private final SecretBox box = new SecretBox(key((byte) 1));

    @Test
    void a_sealed_value_opens_to_the_original_and_hides_it() {
        String sealed = box.seal("xoxb-123-secret");
        assertFalse(sealed.contains("xoxb"));
        assertNotEquals(sealed, box.seal("xoxb-123-secret"), "a fresh nonce every time");
        assertEquals("xoxb-123-secret", box.open(sealed));
    }

    @Test
    void another_key_or_a_changed_byte_does_not_open() {
        String sealed = box.seal("password");
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(key((byte) 2)).open(sealed));
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> box.open("v1:" + Base64.getEncoder().encodeToString(bytes)));
        assertThrows(IllegalArgumentException.class, () -> box.open("plain text"));
    }

    @Test
    void the_key_must_be_32_bytes() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
