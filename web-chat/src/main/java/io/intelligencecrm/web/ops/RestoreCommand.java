package io.intelligencecrm.web.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.web.auth.KeyFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code restore FILE}: brings a backup back into an empty database and CRM_DATA_DIR. Everything is
 * checked before anything is written: the file opens, the database has no tables, and no key file in
 * CRM_DATA_DIR differs from the backup's (it would lock out the restored data or the current one).
 * The dump is restored in one transaction: all of it, or nothing.
 */
final class RestoreCommand {
    private RestoreCommand() {
    }

    static int run(Settings settings, List<String> args, PrintStream out) throws IOException {
        if (args.isEmpty()) throw new OperatorException("name the backup file: restore FILE");
        Path archive = Path.of(args.getFirst()).toAbsolutePath();
        if (!Files.isReadable(archive)) throw new OperatorException(archive + " cannot be read");
        Path work = Files.createTempDirectory("crm-restore-");
        try {
            JsonNode manifest = BackupArchive.extract(archive, work, settings.backup().passphrase());
            Path dataDir = settings.database().dataDir();
            List<String> keys = new ArrayList<>();
            for (String name : KeyFile.names()) {
                Path saved = work.resolve(BackupArchive.KEYS + name);
                if (!Files.exists(saved)) continue;
                keys.add(name);
                Path current = dataDir.resolve(name);
                if (Files.exists(current) && !Arrays.equals(Files.readAllBytes(current), Files.readAllBytes(saved))) {
                    throw new OperatorException(current + " holds another key than the backup's; move it away first"
                            + " (it may be the only key to data restored elsewhere)");
                }
            }
            try (PrivilegedDatabase database = PrivilegedDatabase.open(settings)) {
                int tables = database.tableCount();
                if (tables > 0) {
                    throw new OperatorException("the database " + database.name() + " has " + tables + " tables: restore"
                            + " only into an empty database (create a new one, or drop and recreate this one)");
                }
                database.run("pg_restore", "--no-password", "--exit-on-error", "--single-transaction",
                        "--dbname=" + database.name(), work.resolve(BackupArchive.DUMP).toString());
            }
            Files.createDirectories(dataDir);
            for (String name : keys) {
                Path target = dataDir.resolve(name);
                Files.copy(work.resolve(BackupArchive.KEYS + name), target, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            }
            out.printf("Restored the backup of %s (version %s, schema %s) and key files %s into %s%n",
                    manifest.path("createdAt").asText(), manifest.path("productVersion").asText(),
                    manifest.path("schemaVersion").asText(), keys, dataDir);
            return 0;
        } finally {
            Deletion.tree(work);
        }
    }
}
