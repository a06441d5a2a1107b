package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.config.AuthSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The token signing secret: configured, or generated once and kept (owner-only) in the data folder. */
public final class SigningSecret {
    private SigningSecret() {
    }

    public static byte[] load(AuthSettings settings, Path dataDir) {
        if (settings.jwtSecret().isPresent()) return settings.jwtSecret().get().getBytes(StandardCharsets.UTF_8);
        Path file = dataDir.resolve("jwt.secret");
        try {
            if (Files.exists(file)) return Base64.getDecoder().decode(Files.readString(file).trim());
            Files.createDirectories(dataDir);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
