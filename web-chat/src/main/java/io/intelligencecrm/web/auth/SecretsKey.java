package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.config.SecretSettings;
import io.intelligencecrm.core.secret.KeyRing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The key for secrets the product keeps (sealed credentials, signed unsubscribe links):
 * CRM_SECRETS_KEY, or a key generated once in the data folder; with the keys still accepted from
 * CRM_SECRETS_KEYS_ACCEPTED and the folder's accepted list.
 */
public final class SecretsKey {
    private SecretsKey() {
    }

    public static KeyRing load(SecretSettings settings, Path dataDir) {
        Path file = dataDir.resolve(KeyFile.SECRETS);
        byte[] active = settings.key().orElseGet(() -> KeyFile.loadOrCreate(file));
        List<byte[]> accepted = new ArrayList<>(settings.accepted());
        accepted.addAll(KeyFile.accepted(file, settings.key().isPresent()));
        return new KeyRing(active, accepted);
    }
}
