package io.intelligencecrm.web.ops;

import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.web.auth.KeyFile;
import io.intelligencecrm.web.metrics.BuildInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code backup [--output FILE]}: a consistent dump of the whole database (pg_dump runs in one
 * snapshot, so a running server may keep writing) and the key files without which sealed
 * credentials and sessions are lost, in one file. Keys set by environment variables are not in
 * CRM_DATA_DIR and not in the backup: keep them in your secret store.
 */
final class BackupCommand {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private BackupCommand() {
    }

    static int run(Settings settings, List<String> args, PrintStream out) throws IOException {
        Path output = Path.of(option(args, "--output").orElse("crm-backup-" + STAMP.format(Instant.now()) + ".crmbak"))
                .toAbsolutePath();
        if (Files.exists(output)) throw new OperatorException(output + " exists already; name another --output");
        Path work = Files.createTempDirectory("crm-backup-");
        try (PrivilegedDatabase database = PrivilegedDatabase.open(settings)) {
            Path dump = work.resolve(BackupArchive.DUMP);
            database.run("pg_dump", "--format=custom", "--no-password", "--file=" + dump);
            Path dataDir = settings.database().dataDir();
            List<String> keys = KeyFile.names().stream().filter(name -> Files.exists(dataDir.resolve(name))).toList();
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", BackupArchive.FORMAT);
            manifest.put("productVersion", BuildInfo.version());
            manifest.put("schemaVersion", database.schemaVersion());
            manifest.put("database", database.name());
            manifest.put("createdAt", Instant.now().toString());
            manifest.put("keyFiles", keys);
            manifest.put("encrypted", settings.backup().passphrase().isPresent());
            BackupArchive.write(output, manifest, dump, dataDir, settings.backup().passphrase());
            out.printf("Backup written to %s (%,d bytes): database %s at schema version %s, key files %s%s%n", output,
                    Files.size(output), database.name(), manifest.get("schemaVersion"), keys,
                    settings.backup().passphrase().isPresent() ? ", encrypted" : ", NOT encrypted (set CRM_BACKUP_PASSPHRASE)");
            return 0;
        } finally {
            Deletion.tree(work);
        }
    }

    static Optional<String> option(List<String> args, String name) {
        int index = args.indexOf(name);
        if (index < 0) return Optional.empty();
        if (index + 1 >= args.size()) throw new OperatorException(name + " needs a value");
        return Optional.of(args.get(index + 1));
    }
}
