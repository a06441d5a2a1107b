package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.config.SecretSettings;
import io.intelligencecrm.core.secret.SecretBox;
import java.nio.file.Path;

/** The box for credentials stored in the database: CRM_SECRETS_KEY, or a key generated once in the data folder. */
public final class SecretsKey {
    private SecretsKey() {
    }

    public static SecretBox box(SecretSettings settings, Path dataDir) {
        return new SecretBox(settings.key().orElseGet(() -> KeyFile.loadOrCreate(dataDir.resolve("secrets.key"))));
    }
}
