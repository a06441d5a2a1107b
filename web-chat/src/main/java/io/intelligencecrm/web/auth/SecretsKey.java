package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.config.SecretSettings;
import java.nio.file.Path;

/**
 * The one key for secrets the product keeps (sealed credentials, signed unsubscribe links):
 * CRM_SECRETS_KEY, or a key generated once in the data folder.
 */
public final class SecretsKey {
    private SecretsKey() {
    }

    public static byte[] load(SecretSettings settings, Path dataDir) {
        return settings.key().orElseGet(() -> KeyFile.loadOrCreate(dataDir.resolve("secrets.key")));
    }
}
