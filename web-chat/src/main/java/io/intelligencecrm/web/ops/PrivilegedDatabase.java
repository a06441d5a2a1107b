package io.intelligencecrm.web.ops;

import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.postgres.LocalPostgres;
import io.intelligencecrm.web.DatabaseRuntime;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database as backup and restore reach it: as a role row-level security does not hold back (a
 * superuser or a BYPASSRLS role; the managed cluster's own superuser), and with PostgreSQL's client
 * tools from CRM_POSTGRES_BIN, or the PATH when they are not there.
 */
final class PrivilegedDatabase implements AutoCloseable {
    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final Path bin;
    private final Optional<LocalPostgres> cluster;

    private PrivilegedDatabase(String host, int port, String database, String user, String password, Path bin,
                               Optional<LocalPostgres> cluster) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.bin = bin;
        this.cluster = cluster;
    }

    /** Starts the managed cluster if it is not running (and prepares its database); an external one must be up. */
    static PrivilegedDatabase open(Settings settings) {
        var db = settings.database();
        if (db.embedded()) {
            LocalPostgres local = DatabaseRuntime.startManaged(db);
            return new PrivilegedDatabase(local.host(), local.port(), DatabaseRuntime.EMBEDDED_DATABASE,
                    LocalPostgres.SUPERUSER, local.superuserPassword(), db.postgresBin(), Optional.of(local));
        }
        String user = settings.backup().databaseUser().orElseThrow(() -> new OperatorException(
                "set CRM_BACKUP_DATABASE_USER (and CRM_BACKUP_DATABASE_PASSWORD) to a superuser or a role with "
                        + "BYPASSRLS: row-level security hides every tenant's rows from the owner and app roles"));
        URI uri = URI.create(db.url().orElseThrow().substring("jdbc:".length()));
        String name = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new PrivilegedDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), name, user,
                settings.backup().databasePassword().orElse(""), db.postgresBin(), Optional.empty());
    }

    String name() {
        return database;
    }

    Connection connect() throws SQLException {
        // As for the app's connections: the server's DETAIL (row values) stays out of exception messages and logs.
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database
                + "?logServerErrorDetail=false", user, password);
    }

    /** Tables in the public schema: a restore goes only into a database without any. */
    int tableCount() {
        return intQuery("select count(*) from pg_tables where schemaname = 'public'");
    }

    /** The schema version the database is at (the last applied migration). */
    String schemaVersion() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version from flyway_schema_history where success"
                     + " and version is not null order by installed_rank desc limit 1")) {
            return rows.next() ? rows.getString(1) : "none";
        } catch (SQLException e) {
            throw new OperatorException("cannot read the schema version: " + e.getMessage(), e);
        }
    }

    private int intQuery(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new OperatorException("cannot reach the database " + database + " on " + host + ":" + port
                    + " as " + user + ": " + e.getMessage(), e);
        }
    }

    /** Runs pg_dump, pg_restore ... against this database; fails with the tool's own message. */
    void run(String tool, String... args) {
        Path local = bin.resolve(tool);
        List<String> command = new ArrayList<>(List.of(Files.isExecutable(local) ? local.toString() : tool));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGHOST", host);
        builder.environment().put("PGPORT", String.valueOf(port));
        builder.environment().put("PGUSER", user);
        builder.environment().put("PGPASSWORD", password);
        builder.environment().put("PGDATABASE", database);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) throw new OperatorException(tool + " failed:\n" + output.strip());
        } catch (IOException e) {
            throw new OperatorException("cannot run " + tool + " (set CRM_POSTGRES_BIN to PostgreSQL's client tools"
                    + " of the server's version): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException(tool + " was interrupted", e);
        }
    }

    @Override
    public void close() {
        cluster.ifPresent(LocalPostgres::close);
    }
}
