package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.config.AuthSettings;
import io.intelligencecrm.core.secret.KeyRing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The token signing secrets: CRM_JWT_SECRET (or a secret generated once and kept owner-only in the data
 * folder) and those still accepted, from CRM_JWT_SECRETS_ACCEPTED and the folder's accepted list.
 */
public final class SigningSecret {
    private SigningSecret() {
    }

    public static KeyRing load(AuthSettings settings, Path dataDir) {
        Path file = dataDir.resolve(KeyFile.JWT);
        byte[] active = settings.jwtSecret().map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> KeyFile.loadOrCreate(file));
        List<byte[]> accepted = new ArrayList<>();
        settings.jwtSecretsAccepted().forEach(secret -> accepted.add(secret.getBytes(StandardCharsets.UTF_8)));
        accepted.addAll(KeyFile.accepted(file, settings.jwtSecret().isPresent()));
        return new KeyRing(active, accepted);
    }
}
