package io.intelligencecrm.core.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The key that seals credentials stored in the database (32 bytes, base64). Without CRM_SECRETS_KEY a
 * random key is generated once and kept owner-only under the data folder; a cluster of nodes must
 * share one configured key. CRM_SECRETS_KEYS_ACCEPTED lists more keys that still open values (a
 * rotation's old key, or the next key before it becomes active); they never seal anything.
 */
public record SecretSettings(Optional<byte[]> key, List<byte[]> accepted) {
    private static final String HINT = " must be 32 random bytes in base64 (openssl rand -base64 32)";

    static SecretSettings from(Env env) {
        Optional<byte[]> key = env.optional("CRM_SECRETS_KEY").flatMap(raw -> decoded(env, "CRM_SECRETS_KEY", raw));
        List<byte[]> accepted = new ArrayList<>();
        for (String raw : env.string("CRM_SECRETS_KEYS_ACCEPTED", "").split(",")) {
            if (!raw.isBlank()) decoded(env, "each key in CRM_SECRETS_KEYS_ACCEPTED", raw.trim()).ifPresent(accepted::add);
        }
        return new SecretSettings(key, List.copyOf(accepted));
    }

    private static Optional<byte[]> decoded(Env env, String name, String raw) {
        try {
            byte[] key = Base64.getDecoder().decode(raw);
            if (key.length == 32) return Optional.of(key);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        env.problem(name + HINT);
        return Optional.empty();
    }
}
