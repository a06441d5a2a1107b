package io.intelligencecrm.web.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.OperatorCommand;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A tenant's data leaves whole (export, import into a new tenant, export again: the same records) and is deleted whole. */
@CrmApplicationTest
class TenantDataTest {
    private static final String PASSWORD = "a-long-enough-password";
    private static final Pattern LINK = Pattern.compile("/invite/(\\S+)");

    private static CrmApplication application;
    private static Path scratch;

    @BeforeAll
    static void start(CrmApplication started) throws IOException {
        application = started;
        scratch = Files.createTempDirectory("crm-tenant-data-");
    }

    @Test
    void an_export_imported_into_a_new_tenant_exports_again_as_the_same_records() throws Exception {
        Path first = scratch.resolve("demo.zip");
        OperatorCommand.Result exported = OperatorCommand.run(application, "tenant", "export", "demo", "--output",
                first.toString());
        assertEquals(0, exported.status(), exported.output());
        try (ZipFile zip = new ZipFile(first.toFile())) {
            JsonNode manifest = Json.mapper().readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            assertTrue(manifest.at("/checksum").asText().matches("[0-9a-f]{64}"));
            for (String table : List.of("contacts", "companies", "deals", "interactions", "tasks", "workflows",
                    "conversations", "audit_log", "users")) {
                assertTrue(zip.getEntry("csv/" + table + ".csv") != null, table);
            }
            assertTrue(new String(zip.getInputStream(zip.getEntry("data/users.jsonl")).readAllBytes(),
                    StandardCharsets.UTF_8).lines().noneMatch(line -> line.contains("password_hash")), "no credentials");
        }

        OperatorCommand.Result imported = OperatorCommand.run(application, "tenant", "import", first.toString(),
                "--slug", "demo-copy", "--name", "Demo copy");
        assertEquals(0, imported.status(), imported.output());
        Path second = scratch.resolve("copy.zip");
        assertEquals(0, OperatorCommand.run(application, "tenant", "export", "demo-copy", "--output",
                second.toString()).status());

        Map<String, List<String>> before = tables(first);
        Map<String, List<String>> after = tables(second);
        // The import's own doing: the admins' new set-password links are audited in the copy.
        after.put("data/audit_log.jsonl", after.get("data/audit_log.jsonl").stream()
                .filter(line -> !line.contains("\"user.invitation_resend\"")).toList());
        assertEquals(before.keySet(), after.keySet());
        for (String table : before.keySet()) assertEquals(before.get(table), after.get(table), table);
        assertTrue(before.get("data/contacts.jsonl").size() >= 200);

        Matcher link = LINK.matcher(imported.output());
        assertTrue(link.find(), imported.output());
        assertEquals(200, new ApiClient(application.url(), null).post("/api/invitations/accept", """
                {"token": "%s", "password": "%s"}""".formatted(link.group(1), PASSWORD)).status());
        ApiClient admin = ApiClient.login(application.url(), "demo-copy", "alex@demo.example", PASSWORD);
        String contactId = Json.mapper().readTree(before.get("data/contacts.jsonl").getFirst()).get("id").asText();
        assertEquals(200, admin.get("/api/contacts/" + contactId).status(), "the same records, under the same ids");
    }

    @Test
    void a_damaged_archive_is_refused_and_leaves_no_tenant_behind() throws Exception {
        Path original = scratch.resolve("for-damage.zip");
        assertEquals(0, OperatorCommand.run(application, "tenant", "export", "demo", "--output",
                original.toString()).status());
        Path damaged = scratch.resolve("damaged.zip");
        try (ZipFile zip = new ZipFile(original.toFile()); OutputStream file = Files.newOutputStream(damaged);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().equals("data/companies.jsonl")) {
                        bytes = new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"name\": \"", "\"name\": \"X")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        OperatorCommand.Result refused = OperatorCommand.run(application, "tenant", "import", damaged.toString(),
                "--slug", "damaged", "--name", "Damaged");
        assertEquals(1, refused.status());
        assertTrue(refused.output().contains("checksum"), refused.output());
        assertTrue(!OperatorCommand.run(application, "tenant", "list").output().contains("damaged"));
    }

