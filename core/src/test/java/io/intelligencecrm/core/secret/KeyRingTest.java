package io.intelligencecrm.core.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {
    @Test
    void hkdf_matches_the_rfc_5869_test_vector() {
        HexFormat hex = HexFormat.of();
        byte[] okm = Hkdf.derive(hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                hex.parseHex("000102030405060708090a0b0c"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                hex.formatHex(okm));
    }

    @Test
    void each_purpose_gets_its_own_stable_key() {
        KeyRing ring = KeyRing.of(fill((byte) 7));
        KeyRing.Key sealing = ring.active("sealed-secrets");
        KeyRing.Key tokens = ring.active("access-tokens");
        assertFalse(Arrays.equals(sealing.bytes(), tokens.bytes()));
        assertFalse(Arrays.equals(sealing.bytes(), fill((byte) 7)), "never the configured secret itself");
        assertNotEquals(sealing.id(), tokens.id());
        assertArrayEquals(sealing.bytes(), KeyRing.of(fill((byte) 7)).active("sealed-secrets").bytes());
        assertEquals(sealing.id(), KeyRing.of(fill((byte) 7)).active("sealed-secrets").id());
    }

    @Test
    void accepted_keys_follow_the_active_one_and_are_found_by_id() {
        KeyRing ring = new KeyRing(fill((byte) 2), List.of(fill((byte) 1)));
        List<KeyRing.Key> keys = ring.accepted("access-tokens");
        assertEquals(2, keys.size());
        assertEquals(ring.active("access-tokens").id(), keys.getFirst().id());
        String retired = KeyRing.of(fill((byte) 1)).active("access-tokens").id();
        assertEquals(retired, ring.find("access-tokens", retired).orElseThrow().id());
        assertEquals(2, ring.legacySecrets().size());
    }

    private static byte[] fill(byte value) {
        byte[] key = new byte[32];
        Arrays.fill(key, value);
        return key;
    }
}
