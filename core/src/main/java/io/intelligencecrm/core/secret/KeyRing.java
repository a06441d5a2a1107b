package io.intelligencecrm.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A configured secret with the others still accepted (older ones during a rotation, or the next one
 * before it becomes active). Each use gets its own key, derived from the secret with HKDF under the
 * name of its purpose, so sealed credentials, access tokens and CSRF tokens never share a key. A
 * derived key is known by a short id (a hash of the key, revealing nothing of it) that sealed values
 * and tokens carry, so the right key is found and a retired one is told apart from a forgery.
 */
public final class KeyRing {
    private static final byte[] SALT = "intelligence-crm key ring v1".getBytes(StandardCharsets.UTF_8);

    private final byte[] active;
    private final List<byte[]> accepted;

    /** A key for one purpose and the id it is known by. */
    public record Key(String id, byte[] bytes) {
    }

    /** @param accepted secrets that are still accepted besides the active one, never used for anything new */
    public KeyRing(byte[] active, List<byte[]> accepted) {
        this.active = active.clone();
        this.accepted = accepted.stream().map(byte[]::clone).toList();
    }

    public static KeyRing of(byte[] active) {
        return new KeyRing(active, List.of());
    }

    /** The key new values and tokens of this purpose are made with. */
    public Key active(String purpose) {
        return derive(active, purpose);
    }

    /** Every key of this purpose that is still accepted, the active one first. */
    public List<Key> accepted(String purpose) {
        List<Key> keys = new ArrayList<>();
        keys.add(active(purpose));
        for (byte[] secret : accepted) keys.add(derive(secret, purpose));
        return keys;
    }

    public Optional<Key> find(String purpose, String id) {
        return accepted(purpose).stream().filter(key -> key.id().equals(id)).findFirst();
    }

    /**
     * The configured secrets themselves, active first, for values made before keys were derived per
     * purpose (sealed "v1:" values, tokens without a key id): they are still read, never made.
     */
    public List<byte[]> legacySecrets() {
        List<byte[]> secrets = new ArrayList<>();
        secrets.add(active.clone());
        accepted.forEach(secret -> secrets.add(secret.clone()));
        return secrets;
    }

    private static Key derive(byte[] secret, String purpose) {
        byte[] key = Hkdf.derive(secret, SALT, purpose.getBytes(StandardCharsets.UTF_8), 32);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return new Key(HexFormat.of().formatHex(digest, 0, 6), key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
