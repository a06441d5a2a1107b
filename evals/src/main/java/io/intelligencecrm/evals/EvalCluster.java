package io.intelligencecrm.evals;

import io.intelligencecrm.core.config.DatabaseSettings;
import io.intelligencecrm.postgres.ClusterBootstrap;
import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.config.KnowledgeSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.knowledge.KnowledgeServices;
import java.time.Duration;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.postgres.LocalPostgres;
import io.intelligencecrm.core.db.Migrations;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import io.intelligencecrm.core.user.PasswordHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A private, throwaway PostgreSQL cluster for one eval run, started from the system binaries the way
 * the product starts its own. The schema is migrated and the demo tenant seeded once, into a template;
 * every scenario attempt gets a clone of it, so attempts never see each other's changes.
 */
final class EvalCluster implements AutoCloseable {
    private static final String TEMPLATE = "crm_evals_template";
    private static final String OWNER = "crm_owner";
    private static final String APP = "crm_app";

    private final LocalPostgres cluster;
    private final String ownerPassword;
    private final String appPassword;
    private final AtomicInteger clones = new AtomicInteger();

    private EvalCluster(LocalPostgres cluster, String ownerPassword, String appPassword) {
        this.cluster = cluster;
        this.ownerPassword = ownerPassword;
        this.appPassword = appPassword;
    }

    static EvalCluster start(DatabaseSettings settings, KnowledgeSettings knowledge) {
        Path root;
        try {
            root = Files.createTempDirectory("crm-evals-pg-");
            // The server runs as the postgres OS user, which must be able to enter the folder.
            root.toFile().setExecutable(true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalPostgres local = LocalPostgres.start(root, settings.postgresBin(), settings.postgresOsUser(), true, "");
        EvalCluster cluster = new EvalCluster(local, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        try {
            cluster.prepareTemplate(knowledge);
            return cluster;
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    private void prepareTemplate(KnowledgeSettings knowledge) {
        ClusterBootstrap.prepare(cluster, TEMPLATE, new ClusterBootstrap.Roles(OWNER, ownerPassword, APP, appPassword));
        DatabaseCoordinates template = coordinates(TEMPLATE);
        Migrations.apply(template);
        try (Database database = new Database(template, 2)) {
            new DemoData(new TenantDirectory(database.jdbi()), new TenantProvisioning(database.ownerJdbi()),
                    database.tenants(), new PasswordHasher(), Clock.systemUTC()).ensureSeeded();
            embed(database, knowledge);
        }
    }

    /** Embeds the demo tenant once, here, so no attempt pays for it. */
    private static void embed(Database database, KnowledgeSettings settings) {
        try (KnowledgeServices knowledge = KnowledgeServices.create(database, settings,
                new AuditTrail(database.tenants()), new Outbox(database.tenants()));
             OutboxDispatcher dispatcher = new OutboxDispatcher(database, knowledge.outboxHandlers(),
                     Duration.ofSeconds(1), 3)) {
            knowledge.space().adopt(knowledge.embedder().space());
            dispatcher.drain();
        }
    }

    /** A new database holding the seeded demo tenant; {@link #drop(DatabaseCoordinates)} it when done. */
    DatabaseCoordinates cloneTemplate() {
        String name = "crm_eval_" + clones.incrementAndGet();
        superuserExecute("create database " + name + " template " + TEMPLATE + " owner " + OWNER);
        return coordinates(name);
    }

    void drop(DatabaseCoordinates database) {
        String name = database.url().substring(database.url().lastIndexOf('/') + 1);
        superuserExecute("drop database if exists " + name + " with (force)");
    }

    private void superuserExecute(String ddl) {
        // Database names are generated here, never read from a scenario.
        try (Connection admin = ClusterBootstrap.superuser(cluster, "postgres");
             Statement statement = admin.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException("eval database: " + ddl + ": " + e.getMessage(), e);
        }
    }

    private DatabaseCoordinates coordinates(String database) {
        return new DatabaseCoordinates(cluster.jdbcUrl(database), OWNER, ownerPassword, APP, appPassword);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
