package io.intelligencecrm.web.ops;

import io.intelligencecrm.core.config.DatabaseSettings;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.postgres.LocalPostgres;
import io.intelligencecrm.web.DatabaseRuntime;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code db}: runs the managed PostgreSQL cluster on its own, so several app nodes can use it as an external
 * database; it prints what they need and keeps the cluster up until stopped (SIGTERM, Ctrl-C). Only this
 * command stops the cluster it started; app nodes that connect to it never stop it.
 */
final class DatabaseCommand {
    private DatabaseCommand() {
    }

    static int run(Settings settings, PrintStream out) throws InterruptedException {
        DatabaseSettings db = settings.database();
        if (!db.embedded()) {
            throw new OperatorException("CRM_DATABASE_URL is set: this node uses an external database, there is no "
                    + "managed cluster to run");
        }
        if (db.postgresPort() == 0) {
            throw new OperatorException("set CRM_POSTGRES_PORT to the port the cluster keeps (e.g. 5433), so app nodes "
                    + "find it after every restart; CRM_POSTGRES_LISTEN=* (with CRM_POSTGRES_ALLOW) lets other machines in");
        }
        LocalPostgres cluster = DatabaseRuntime.startManaged(db);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stopped.countDown();
        }, "crm-db-shutdown"));
        String url = cluster.jdbcUrl(DatabaseRuntime.EMBEDDED_DATABASE);
        out.println("""
                The managed PostgreSQL cluster %s on %s (data in %s).
                Start each app node with:
                  CRM_DATABASE_URL=%s
                  CRM_DATABASE_OWNER_USER=%s
                  CRM_DATABASE_APP_USER=%s
                  CRM_DATABASE_PASSWORDS_FILE=%s
                (or CRM_DATABASE_OWNER_PASSWORD / CRM_DATABASE_APP_PASSWORD with the values in that file), and the same
                CRM_JWT_SECRET and CRM_SECRETS_KEY on every node. Stop the cluster with Ctrl-C or SIGTERM.
                """.formatted(cluster.startedHere() ? "runs" : "already ran", url.replace("jdbc:postgresql://", ""),
                cluster.root(), url, db.ownerUser(), db.appUser(), cluster.root().resolve("roles.properties")));
        out.flush();
        stopped.await();
        return 0;
    }
}
