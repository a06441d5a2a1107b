package io.intelligencecrm.web.ops;

import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.secret.Resealer;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.web.DatabaseRuntime;
import io.intelligencecrm.web.auth.KeyFile;
import io.intelligencecrm.web.auth.SecretsKey;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Key rotation. {@code rotate-keys} makes new key files in CRM_DATA_DIR and keeps the old ones
 * accepted (keys set by environment variables are rotated in their secret store instead);
 * {@code reseal} seals every stored credential again with the active secrets key, after which the
 * old key may be dropped.
 */
final class KeyCommands {
    private KeyCommands() {
    }

    static int rotate(Settings settings, PrintStream out) {
        Path dataDir = settings.database().dataDir();
        if (settings.auth().jwtSecret().isPresent()) {
            out.println("CRM_JWT_SECRET is set: rotate it where it is kept. Give every node the new secret as"
                    + " CRM_JWT_SECRET and the old one in CRM_JWT_SECRETS_ACCEPTED, then drop the old one after the"
                    + " longest token lifetime (12 hours for browsers).");
        } else {
            KeyFile.rotate(dataDir.resolve(KeyFile.JWT));
            out.println("New token secret in " + dataDir.resolve(KeyFile.JWT) + "; the old one stays accepted in "
                    + KeyFile.JWT + KeyFile.ACCEPTED_SUFFIX + ".");
        }
        if (settings.secrets().key().isPresent()) {
            out.println("CRM_SECRETS_KEY is set: rotate it where it is kept. Give every node the new key as"
                    + " CRM_SECRETS_KEY and the old one in CRM_SECRETS_KEYS_ACCEPTED, run reseal, then drop the old one.");
        } else {
            KeyFile.rotate(dataDir.resolve(KeyFile.SECRETS));
            out.println("New secrets key in " + dataDir.resolve(KeyFile.SECRETS) + "; the old one stays accepted in "
                    + KeyFile.SECRETS + KeyFile.ACCEPTED_SUFFIX + ".");
        }
        out.println("Restart the server to use the new keys, then run reseal.");
        return 0;
    }

    static int reseal(Settings settings, PrintStream out) {
        KeyRing keys = SecretsKey.load(settings.secrets(), settings.database().dataDir());
        try (DatabaseRuntime runtime = DatabaseRuntime.open(settings.database())) {
            var database = runtime.database();
            Resealer.Result result = new Resealer(database.tenants(), new SecretBox(keys))
                    .resealAll(new TenantDirectory(database.jdbi()).allTenantIds());
            out.printf("Sealed %d stored secrets again with the active key; %d were current already.%n",
                    result.resealed(), result.current());
            if (result.unreadable().isEmpty()) return 0;
            out.println("No accepted key opens these (their tenants must enter them again, or accept the old key):");
            result.unreadable().forEach(value -> out.println("  " + value));
            return 1;
        }
    }
}
