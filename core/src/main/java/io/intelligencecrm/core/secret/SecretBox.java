package io.intelligencecrm.core.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals credentials kept in the database (a Slack bot token, a mailbox password) with AES-256-GCM,
 * so a copy of the database alone reveals none of them. A sealed value is {@code v2:}, the id of the
 * sealing key (derived from the secrets key for this purpose only), a colon, and the base64 of a
 * random 12-byte nonce followed by the ciphertext and tag; a changed byte fails to open. Values
 * sealed before keys were derived ({@code v1:}, sealed with the secrets key itself) still open; the
 * {@code reseal} command rewrites them, and those of retired keys, with the active key. Thread-safe.
 */
public final class SecretBox {
    public static final String PURPOSE = "sealed-secrets";
    private static final String LEGACY = "v1:";
    private static final String CURRENT = "v2:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyRing keys;
    private final KeyRing.Key active;

    /** @param key 32 bytes: the secrets key */
    public SecretBox(byte[] key) {
        this(KeyRing.of(checked(key)));
    }

    public SecretBox(KeyRing keys) {
        keys.legacySecrets().forEach(SecretBox::checked);
        this.keys = keys;
        this.active = keys.active(PURPOSE);
    }

    private static byte[] checked(byte[] key) {
        if (key == null || key.length != 32) throw new IllegalArgumentException("the secrets key must be 32 bytes");
        return key;
    }

    public String seal(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(active.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return CURRENT + active.id() + ":" + Base64.getEncoder().encodeToString(ByteBuffer
                    .allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws IllegalArgumentException when no accepted key sealed the value, or it was altered */
    public String open(String sealed) {
        if (sealed != null && sealed.startsWith(CURRENT)) {
            int colon = sealed.indexOf(':', CURRENT.length());
            if (colon < 0) throw new IllegalArgumentException("not a sealed value");
            String id = sealed.substring(CURRENT.length(), colon);
            KeyRing.Key key = keys.find(PURPOSE, id).orElseThrow(() -> new IllegalArgumentException(
                    "the value was sealed with a key that is no longer accepted (key id " + id + ")"));
            return decrypt(key.bytes(), sealed.substring(colon + 1)).orElseThrow(() ->
                    new IllegalArgumentException("the value was altered"));
        }
        if (sealed != null && sealed.startsWith(LEGACY)) {
            for (byte[] secret : keys.legacySecrets()) {
                Optional<String> plain = decrypt(secret, sealed.substring(LEGACY.length()));
                if (plain.isPresent()) return plain.get();
            }
            throw new IllegalArgumentException("the value was sealed with another key, or altered");
        }
        throw new IllegalArgumentException("not a sealed value");
    }

    /** Whether the value should be sealed again: made in the old format, or with a key that is not the active one. */
    public boolean needsReseal(String sealed) {
        return !sealed.startsWith(CURRENT + active.id() + ":");
    }

    private static Optional<String> decrypt(byte[] key, String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length <= NONCE_BYTES) throw new IllegalArgumentException("not a sealed value");
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return Optional.of(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }
}
