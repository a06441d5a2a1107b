package io.intelligencecrm.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the database is. Without {@code url} the product runs its own PostgreSQL cluster
 * under {@code dataDir}; with it, the owner role migrates and the app role (no BYPASSRLS) serves.
 * The role passwords come from their variables, or from a passwords file (the managed cluster's
 * {@code roles.properties}, role name = password) when the variables are not set.
 *
 * @param postgresListen  where the managed cluster listens (listen_addresses): 127.0.0.1, an address, or *
 * @param postgresPort    the managed cluster's port; 0 picks a free one at each start
 * @param postgresAllow   clients let in over the network when it listens beyond loopback (a CIDR, or samenet)
 */
public record DatabaseSettings(
        Optional<String> url,
        String ownerUser,
        String ownerPassword,
        String appUser,
        String appPassword,
        int poolSize,
        Path dataDir,
        Path postgresBin,
        String postgresOsUser,
        String postgresExtraSettings,
        String postgresListen,
        int postgresPort,
        String postgresAllow) {

    static DatabaseSettings from(Env env) {
        Optional<String> url = env.optional("CRM_DATABASE_URL");
        if (url.isPresent() && !url.get().startsWith("jdbc:postgresql://")) {
            env.problem("CRM_DATABASE_URL must look like jdbc:postgresql://host:5432/database");
        }
        String ownerUser = env.string("CRM_DATABASE_OWNER_USER", "crm_owner");
        String appUser = env.string("CRM_DATABASE_APP_USER", "crm_app");
        Properties passwords = passwords(env);
        String ownerPassword = env.string("CRM_DATABASE_OWNER_PASSWORD", passwords.getProperty(ownerUser, ""));
        String appPassword = env.string("CRM_DATABASE_APP_PASSWORD", passwords.getProperty(appUser, ""));
        if (url.isPresent() && (ownerPassword.isEmpty() || appPassword.isEmpty())) {
            env.problem("CRM_DATABASE_URL needs CRM_DATABASE_OWNER_PASSWORD and CRM_DATABASE_APP_PASSWORD "
                    + "(or CRM_DATABASE_PASSWORDS_FILE naming both roles)");
        }
        return new DatabaseSettings(
                url,
                ownerUser,
                ownerPassword,
                appUser,
                appPassword,
                env.integer("CRM_DATABASE_POOL_SIZE", 10, 1, 500),
                env.path("CRM_DATA_DIR", ".crm"),
                env.path("CRM_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"),
                env.string("CRM_POSTGRES_OS_USER", "postgres"),
                env.string("CRM_POSTGRES_SETTINGS", ""),
                env.string("CRM_POSTGRES_LISTEN", "127.0.0.1"),
                env.integer("CRM_POSTGRES_PORT", 0, 0, 65535),
                env.string("CRM_POSTGRES_ALLOW", "samenet"));
    }

    private static Properties passwords(Env env) {
        Properties passwords = new Properties();
        Optional<String> file = env.optional("CRM_DATABASE_PASSWORDS_FILE");
        if (file.isEmpty()) return passwords;
        try (Reader in = Files.newBufferedReader(Path.of(file.get()))) {
            passwords.load(in);
        } catch (IOException e) {
            env.problem("CRM_DATABASE_PASSWORDS_FILE cannot be read: " + e.getMessage());
        }
        return passwords;
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    public DatabaseSettings withConnection(String jdbcUrl, String owner, String ownerPw, String app, String appPw) {
        return new DatabaseSettings(Optional.of(jdbcUrl), owner, ownerPw, app, appPw, poolSize, dataDir,
                postgresBin, postgresOsUser, postgresExtraSettings, postgresListen, postgresPort, postgresAllow);
    }
}
