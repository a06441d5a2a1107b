package io.intelligencecrm.knowledge.store;

import io.intelligencecrm.core.tenant.TenantId;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands LangChain4j's PgVectorEmbeddingStore connections that row-level security binds to one
 * tenant. The store opens and closes its own connections, so the tenant is set for the session
 * (not a transaction). That is safe only because the pool behind this class serves nothing else
 * and every borrow sets the tenant again before any statement runs.
 */
final class TenantScopedDataSource implements DataSource {
    private final DataSource dedicatedPool;
    private final TenantId tenant;

    TenantScopedDataSource(DataSource dedicatedPool, TenantId tenant) {
        this.dedicatedPool = dedicatedPool;
        this.tenant = tenant;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = dedicatedPool.getConnection();
        try (PreparedStatement bind = connection.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
            bind.setString(1, tenant.value().toString());
            bind.execute();
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the vector store connects as the application role only");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return dedicatedPool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        dedicatedPool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        dedicatedPool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return dedicatedPool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return dedicatedPool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
