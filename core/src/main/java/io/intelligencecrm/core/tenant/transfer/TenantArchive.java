package io.intelligencecrm.core.tenant.transfer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tenant archive's format (docs/operating/tenants.md): a zip with {@code data/TABLE.jsonl} (one JSON
 * object per row, the row's columns without tenant_id, ordered by primary key), {@code csv/TABLE.csv} (the
 * same rows for spreadsheets) and, last, {@code manifest.json} with each table's row count and the SHA-256
 * of its JSON lines, and a checksum over all of them.
 */
public final class TenantArchive {
    public static final String FORMAT = "intelligence-crm-tenant";
    public static final int VERSION = 1;
    public static final String MANIFEST = "manifest.json";

    /**
     * Tables not carried: sign-in credentials and one-time codes (issued again in the new place), side effects
     * not yet run (an import must not send again), replay guards, and vectors (derived from the records and
     * rebuilt after an import).
     */
    static final Set<String> LEFT_OUT = Set.of("sessions", "refresh_tokens", "api_keys", "invitations", "outbox",
            "embeddings", "slack_link_codes", "slack_events", "email_bot_user_tokens", "scoring_jobs");

    /**
     * Left out of carried tables: the tenant's id (the importing tenant's is used) and password hashes. Sealed
     * integration credentials stay sealed as they are: they open only where the same secrets key is configured.
     */
    static Set<String> leftOutColumns(String table) {
        Set<String> columns = new HashSet<>(SECRET_COLUMNS.getOrDefault(table, List.of()));
        columns.add("tenant_id");
        return columns;
    }

    private static final Map<String, List<String>> SECRET_COLUMNS = Map.of("users", List.of("password_hash"));

    static String dataEntry(String table) {
        return "data/" + table + ".jsonl";
    }

    static String csvEntry(String table) {
        return "csv/" + table + ".csv";
    }

    /** One table in the manifest. */
    public record TableEntry(String name, long rows, List<String> columns, String sha256) {
    }

    /** @param tenant slug, name and settings of the exported tenant */
    public record Manifest(String format, int version, String exportedAt, String schemaVersion,
                           Map<String, Object> tenant, List<TableEntry> tables, String checksum) {
    }

    private TenantArchive() {
    }
}
