package io.intelligencecrm.core.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that seals stored credentials: configured (CRM_SECRET_KEY, base64 of 32 bytes), or
 * generated once and kept owner-only under the data folder, like the token signing secret.
 * Losing the file makes stored credentials unreadable (they must be entered again), never readable.
 */
public final class SecretKeyFile {
    private static final String FILE = "secret-box.key";

    private SecretKeyFile() {
    }

    public static byte[] load(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) return decode(configured.get(), "CRM_SECRET_KEY");
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) return decode(Files.readString(file).trim(), file.toString());
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static byte[] decode(String text, String source) {
        byte[] key = Base64.getDecoder().decode(text);
        if (key.length != 32) throw new IllegalArgumentException(source + " must be base64 of 32 bytes");
        return key;
    }
}
