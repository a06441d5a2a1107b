package io.intelligencecrm.core.config;

import java.util.Optional;

/**
 * The backup and restore commands: an optional passphrase that encrypts archives, and the database
 * role they use. Row-level security hides every tenant's rows from the owner and the app role, so
 * the dump and the restore run as a superuser or a BYPASSRLS role; with the managed cluster its own
 * superuser is used and nothing needs to be set.
 */
public record BackupSettings(Optional<String> passphrase, Optional<String> databaseUser,
                             Optional<String> databasePassword) {

    static BackupSettings from(Env env) {
        Optional<String> passphrase = env.optional("CRM_BACKUP_PASSPHRASE");
        if (passphrase.isPresent() && passphrase.get().length() < 12) {
            env.problem("CRM_BACKUP_PASSPHRASE must be at least 12 characters");
        }
        return new BackupSettings(passphrase, env.optional("CRM_BACKUP_DATABASE_USER"),
                env.optional("CRM_BACKUP_DATABASE_PASSWORD"));
    }
}
