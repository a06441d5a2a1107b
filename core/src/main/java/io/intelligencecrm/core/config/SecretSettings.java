package io.intelligencecrm.core.config;

import java.util.Base64;
import java.util.Optional;

/**
 * The key that seals credentials stored in the database (32 bytes, base64). Without CRM_SECRETS_KEY a
 * random key is generated once and kept owner-only under the data folder; a cluster of nodes must
 * share one configured key.
 */
public record SecretSettings(Optional<byte[]> key) {

    static SecretSettings from(Env env) {
        Optional<String> raw = env.optional("CRM_SECRETS_KEY");
        if (raw.isEmpty()) return new SecretSettings(Optional.empty());
        try {
            byte[] key = Base64.getDecoder().decode(raw.get());
            if (key.length == 32) return new SecretSettings(Optional.of(key));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        env.problem("CRM_SECRETS_KEY must be 32 random bytes in base64 (openssl rand -base64 32)");
        return new SecretSettings(Optional.empty());
    }
}