    @Test
    void deleting_a_tenant_leaves_nothing_of_it_in_any_table() throws Exception {
        OperatorCommand.Result created = OperatorCommand.run(application, "tenant", "create", "--slug", "doomed",
                "--name", "Doomed Inc", "--admin-email", "dora@doomed.example");
        Matcher link = LINK.matcher(created.output());
        assertTrue(link.find(), created.output());
        new ApiClient(application.url(), null).post("/api/invitations/accept", """
                {"token": "%s", "password": "%s"}""".formatted(link.group(1), PASSWORD));
        ApiClient dora = ApiClient.login(application.url(), "doomed", "dora@doomed.example", PASSWORD);
        assertEquals(201, dora.post("/api/contacts", """
                {"firstName": "Rhea", "lastName": "Gone", "email": "rhea@gone.example"}""").status());
        assertEquals(200, dora.post("/api/chat", "{\"message\": \"add Theo Vanish from Nowhere, theo@vanish.example\"}")
                .status());
        ApiClient.Response workflow = dora.post("/api/workflows", """
                {"name": "Morning", "activate": true, "definition": {"trigger": {"type": "cron", "cron": "0 0 9 * * ?"},
                 "steps": [{"id": "n", "type": "notify", "title": "Morning"}]}}""");
        assertEquals(201, workflow.status(), workflow.body());
        application.dispatcher().drain();
        UUID tenant = UUID.fromString(tenantId("doomed"));
        Map<String, Long> rowsBefore = rowsMentioning(tenant);
        assertTrue(rowsBefore.getOrDefault("embeddings", 0L) > 0, "vectors were made: " + rowsBefore);
        assertTrue(rowsBefore.getOrDefault("qrtz_job_details", 0L) > 0, "a job was scheduled: " + rowsBefore);

        OperatorCommand.Result unconfirmed = OperatorCommand.run(application, "tenant", "delete", "doomed");
        assertEquals(2, unconfirmed.status());
        assertTrue(unconfirmed.output().contains("--confirm doomed"), unconfirmed.output());
        assertEquals(1, OperatorCommand.run(application, "tenant", "delete", "doomed", "--confirm", "demo").status());
        OperatorCommand.Result deleted = OperatorCommand.run(application, "tenant", "delete", "doomed", "--confirm",
                "doomed");
        assertEquals(0, deleted.status(), deleted.output());

        assertEquals(Map.of("tenant_events", rowsBefore.get("tenant_events") + 1), rowsMentioning(tenant),
                "only the operator's record of the deletion is left");
        assertEquals(0L, (long) application.database().ownerJdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from pg_class where relname = :name").bind("name",
                "embeddings_t_" + tenant.toString().replace("-", "")).mapTo(Long.class).one()), "the partition is dropped");
        assertEquals(401, dora.get("/api/contacts").status());
    }

    private static String tenantId(String slug) {
        return application.database().ownerJdbi().withHandle(handle -> handle.createQuery(
                "select id::text from tenants where slug = :slug").bind("slug", slug).mapTo(String.class).one());
    }

    /**
     * Walks the catalog: rows of every table that belong to the tenant. A table with a tenant_id column is counted
     * with the tenant set for row-level security (partitions through their parent); any other table is searched
     * for the tenant's id anywhere in its rows.
     */
    private static Map<String, Long> rowsMentioning(UUID tenant) {
        return application.database().ownerJdbi().inTransaction(handle -> {
            handle.createQuery("select set_config('app.tenant_id', :tenant, true)").bind("tenant", tenant.toString())
                    .mapTo(String.class).one();
            List<Map<String, Object>> tables = handle.createQuery("""
                            select c.relname as name,
                                   exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                                                                        and not a.attisdropped) as tenant_scoped
                              from pg_class c join pg_namespace n on n.oid = c.relnamespace
                             where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition""")
                    .mapToMap().list();
            Map<String, Long> rows = new TreeMap<>();
            for (Map<String, Object> table : tables) {
                String name = "\"" + table.get("name") + "\"";
                long count = (Boolean) table.get("tenant_scoped")
                        ? handle.createQuery("select count(*) from " + name + " where tenant_id = :tenant")
                                .bind("tenant", tenant).mapTo(Long.class).one()
                        : handle.createQuery("select count(*) from " + name + " t where t::text like :pattern")
                                .bind("pattern", "%" + tenant + "%").mapTo(Long.class).one();
                if (count > 0) rows.put((String) table.get("name"), count);
            }
            return rows;
        });
    }

    /** Every data/*.jsonl entry's lines. */
    private static Map<String, List<String>> tables(Path archive) throws IOException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!entry.getName().startsWith("data/")) continue;
                tables.put(entry.getName(), new ArrayList<>(new String(zip.getInputStream(entry).readAllBytes(),
                        StandardCharsets.UTF_8).lines().toList()));
            }
        }
        return tables;
    }
}
