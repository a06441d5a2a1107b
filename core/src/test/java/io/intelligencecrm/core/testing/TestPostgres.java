package io.intelligencecrm.core.testing;

import io.intelligencecrm.postgres.ClusterBootstrap;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.postgres.LocalPostgres;
import io.intelligencecrm.core.db.Migrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One throwaway PostgreSQL cluster per test JVM, started from the system binaries like the
 * product's own. The schema is migrated once into a template; each test class that needs a
 * clean slate gets its own database cloned from it in a fraction of a second.
 */
public final class TestPostgres {
    public static final String OWNER = "crm_owner";
    public static final String OWNER_PASSWORD = "owner-test-password";
    public static final String APP = "crm_app";
    public static final String APP_PASSWORD = "app-test-password";
    private static final String TEMPLATE = "crm_template";

    private static TestPostgres instance;

    private final LocalPostgres cluster;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(LocalPostgres cluster) {
        this.cluster = cluster;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestPostgres start() {
        Path root;
        try {
            root = Files.createTempDirectory("crm-test-pg-");
            root.toFile().setExecutable(true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String bin = System.getenv().getOrDefault("CRM_POSTGRES_BIN", "/usr/lib/postgresql/15/bin");
        String osUser = System.getenv().getOrDefault("CRM_POSTGRES_OS_USER", "postgres");
        LocalPostgres cluster = LocalPostgres.start(root, Path.of(bin), osUser, true, "");
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "test-postgres-stop"));
        ClusterBootstrap.prepare(cluster, TEMPLATE,
                new ClusterBootstrap.Roles(OWNER, OWNER_PASSWORD, APP, APP_PASSWORD));
        Migrations.apply(coordinates(cluster, TEMPLATE));
        return new TestPostgres(cluster);
    }

    private static DatabaseCoordinates coordinates(LocalPostgres cluster, String database) {
        return new DatabaseCoordinates(cluster.jdbcUrl(database), OWNER, OWNER_PASSWORD, APP, APP_PASSWORD);
    }

    /** A new, migrated, empty database of its own. */
    public DatabaseCoordinates freshDatabase() {
        String name = "crm_test_" + databases.incrementAndGet();
        try (Connection admin = ClusterBootstrap.superuser(cluster, "postgres");
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name + " template " + TEMPLATE + " owner " + OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database: " + e.getMessage(), e);
        }
        return coordinates(cluster, name);
    }

    /**
     * A new database with nothing in it but what an operator prepares for the product: its owner,
     * the extensions, the app role. The product's migrations have not run on it.
     */
    public DatabaseCoordinates emptyDatabase() {
        String name = "crm_empty_" + databases.incrementAndGet();
        ClusterBootstrap.prepare(cluster, name, new ClusterBootstrap.Roles(OWNER, OWNER_PASSWORD, APP, APP_PASSWORD));
        return coordinates(cluster, name);
    }

    /** A pool on a fresh database; close it when done. */
    public Database openFreshDatabase(int poolSize) {
        return new Database(freshDatabase(), poolSize);
    }

    public Connection superuser(String database) throws SQLException {
        return ClusterBootstrap.superuser(cluster, database);
    }

    public LocalPostgres cluster() {
        return cluster;
    }
}
