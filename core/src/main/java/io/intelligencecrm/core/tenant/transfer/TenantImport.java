package io.intelligencecrm.core.tenant.transfer;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Restores a tenant archive into an empty tenant, in one tenant transaction as the application role: all of it
 * or nothing. Tables are filled parents first; rows keep their ids, so the records point at each other as
 * before. Checksums are verified before anything is written. Vectors are rebuilt afterwards in the background;
 * people set their passwords again through invitation links (the archive carries no credentials).
 */
public final class TenantImport {
    /** Knowledge's outbox kind that re-embeds a whole tenant (ReindexHandler). */
    static final String REINDEX_KIND = "embed.reindex";
    private static final int BATCH = 500;

    private final TenantTransactions transactions;
    private final Jdbi ownerJdbi;
    private final Outbox outbox;

    /** @param ownerJdbi only to move identity sequences past imported numbers (the application role may not) */
    public TenantImport(TenantTransactions transactions, Jdbi ownerJdbi, Outbox outbox) {
        this.transactions = transactions;
        this.ownerJdbi = ownerJdbi;
        this.outbox = outbox;
    }


    public TenantArchive.Manifest importInto(TenantId tenant, Path archive, Consumer<TransferProgress> progress) {
        try (ZipFile zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8)) {
            TenantArchive.Manifest manifest = manifest(zip);
            for (TenantArchive.TableEntry table : manifest.tables()) verify(zip, table);
            Map<String, Long> identityMaxima = transactions.inTenant(tenant, handle -> {
                List<TenantTables.Table> tables = TenantTables.read(handle);
                requireEmpty(handle, tables);
                Map<String, TenantArchive.TableEntry> entries = manifest.tables().stream()
                        .collect(Collectors.toMap(TenantArchive.TableEntry::name, entry -> entry));
                List<String> unknown = entries.keySet().stream()
                        .filter(name -> tables.stream().noneMatch(table -> table.name().equals(name))).toList();
                if (!unknown.isEmpty()) {
                    throw CrmException.invalid("archive", "has tables this version does not know: " + unknown);
                }
                Map<String, Long> maxima = new LinkedHashMap<>();
                int number = 0;
                for (TenantTables.Table table : tables) {
                    TenantArchive.TableEntry entry = entries.get(table.name());
                    if (entry == null) continue;
                    try {
                        fill(handle, zip, table, entry);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    progress.accept(new TransferProgress(table.name(), entry.rows(), ++number, entries.size()));
                    for (String column : table.identity()) {
                        handle.createQuery("select max(" + TenantTables.quoted(column) + ") from "
                                        + TenantTables.quoted(table.name()))
                                .mapTo(Long.class).findOne().ifPresent(max -> maxima.put(table.name() + "." + column, max));
                    }
                }
                Object settings = manifest.tenant().get("settings");
                if (settings instanceof Map<?, ?> map) {
                    handle.createUpdate("update tenants set settings = settings || :settings where id = crm_current_tenant()")
                            .bind("settings", map).execute();
                }
                outbox.enqueue(tenant, REINDEX_KIND, Map.of(), REINDEX_KIND + ":import:" + tenant);
                return maxima;
            });
            advanceSequences(identityMaxima);
            return manifest;
        } catch (IOException | UncheckedIOException e) {
            throw CrmException.invalid("archive", "is not a readable tenant archive (" + e.getMessage() + ")");
        }
    }

