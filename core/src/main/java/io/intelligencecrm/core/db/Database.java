package io.intelligencecrm.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The product's connection to PostgreSQL: a pool for the application role (subject to
 * row-level security) and the owner's coordinates for migrations and tenant provisioning.
 */
public final class Database implements AutoCloseable {
    private final DatabaseCoordinates coordinates;
    private final HikariDataSource appPool;
    private final Jdbi jdbi;
    private final TenantTransactions tenants;
    private final SessionLocks sessionLocks;

    public Database(DatabaseCoordinates coordinates, int poolSize) {
        this.coordinates = coordinates;
        this.appPool = pool(coordinates.url(), coordinates.appUser(), coordinates.appPassword(), poolSize, "crm-app");
        this.jdbi = configure(Jdbi.create(appPool));
        this.tenants = new TenantTransactions(jdbi);
        this.sessionLocks = new SessionLocks(coordinates);
    }

    static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
        jdbi.registerArgument(new JsonColumns.MapArguments());
        jdbi.registerArgument(new JsonColumns.TreeArguments());
        jdbi.registerColumnMapper(new JsonColumns.Columns());
        jdbi.registerArgument(new StoredEnumMapping.Arguments());
        jdbi.registerColumnMapper(new StoredEnumMapping.Columns());
        jdbi.registerRowMapper(new RecordRowMappers());
        // A failed statement's message names the statement, never its bound values (names, emails).
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutArguments);
        // Jdbi's own UUID mapper reads the text form and parses it; for a uuid column the driver decodes
        // the 16 bytes directly. Text holding a UUID (a JSON field, say) is still parsed.
        jdbi.registerColumnMapper(UUID.class, (row, column, ctx) -> {
            Object value = row.getObject(column);
            return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
        });
        return jdbi;
    }

    private static String withoutArguments(StatementException e) {
        String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRawSql();
        if (sql == null) return e.getShortMessage();
        String compact = sql.strip().replaceAll("\\s+", " ");
        return e.getShortMessage() + " [statement: \"" + (compact.length() <= 200 ? compact
                : compact.substring(0, 200) + "...") + "\"]";
    }

    private static HikariDataSource pool(String url, String user, String password, int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setPoolName(name);
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("ApplicationName", "intelligence-crm");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // The server's detail lines repeat row values ("Key (email)=(jane@...) already exists"): keep them
        // out of exception messages, and so out of logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new HikariDataSource(config);
    }

    /** Tenant-scoped work: the only path to tenant tables. */
    public TenantTransactions tenants() {
        return tenants;
    }

    /** For tables without tenant data (tenants directory, scheduler tables) and health checks. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Publishes the application pool's gauges and timers (HikariCP's own) to the registry; once only. */
    public void reportPoolTo(MeterRegistry registry) {
        appPool.setMetricRegistry(registry);
    }

    public DataSource appDataSource() {
        return appPool;
    }

    /**
     * A separate pool on the application role, for a component that manages its own connections
     * (LangChain4j's vector store); the caller closes it.
     */
    public HikariDataSource openAppPool(String name, int size) {
        return pool(coordinates.url(), coordinates.appUser(), coordinates.appPassword(), size, name);
    }

    /** Locks held across transactions, on this node's one lock connection (opened on first use). */
    public SessionLocks sessionLocks() {
        return sessionLocks;
    }

    public DatabaseCoordinates coordinates() {
        return coordinates;
    }

    /** A Jdbi on the owner role, which is not subject to the app role's grants; for provisioning only. */
    public Jdbi ownerJdbi() {
        Properties properties = new Properties();
        properties.setProperty("user", coordinates.ownerUser());
        properties.setProperty("password", coordinates.ownerPassword());
        properties.setProperty("logServerErrorDetail", "false");
        return configure(Jdbi.create(coordinates.url(), properties));
    }

    public boolean reachable() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery("select 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        sessionLocks.close();
        appPool.close();
    }
}
