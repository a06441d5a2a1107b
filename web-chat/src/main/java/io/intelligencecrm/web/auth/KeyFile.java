package io.intelligencecrm.web.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A random 32-byte key generated once and kept (owner-only, base64) in a file, so it survives
 * restarts; beside it, {@code <name>.accepted} holds the keys a rotation retired (one per line),
 * still accepted until the operator deletes the file.
 */
public final class KeyFile {
    public static final String JWT = "jwt.secret";
    public static final String SECRETS = "secrets.key";
    public static final String ACCEPTED_SUFFIX = ".accepted";

    private KeyFile() {
    }

    /** Every key file a data folder may hold: what a backup must keep. */
    public static List<String> names() {
        return List.of(JWT, JWT + ACCEPTED_SUFFIX, SECRETS, SECRETS + ACCEPTED_SUFFIX);
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) return Base64.getDecoder().decode(Files.readString(file).trim());
            byte[] secret = random();
            write(file, Base64.getEncoder().encodeToString(secret));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /**
     * The keys a data folder keeps that are still accepted: its retired keys, and its own key when a
     * configured one replaced it (so moving to a configured key loses no session or sealed value).
     */
    static List<byte[]> accepted(Path file, boolean replacedByConfiguredKey) {
        List<byte[]> keys = new ArrayList<>();
        if (replacedByConfiguredKey && Files.exists(file)) keys.add(loadOrCreate(file));
        keys.addAll(accepted(file));
        return keys;
    }

    private static List<byte[]> accepted(Path file) {
        Path accepted = file.resolveSibling(file.getFileName() + ACCEPTED_SUFFIX);
        List<byte[]> keys = new ArrayList<>();
        try {
            if (!Files.exists(accepted)) return keys;
            for (String line : Files.readAllLines(accepted)) {
                if (!line.isBlank()) keys.add(Base64.getDecoder().decode(line.trim()));
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + accepted, e);
        }
    }

    /** A new key in the file; the one it replaces moves to the accepted list. */
    public static void rotate(Path file) {
        try {
            byte[] current = loadOrCreate(file);
            Path accepted = file.resolveSibling(file.getFileName() + ACCEPTED_SUFFIX);
            StringBuilder keys = new StringBuilder(Base64.getEncoder().encodeToString(current)).append('\n');
            if (Files.exists(accepted)) keys.append(Files.readString(accepted));
            write(accepted, keys.toString());
            write(file, Base64.getEncoder().encodeToString(random()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate " + file, e);
        }
    }

    private static byte[] random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** Written beside and moved into place, so a crash never leaves half a key; owner-only. */
    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        // Created owner-only before the key is written into it: never readable by others, not even briefly.
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
