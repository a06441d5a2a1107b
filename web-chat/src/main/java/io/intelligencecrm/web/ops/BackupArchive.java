package io.intelligencecrm.web.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.web.auth.KeyFile;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A backup file: a zip of {@code manifest.json}, {@code database.dump} (pg_dump's custom format) and
 * {@code keys/} (the key files of CRM_DATA_DIR), encrypted as a whole when a passphrase is given.
 */
final class BackupArchive {
    static final int FORMAT = 1;
    static final String MANIFEST = "manifest.json";
    static final String DUMP = "database.dump";
    static final String KEYS = "keys/";

    private BackupArchive() {
    }

    /** Writes the archive next to {@code target} and moves it into place when complete; owner-only. */
    static void write(Path target, Map<String, Object> manifest, Path dump, Path dataDir, Optional<String> passphrase)
            throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        // Owner-only from the start: an unencrypted backup holds the keys.
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial));
             OutputStream sealed = passphrase.isPresent() ? ArchiveCipher.encrypting(file, passphrase.get()) : file;
             ZipOutputStream zip = new ZipOutputStream(sealed)) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            // pg_dump's custom format is compressed already.
            zip.setLevel(Deflater.NO_COMPRESSION);
            zip.putNextEntry(new ZipEntry(DUMP));
            Files.copy(dump, zip);
            zip.closeEntry();
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (String name : KeyFile.names()) {
                Path key = dataDir.resolve(name);
                if (!Files.exists(key)) continue;
                zip.putNextEntry(new ZipEntry(KEYS + name));
                Files.copy(key, zip);
                zip.closeEntry();
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Unpacks a backup into {@code folder} (only the entries a backup has); returns its manifest. */
    static JsonNode extract(Path archive, Path folder, Optional<String> passphrase) throws IOException {
        boolean encrypted;
        try (InputStream probe = Files.newInputStream(archive)) {
            encrypted = ArchiveCipher.readMagic(probe);
        }
        if (encrypted && passphrase.isEmpty()) {
            throw new OperatorException("the backup is encrypted: set CRM_BACKUP_PASSPHRASE to its passphrase");
        }
        Files.createDirectories(folder.resolve(KEYS));
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive))) {
            if (encrypted) ArchiveCipher.readMagic(file);
            try (ZipInputStream zip = new ZipInputStream(encrypted ? ArchiveCipher.decrypting(file, passphrase.get()) : file)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String name = entry.getName();
                    boolean known = name.equals(MANIFEST) || name.equals(DUMP)
                            || (name.startsWith(KEYS) && KeyFile.names().contains(name.substring(KEYS.length())));
                    if (!known) throw new OperatorException("the backup holds an unexpected entry: " + name);
                    Files.copy(zip, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (!Files.exists(folder.resolve(MANIFEST)) || !Files.exists(folder.resolve(DUMP))) {
            throw new OperatorException("this is not a complete Intelligence CRM backup");
        }
        JsonNode manifest = Json.mapper().readTree(folder.resolve(MANIFEST).toFile());
        if (manifest.path("format").asInt() != FORMAT) {
            throw new OperatorException("the backup's format " + manifest.path("format") + " is not one this version reads");
        }
        return manifest;
    }
}
