package io.intelligencecrm.core.tenant;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * The statement that binds a transaction to its tenant, with any transaction-local settings in the
 * same statement. Setting names are bound like values, never spliced into the SQL.
 */
final class TenantSetup {
    private TenantSetup() {
    }

    /** For a new transaction ({@code tenant} given) or one already bound ({@code tenant} null). */
    static String sql(TenantId tenant, Map<String, String> settings) {
        StringBuilder sql = new StringBuilder(tenant == null ? "select 1" : "select set_config('app.tenant_id', ?, true)");
        settings.forEach((name, value) -> sql.append(", set_config(?, ?, true)"));
        return sql.toString();
    }

    /** Binds what {@link #sql} asks for from the first parameter; returns the next free one. */
    static int bind(PreparedStatement statement, TenantId tenant, Map<String, String> settings) throws SQLException {
        int parameter = 1;
        if (tenant != null) statement.setString(parameter++, tenant.value().toString());
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            statement.setString(parameter++, setting.getKey());
            statement.setString(parameter++, setting.getValue());
        }
        return parameter;
    }
}
