package io.intelligencecrm.core.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the database is. Without {@code url} the product runs its own PostgreSQL cluster
 * under {@code dataDir}; with it, the owner role migrates and the app role (no BYPASSRLS) serves.
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
        String postgresExtraSettings) {

    static DatabaseSettings from(Env env) {
        Optional<String> url = env.optional("CRM_DATABASE_URL");
        if (url.isPresent() && !url.get().startsWith("jdbc:postgresql://")) {
            env.problem("CRM_DATABASE_URL must look like jdbc:postgresql://host:5432/database");
        }
        String ownerPassword = env.string("CRM_DATABASE_OWNER_PASSWORD", "");
        String appPassword = env.string("CRM_DATABASE_APP_PASSWORD", "");
        if (url.isPresent() && (ownerPassword.isEmpty() || appPassword.isEmpty())) {
            env.problem("CRM_DATABASE_URL needs CRM_DATABASE_OWNER_PASSWORD and CRM_DATABASE_APP_PASSWORD");
        }
        return new DatabaseSettings(
                url,
                env.string("CRM_DATABASE_OWNER_USER", "crm_owner"),
                ownerPassword,
                env.string("CRM_DATABASE_APP_USER", "crm_app"),
                appPassword,
                env.integer("CRM_DATABASE_POOL_SIZE", 10, 1, 500),
                env.path("CRM_DATA_DIR", ".crm"),
                env.path("CRM_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"),
                env.string("CRM_POSTGRES_OS_USER", "postgres"),
                env.string("CRM_POSTGRES_SETTINGS", ""));
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    public DatabaseSettings withConnection(String jdbcUrl, String owner, String ownerPw, String app, String appPw) {
        return new DatabaseSettings(Optional.of(jdbcUrl), owner, ownerPw, app, appPw, poolSize, dataDir,
                postgresBin, postgresOsUser, postgresExtraSettings);
    }
}
