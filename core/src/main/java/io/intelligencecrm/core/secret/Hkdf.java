package io.intelligencecrm.core.secret;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): independent keys for separate purposes from one secret. */
public final class Hkdf {
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    /** @param info names the purpose; the same secret and info always give the same key */
    public static byte[] derive(byte[] secret, byte[] salt, byte[] info, int length) {
        if (length > 255 * HASH_BYTES) throw new IllegalArgumentException("HKDF cannot make " + length + " bytes");
        byte[] pseudoRandomKey = hmac(salt == null || salt.length == 0 ? new byte[HASH_BYTES] : salt, secret);
        ByteArrayOutputStream output = new ByteArrayOutputStream(length);
        byte[] block = new byte[0];
        for (int counter = 1; output.size() < length; counter++) {
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            input.writeBytes(block);
            input.writeBytes(info);
            input.write(counter);
            block = hmac(pseudoRandomKey, input.toByteArray());
            output.write(block, 0, Math.min(block.length, length - output.size()));
        }
        return output.toByteArray();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
