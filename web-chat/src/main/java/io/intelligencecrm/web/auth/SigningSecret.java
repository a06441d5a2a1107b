package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.config.AuthSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The token signing secret: configured, or generated once and kept (owner-only) in the data folder. */
public final class SigningSecret {
    private SigningSecret() {
    }

    public static byte[] load(AuthSettings settings, Path dataDir) {
        if (settings.jwtSecret().isPresent()) return settings.jwtSecret().get().getBytes(StandardCharsets.UTF_8);
        return KeyFile.loadOrCreate(dataDir.resolve("jwt.secret"));
    }
}
