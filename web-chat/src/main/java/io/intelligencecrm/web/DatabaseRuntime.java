package io.intelligencecrm.web;

import io.intelligencecrm.core.config.DatabaseSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.db.DatabaseStartException;
import io.intelligencecrm.core.db.Migrations;
import io.intelligencecrm.postgres.ClusterBootstrap;
import io.intelligencecrm.postgres.LocalPostgres;
import io.intelligencecrm.postgres.TrigramOperators;
import io.intelligencecrm.postgres.PostgresStartException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the configured database: an external server when CRM_DATABASE_URL is set, otherwise the
 * project-managed cluster under the data folder. Migrations are applied before the pool opens.
 */
public final class DatabaseRuntime implements AutoCloseable {
    public static final String EMBEDDED_DATABASE = "crm";
    private static final Logger log = LoggerFactory.getLogger(DatabaseRuntime.class);

    private final Optional<LocalPostgres> cluster;
    private final Database database;

    private DatabaseRuntime(Optional<LocalPostgres> cluster, Database database) {
        this.cluster = cluster;
        this.database = database;
    }

    public static DatabaseRuntime open(DatabaseSettings settings) {
        Optional<LocalPostgres> cluster = Optional.empty();
        DatabaseCoordinates coordinates;
        if (settings.embedded()) {
            try {
                LocalPostgres local = startManaged(settings);
                cluster = Optional.of(local);
                coordinates = new DatabaseCoordinates(local.jdbcUrl(EMBEDDED_DATABASE),
                        settings.ownerUser(), local.rolePassword(settings.ownerUser()),
                        settings.appUser(), local.rolePassword(settings.appUser()));
            } catch (PostgresStartException e) {
                // One kind of start failure for Main to report, whichever database it was.
                throw new DatabaseStartException(e.getMessage(), e);
            }
        } else {
            coordinates = new DatabaseCoordinates(settings.url().orElseThrow(), settings.ownerUser(),
                    settings.ownerPassword(), settings.appUser(), settings.appPassword());
        }
        try {
            Migrations.apply(coordinates);
            Database database = new Database(coordinates, settings.poolSize());
            if (!database.jdbi().withHandle(handle -> TrigramOperators.leakproof(handle.getConnection()))) {
                log.warn("pg_trgm's operators are not declared leakproof in this database, so matching names in chat "
                        + "reads each tenant's rows instead of its indexes; a superuser can fix this with the statements"
                        + " in docs/operating/deploy.md");
            }
            return new DatabaseRuntime(cluster, database);
        } catch (RuntimeException e) {
            cluster.ifPresent(LocalPostgres::close);
            throw e;
        }
    }

    /**
     * Starts (or joins) the managed cluster under the data folder where CRM_POSTGRES_LISTEN and CRM_POSTGRES_PORT
     * say, with the owner and app roles (passwords in its roles.properties) and the database prepared.
     */
    public static LocalPostgres startManaged(DatabaseSettings settings) {
        LocalPostgres local = LocalPostgres.start(settings.dataDir().resolve("postgres"), settings.postgresBin(),
                settings.postgresOsUser(), false, settings.postgresExtraSettings(),
                new LocalPostgres.Listen(settings.postgresListen(), settings.postgresPort(), settings.postgresAllow()));
        try {
            ClusterBootstrap.prepare(local, EMBEDDED_DATABASE, new ClusterBootstrap.Roles(settings.ownerUser(),
                    local.rolePassword(settings.ownerUser()), settings.appUser(), local.rolePassword(settings.appUser())));
            return local;
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public Optional<LocalPostgres> cluster() {
        return cluster;
    }

    @Override
    public void close() {
        database.close();
        cluster.ifPresent(LocalPostgres::close);
    }
}
