package io.intelligencecrm.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares a project-managed cluster the way an operator would prepare a shared server:
 * an owner role that owns the database and runs migrations, an application role that is
 * neither owner nor superuser and cannot bypass row-level security, the extensions only a
 * superuser may create, and pg_trgm's operators declared leakproof so name matching can use its
 * indexes under row-level security.
 */
public final class ClusterBootstrap {
    private ClusterBootstrap() {
    }

    public record Roles(String owner, String ownerPassword, String app, String appPassword) {
    }

    public static void prepare(LocalPostgres cluster, String database, Roles roles) {
        try (Connection admin = superuser(cluster, "postgres")) {
            ensureRole(admin, roles.owner(), roles.ownerPassword(), "NOSUPERUSER NOCREATEROLE NOBYPASSRLS");
            ensureRole(admin, roles.app(), roles.appPassword(), "NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS");
            if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("create database " + identifier(database) + " owner " + identifier(roles.owner()));
                }
            }
        } catch (SQLException e) {
            throw new PostgresStartException("Could not prepare roles and database: " + e.getMessage(), e);
        }
        try (Connection admin = superuser(cluster, database); Statement statement = admin.createStatement()) {
            statement.execute("create extension if not exists vector");
            statement.execute("create extension if not exists pg_trgm");
            statement.execute("create extension if not exists btree_gin");
            TrigramOperators.declare(statement);
            statement.execute("revoke create on schema public from public");
            statement.execute("alter schema public owner to " + identifier(roles.owner()));
        } catch (SQLException e) {
            throw new PostgresStartException("Could not create extensions (is pgvector installed? run "
                    + "scripts/install.sh): " + e.getMessage(), e);
        }
    }

    public static Connection superuser(LocalPostgres cluster, String database) throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(database), LocalPostgres.SUPERUSER,
                cluster.superuserPassword());
    }

    private static void ensureRole(Connection admin, String role, String password, String attributes)
            throws SQLException {
        String verb = exists(admin, "select 1 from pg_roles where rolname = ?", role) ? "alter" : "create";
        try (Statement statement = admin.createStatement()) {
            // Role DDL takes no bind parameters; both values are quoted as literals/identifiers.
            statement.execute(verb + " role " + identifier(role) + " login " + attributes
                    + " password " + literal(password));
        }
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            return statement.executeQuery().next();
        }
    }

    static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new PostgresStartException("Unsupported role or database name: " + name);
        }
        return name;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