    private static TenantArchive.Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(TenantArchive.MANIFEST);
        if (entry == null) throw CrmException.invalid("archive", "has no " + TenantArchive.MANIFEST);
        TenantArchive.Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = Json.mapper().readValue(in, TenantArchive.Manifest.class);
        }
        if (!TenantArchive.FORMAT.equals(manifest.format()) || manifest.version() != TenantArchive.VERSION) {
            throw CrmException.invalid("archive", "is not a tenant archive of format " + TenantArchive.FORMAT
                    + " version " + TenantArchive.VERSION);
        }
        return manifest;
    }

    private static void verify(ZipFile zip, TenantArchive.TableEntry table) throws IOException {
        ZipEntry entry = zip.getEntry(TenantArchive.dataEntry(table.name()));
        if (entry == null) throw CrmException.invalid("archive", "lacks " + TenantArchive.dataEntry(table.name()));
        MessageDigest digest = TenantExport.digest();
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) digest.update(buffer, 0, read);
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256())) {
            throw CrmException.invalid("archive", TenantArchive.dataEntry(table.name())
                    + " does not match its checksum in the manifest: the archive is damaged or was changed");
        }
    }

    private static void requireEmpty(Handle handle, List<TenantTables.Table> tables) {
        for (TenantTables.Table table : tables) {
            if (handle.createQuery("select exists (select 1 from " + TenantTables.quoted(table.name()) + ")")
                    .mapTo(Boolean.class).one()) {
                throw new CrmException(ErrorCode.CONFLICT, "An archive is imported only into an empty tenant; this one"
                        + " has rows in " + table.name());
            }
        }
    }

    /**
     * Rows a trigger made while earlier tables were filled (a contact's first stage, say) are removed first:
     * the archive has the table's real rows. A table whose rows point at each other is filled in passes, each
     * adding the rows whose referenced row is already there.
     */
    private static void fill(Handle handle, ZipFile zip, TenantTables.Table table, TenantArchive.TableEntry entry)
            throws IOException {
        List<String> columns = entry.columns();
        List<String> unknown = columns.stream().filter(column -> !table.columns().contains(column)).toList();
        if (!unknown.isEmpty()) {
            throw CrmException.invalid("archive", "has columns of " + table.name() + " this version does not know: "
                    + unknown);
        }
        String name = TenantTables.quoted(table.name());
        if (handle.createQuery("select exists (select 1 from " + name + ")").mapTo(Boolean.class).one()) {
            handle.execute("delete from " + name);
        }
        String insert = insertSql(table, columns);
        long inserted = 0;
        while (inserted < entry.rows()) {
            long before = inserted;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                    zip.getInputStream(zip.getEntry(TenantArchive.dataEntry(table.name()))), StandardCharsets.UTF_8))) {
                List<String> batch = new ArrayList<>(BATCH);
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    batch.add(line);
                    if (batch.size() == BATCH) {
                        inserted += insertBatch(handle, insert, batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) inserted += insertBatch(handle, insert, batch);
            }
            if (inserted == before) {
                throw CrmException.invalid("archive", table.name() + " has rows pointing at rows it does not have");
            }
        }
    }

    private static int insertBatch(Handle handle, String insert, List<String> rows) {
        return handle.createUpdate(insert).bind("rows", "[" + String.join(",", rows) + "]").execute();
    }

    static String insertSql(TenantTables.Table table, List<String> columns) {
        String name = TenantTables.quoted(table.name());
        String targets = columns.stream().map(TenantTables::quoted).collect(Collectors.joining(", "));
        String values = columns.stream().map(column -> "r." + TenantTables.quoted(column)).collect(Collectors.joining(", "));
        List<String> conditions = new ArrayList<>();
        table.selfReferences().forEach((column, referenced) -> conditions.add("(r." + TenantTables.quoted(column)
                + " is null or exists (select 1 from " + name + " s where s." + TenantTables.quoted(referenced)
                + " = r." + TenantTables.quoted(column) + "))"));
        if (!table.selfReferences().isEmpty() && !table.keyColumns().isEmpty()) {
            conditions.add("not exists (select 1 from " + name + " s where " + table.keyColumns().stream()
                    .filter(column -> !column.equals("tenant_id"))
                    .map(column -> "s." + TenantTables.quoted(column) + " = r." + TenantTables.quoted(column))
                    .collect(Collectors.joining(" and ")) + ")");
        }
        return "insert into " + name + " (tenant_id, " + targets + ")"
                + (table.identity().isEmpty() ? "" : " overriding system value")
                + " select crm_current_tenant(), " + values
                + " from jsonb_array_elements(cast(:rows as jsonb)) as e(value),"
                + " jsonb_populate_record(null::" + name + ", e.value) as r"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
    }

    /** Numbers the database hands out later must not collide with imported ones (archives from another server). */
    private void advanceSequences(Map<String, Long> maxima) {
        if (maxima.isEmpty()) return;
        ownerJdbi.useHandle(handle -> maxima.forEach((column, max) -> {
            String[] parts = column.split("\\.", 2);
            String sequence = handle.createQuery("select pg_get_serial_sequence(:table, :column)")
                    .bind("table", TenantTables.quoted(parts[0])).bind("column", parts[1]).mapTo(String.class).one();
            if (sequence == null) return;
            handle.createQuery("select setval(cast(:sequence as regclass), greatest(:max, (select last_value from "
                            + sequence + ")))")
                    .bind("sequence", sequence).bind("max", max).mapTo(Long.class).one();
        }));
    }
}
