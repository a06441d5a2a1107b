package io.intelligencecrm.web.bench;

import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.tenant.TenantId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The baseline of the API benchmark: the same statements over plain JDBC connections as the
 * application role, each operation a tenant transaction (set the tenant, run, commit), exactly
 * the round trips the API makes.
 */
final class RawJdbc implements AutoCloseable {
    private final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
    private final String tenant;

    RawJdbc(DatabaseCoordinates db, TenantId tenant, int size) throws SQLException {
        this.tenant = tenant.toString();
        for (int i = 0; i < size; i++) {
            Connection connection = DriverManager.getConnection(db.url(), db.appUser(), db.appPassword());
            connection.setAutoCommit(false);
            connections.add(connection);
        }
    }

    /** Runs a query and reads every column of every row, as the API must to answer. */
    void read(String sql, String... parameters) throws Exception {
        inTenant(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int column = 1; column <= columns; column++) rows.getObject(column);
                }
            }
        });
    }

    void write(String sql, String... parameters) throws Exception {
        inTenant(sql, parameters, PreparedStatement::executeUpdate);
    }

    private interface Work {
        void run(PreparedStatement statement) throws SQLException;
    }

    private void inTenant(String sql, String[] parameters, Work work) throws Exception {
        Connection connection = connections.take();
        try {
            try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant);
                set.executeQuery().close();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) statement.setString(i + 1, parameters[i]);
                work.run(statement);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connections.add(connection);
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) connection.close();
    }
}
