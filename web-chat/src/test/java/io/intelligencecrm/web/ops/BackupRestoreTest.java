package io.intelligencecrm.web.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.auth.SecretsKey;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Backup, wipe, restore: a populated tenant is backed up (encrypted), the
 * database and the data folder are thrown away, the backup is restored into a new empty database
 * and folder, and every table holds the same rows (counted and checksummed). The restored keys
 * still verify a token issued before the backup and open the sealed credentials, and people sign in.
 */
class BackupRestoreTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String SMTP_PASSWORD = "smtp-password-to-keep";

    @Test
    void a_backup_restored_into_an_empty_database_has_every_row_and_the_keys_still_work() throws Exception {
        Path scratch = Files.createTempDirectory("crm-backup-test-");
        DatabaseCoordinates original = TestPostgres.get().freshDatabase();
        Map<String, String> env = environment(original, scratch.resolve("data-before"));
        CrmApplication before = CrmApplication.start(Settings.from(env));
        String tokenBeforeBackup;
        Path backup = scratch.resolve("nightly.crmbak");
        Map<String, String> rowsBefore;
        try {
            ApiClient admin = DemoLogins.as(before, Role.ADMIN);
            tokenBeforeBackup = admin.bearer();
            assertEquals(200, admin.send("PUT", "/api/outreach/settings", """
                    {"smtpHost": "smtp.example.org", "smtpPort": 587, "smtpUsername": "crm", "smtpPassword": "%s"}"""
                    .formatted(SMTP_PASSWORD), "application/json").status());
            assertEquals(200, admin.post("/api/chat", "{\"message\": \"add Rhea Restore from Acme, rhea@restore.example\"}")
                    .status());
            before.dispatcher().drain();
        } finally {
            // Stopped first so the comparison is exact: a running node keeps touching Quartz's check-in row.
            before.stop();
        }
        Result backedUp = command("backup", List.of("--output", backup.toString()), env);
        assertEquals(0, backedUp.status(), backedUp.output());
        rowsBefore = tableChecksums(original.url());
        assertTrue(Files.readString(backup, StandardCharsets.ISO_8859_1).startsWith("CRMBAK-AES256GCM-1"), "encrypted");
        dropDatabase(original.url());

        DatabaseCoordinates empty = TestPostgres.get().emptyDatabase();
        Map<String, String> restoredEnv = environment(empty, scratch.resolve("data-after"));
        Map<String, String> wrongPassphrase = new HashMap<>(restoredEnv);
        wrongPassphrase.put("CRM_BACKUP_PASSPHRASE", "not the passphrase at all");
        Result refused = command("restore", List.of(backup.toString()), wrongPassphrase);
        assertEquals(1, refused.status());
        assertTrue(refused.output().contains("passphrase is wrong"), refused.output());

        Result restored = command("restore", List.of(backup.toString()), restoredEnv);
        assertEquals(0, restored.status(), restored.output());
        assertEquals(rowsBefore, tableChecksums(empty.url()), "every table has the same rows");
        Result again = command("restore", List.of(backup.toString()), restoredEnv);
        assertEquals(1, again.status());
        assertTrue(again.output().contains("restore only into an empty database"), again.output());

        CrmApplication after = CrmApplication.start(Settings.from(restoredEnv));
        try {
            ApiClient old = new ApiClient(after.url(), tokenBeforeBackup);
            assertEquals(200, old.get("/api/auth/me").status(), "a token from before the backup verifies with the restored key");
            assertEquals(200, DemoLogins.as(after, Role.REP).get("/api/contacts?q=Rhea").status(), "people sign in");
            String sealed = after.database().tenants().inTenant(after.services().directory().findBySlugOrDomain("demo")
                    .orElseThrow().tenantId(), handle -> handle.createQuery("select smtp_password_sealed from mail_settings")
                    .mapTo(String.class).one());
            SecretBox box = new SecretBox(SecretsKey.load(after.settings().secrets(), after.settings().database().dataDir()));
            assertEquals(SMTP_PASSWORD, box.open(sealed), "the restored secrets key opens the sealed credential");
        } finally {
            after.stop();
        }
    }

    private record Result(int status, String output) {
    }

    private static Result command(String name, List<String> args, Map<String, String> env) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream err = System.err;
        PrintStream captured = new PrintStream(output, true, StandardCharsets.UTF_8);
        System.setErr(captured);
        try {
            int status = OperatorCommands.run(name, args, () -> Settings.from(env), captured);
            return new Result(status, output.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    private static Map<String, String> environment(DatabaseCoordinates database, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("CRM_DATABASE_URL", database.url());
        env.put("CRM_DATABASE_OWNER_USER", database.ownerUser());
        env.put("CRM_DATABASE_OWNER_PASSWORD", database.ownerPassword());
        env.put("CRM_DATABASE_APP_USER", database.appUser());
        env.put("CRM_DATABASE_APP_PASSWORD", database.appPassword());
        env.put("CRM_BACKUP_DATABASE_USER", "crm_superuser");
        env.put("CRM_BACKUP_DATABASE_PASSWORD", TestPostgres.get().cluster().superuserPassword());
        env.put("CRM_BACKUP_PASSPHRASE", PASSPHRASE);
        env.put("CRM_HTTP_PORT", "0");
        env.put("CRM_DATA_DIR", dataDir.toString());
        env.put("CRM_SCORING_SCHEDULE", "false");
        env.put("CRM_SCORING_ON_CHANGE", "false");
        return env;
    }

    /** Row count and a checksum of every row's text, per table (partitions included), read as a superuser. */
    private static Map<String, String> tableChecksums(String url) throws SQLException {
        Map<String, String> checksums = new TreeMap<>();
        try (Connection connection = superuser(url); Statement statement = connection.createStatement()) {
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
                while (rows.next()) tables.add(rows.getString(1));
            }
            assertTrue(tables.size() > 30, "tables: " + tables);
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*), coalesce(md5(string_agg(md5(t::text), ''"
                        + " order by md5(t::text))), '') from only public." + table + " t")) {
                    rows.next();
                    checksums.put(table, rows.getLong(1) + " rows, " + rows.getString(2));
                }
            }
        }
        assertNotEquals("0 rows, ", checksums.get("contacts"), "the tenant was populated");
        return checksums;
    }

    private static void dropDatabase(String url) throws SQLException {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection connection = TestPostgres.get().superuser("postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("drop database " + name + " with (force)");
        }
    }

    private static Connection superuser(String url) throws SQLException {
        return TestPostgres.get().superuser(url.substring(url.lastIndexOf('/') + 1));
    }
}
