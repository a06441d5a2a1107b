package io.intelligencecrm.core.db;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Applies the schema as the owner role; the app role's grants are part of the migrations. */
public final class Migrations {
    private Migrations() {
    }

    public static int apply(DatabaseCoordinates database) {
        try {
            return flyway(database).migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseStartException("Migrating " + database.url() + " failed: " + e.getMessage(), e);
        }
    }

    /** Applies migrations up to and including {@code version} only: an upgrade test starts from an older release's schema. */
    static int applyUpTo(DatabaseCoordinates database, String version) {
        return Flyway.configure().configuration(flyway(database).getConfiguration()).target(version).load()
                .migrate().migrationsExecuted;
    }

    public static boolean upToDate(DatabaseCoordinates database) {
        return flyway(database).info().pending().length == 0;
    }

    private static Flyway flyway(DatabaseCoordinates database) {
        return Flyway.configure()
                .dataSource(database.url(), database.ownerUser(), database.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", roleName(database.appUser())))
                // Modules own version ranges; a module merged later may add a lower version.
                .outOfOrder(true)
                .load();
    }

    /** The app role is written into the migrations' GRANTs as an identifier, so only a plain name will do. */
    private static String roleName(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new DatabaseStartException("Unsupported role name for CRM_DATABASE_APP_USER: " + name);
        }
        return name;
    }
}
