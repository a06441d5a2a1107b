package io.intelligencecrm.core.identity;

import io.intelligencecrm.core.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A bearer secret that names its tenant and row: {@code <kind>_<tenant>_<id>_<secret>}. Naming the
 * tenant lets the lookup run inside that tenant's transaction (row-level security stays on);
 * only a SHA-256 of the 256-bit random secret is stored, compared in constant time.
 */
public record CompoundToken(String kind, TenantId tenant, UUID id, String secret) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static CompoundToken issue(String kind, TenantId tenant, UUID id) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new CompoundToken(kind, tenant, id, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static Optional<CompoundToken> parse(String kind, String text) {
        if (text == null) return Optional.empty();
        String[] parts = text.trim().split("_", 4);
        if (parts.length != 4 || !parts[0].equals(kind) || parts[1].length() != 32 || parts[2].length() != 32
                || !parts[3].matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CompoundToken(kind, new TenantId(uuid(parts[1])), uuid(parts[2]), parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String encoded() {
        return kind + "_" + compact(tenant.value()) + "_" + compact(id) + "_" + secret;
    }

    public String secretHash() {
        return SecretHash.of(secret);
    }

    public boolean matches(String storedHash) {
        return storedHash != null && MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII), secretHash().getBytes(StandardCharsets.US_ASCII));
    }

    private static String compact(UUID uuid) {
        return uuid.toString().replace("-", "");
    }

    private static UUID uuid(String compact) {
        return UUID.fromString(compact.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
    }

    @Override
    public String toString() {
        return "CompoundToken[" + kind + ", " + tenant + ", " + id + ", secret hidden]";
    }
}
