package io.intelligencecrm.core.tenant.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.csv.CsvWriter;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes a tenant's archive to a stream, table by table and row by row through a database cursor, so a large
 * tenant is never held in memory (each table's CSV goes through a temporary file while its JSON lines are
 * written). Runs as the application role in one tenant transaction: row-level security is what limits it to
 * the tenant, and every table sees the same moment.
 */
public final class TenantExport {
    private static final int FETCH = 500;
    /** jsonb_build_object takes at most 100 arguments: columns go in groups of this many. */
    private static final int COLUMNS_PER_OBJECT = 40;

    private final TenantTransactions transactions;
    private final Jdbi ownerJdbi;
    private final Clock clock;

    /** @param ownerJdbi only to read the schema version (the migration history is not the application role's) */
    public TenantExport(TenantTransactions transactions, Jdbi ownerJdbi, Clock clock) {
        this.transactions = transactions;
        this.ownerJdbi = ownerJdbi;
        this.clock = clock;
    }


    public TenantArchive.Manifest write(TenantId tenant, OutputStream target, Consumer<TransferProgress> progress) {
        String schemaVersion = schemaVersion(ownerJdbi);
        return transactions.inTenant(tenant, handle -> {
            try {
                Path csvScratch = Files.createTempFile("crm-export-", ".csv");
                try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
                    List<TenantTables.Table> tables = TenantTables.read(handle).stream()
                            .filter(table -> !TenantArchive.LEFT_OUT.contains(table.name())).toList();
                    List<TenantArchive.TableEntry> entries = new ArrayList<>();
                    for (TenantTables.Table table : tables) {
                        TenantArchive.TableEntry entry = writeTable(handle, table, zip, csvScratch);
                        entries.add(entry);
                        progress.accept(new TransferProgress(table.name(), entry.rows(), entries.size(), tables.size()));
                    }
                    TenantArchive.Manifest manifest = new TenantArchive.Manifest(TenantArchive.FORMAT,
                            TenantArchive.VERSION, clock.instant().toString(), schemaVersion, tenantRow(handle),
                            entries, sha256(entries.stream().map(e -> e.name() + ":" + e.sha256())
                                    .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8)));
                    zip.putNextEntry(new ZipEntry(TenantArchive.MANIFEST));
                    zip.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                    zip.closeEntry();
                    zip.finish();
                    return manifest;
                } finally {
                    Files.deleteIfExists(csvScratch);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static TenantArchive.TableEntry writeTable(Handle handle, TenantTables.Table table, ZipOutputStream zip,
                                                       Path csvScratch) throws IOException {
        List<String> columns = table.columns().stream()
                .filter(column -> !TenantArchive.leftOutColumns(table.name()).contains(column)).toList();
        MessageDigest digest = digest();
        long rows = 0;
        zip.putNextEntry(new ZipEntry(TenantArchive.dataEntry(table.name())));
        try (Writer csvFile = Files.newBufferedWriter(csvScratch, StandardCharsets.UTF_8);
             var lines = handle.createQuery(selectRows(table, columns)).setFetchSize(FETCH).mapTo(String.class).stream()) {
            CsvWriter csv = new CsvWriter(csvFile);
            csv.row(columns);
            for (String line : (Iterable<String>) lines::iterator) {
                byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
                zip.write(bytes);
                digest.update(bytes);
                csv.row(cells(Json.mapper().readTree(line), columns));
                rows++;
            }
        }
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(TenantArchive.csvEntry(table.name())));
        Files.copy(csvScratch, zip);
        zip.closeEntry();
        return new TenantArchive.TableEntry(table.name(), rows, columns, HexFormat.of().formatHex(digest.digest()));
    }

    /** Each row as one JSON object of the carried columns, in primary key order. */
    static String selectRows(TenantTables.Table table, List<String> columns) {
        List<String> groups = new ArrayList<>();
        for (int from = 0; from < columns.size(); from += COLUMNS_PER_OBJECT) {
            groups.add("jsonb_build_object(" + columns.subList(from, Math.min(columns.size(), from + COLUMNS_PER_OBJECT))
                    .stream().map(column -> "'" + column.replace("'", "''") + "', t." + TenantTables.quoted(column))
                    .collect(Collectors.joining(", ")) + ")");
        }
        String order = table.keyColumns().isEmpty() ? "" : " order by " + table.keyColumns().stream()
                .map(column -> "t." + TenantTables.quoted(column)).collect(Collectors.joining(", "));
        return "select (" + String.join(" || ", groups) + ")::text from " + TenantTables.quoted(table.name()) + " t"
                + order;
    }

    private static List<String> cells(JsonNode row, List<String> columns) {
        List<String> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            JsonNode value = row.get(column);
            cells.add(value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
        }
        return cells;
    }

    private static Map<String, Object> tenantRow(Handle handle) {
        Map<String, Object> row = handle.createQuery(
                        "select slug, name, settings::text as settings from tenants where id = crm_current_tenant()")
                .mapToMap().one();
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("slug", row.get("slug"));
        tenant.put("name", row.get("name"));
        try {
            tenant.put("settings", Json.mapper().readTree((String) row.get("settings")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tenant;
    }

    static String schemaVersion(Jdbi ownerJdbi) {
        return ownerJdbi.withHandle(handle -> handle.createQuery("select version from flyway_schema_history where success and version is not null"
                + " order by installed_rank desc limit 1").mapTo(String.class).findOne().orElse("unknown"));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }
}
