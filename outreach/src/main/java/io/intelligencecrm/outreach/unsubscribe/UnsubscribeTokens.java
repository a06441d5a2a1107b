package io.intelligencecrm.outreach.unsubscribe;

import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.tenant.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unsubscribe links that need no login: the token names the tenant and the address and carries an
 * HMAC, so nobody can unsubscribe an address from a link they made up. Tokens do not expire: an
 * old mail's link must keep working.
 */
public final class UnsubscribeTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final List<SecretKeySpec> keys;

    /**
     * @param secrets the secrets key and those still accepted, active first. The link key is derived
     *                from it as it always was (a hash with the purpose), so links in mail already sent keep
     *                working; a link made with a retired key works while that key is accepted.
     */
    public UnsubscribeTokens(KeyRing secrets) {
        this.keys = secrets.legacySecrets().stream().map(UnsubscribeTokens::linkKey).toList();
    }

    private static SecretKeySpec linkKey(byte[] secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("unsubscribe-link".getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest.digest(secret), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Subject(TenantId tenant, String address) {
    }

    public String issue(TenantId tenant, String address) {
        byte[] email = address.toLowerCase().getBytes(StandardCharsets.UTF_8);
        byte[] body = ByteBuffer.allocate(16 + email.length).putLong(tenant.value().getMostSignificantBits())
                .putLong(tenant.value().getLeastSignificantBits()).put(email).array();
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(mac(keys.getFirst(), body));
    }

    public Optional<Subject> verify(String token) {
        if (token == null) return Optional.empty();
        int dot = token.indexOf('.');
        if (dot <= 0) return Optional.empty();
        try {
            byte[] body = DECODER.decode(token.substring(0, dot));
            byte[] mac = DECODER.decode(token.substring(dot + 1));
            if (body.length <= 16 || keys.stream().noneMatch(key -> MessageDigest.isEqual(mac, mac(key, body)))) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(body);
            TenantId tenant = new TenantId(new UUID(buffer.getLong(), buffer.getLong()));
            String address = new String(body, 16, body.length - 16, StandardCharsets.UTF_8);
            return Optional.of(new Subject(tenant, address));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
