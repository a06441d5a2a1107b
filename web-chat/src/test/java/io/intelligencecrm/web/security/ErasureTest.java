package io.intelligencecrm.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import io.intelligencecrm.webhooks.testing.Receiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Erasing a person leaves nothing of them: after copies of their name, email and phone were made in
 * every way the product makes them (chat, proposals with email bodies, audit entries, a delivered mail,
 * a queued one, bot mail, a deal, a note elsewhere, a merged duplicate, webhook deliveries), every text
 * and JSON column of every table in the database is searched for them. A send queued before the erasure
 * never leaves, and the person is not imported or contacted again.
 */
class ErasureTest {
    private static final String FIRST = "Zephyrine";
    private static final String LAST = "Quillfeather";
    private static final String EMAIL = "zeph.quill@private.example";
    private static final String OLD_EMAIL = "zq.old@private.example";
    private static final String PHONE = "+1 555 010 4477";
    private static final String BOT = "bot@erasure.test";
    private static CrmApplication application;
    private static TenantId tenant;
    private static Receiver receiver;

    @BeforeAll
    static void start() {
        // No mail dispatcher of its own: the test delivers queued mail when it chooses to.
        application = TestServer.start(Map.of("CRM_SCHEDULER_ENABLED", "false",
                "CRM_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true"));
        receiver = new Receiver();
        tenant = application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId();
    }

    @AfterAll
    static void stop() {
        application.stop();
        receiver.close();
    }

    @Test
    void erasure_cancels_pending_sends_and_leaves_no_copy_of_the_person_in_any_table() throws Exception {
        ApiClient admin = DemoLogins.as(application, Role.ADMIN);
        ApiClient manager = DemoLogins.as(application, Role.MANAGER);
        assertEquals(201, admin.post("/api/webhooks", "{\"url\": \"" + receiver.url("/crm") + "\", \"events\": [\"*\"]}")
                .status(), "a webhook receiver gets copies of every change");
        chat(admin, null, "add " + FIRST + " " + LAST + " from Quillworks, " + EMAIL + ", phone " + PHONE);
        String id = admin.get("/api/contacts?q=" + EMAIL).json().path("items").get(0).path("id").asText();
        String duplicate = manager.post("/api/contacts", """
                {"firstName": "%s", "lastName": "%s", "email": "%s"}""".formatted(FIRST, LAST, OLD_EMAIL)).json()
                .path("id").asText();
        assertEquals(200, admin.post("/api/contacts/" + id + "/merge", "{\"duplicateId\": \"" + duplicate + "\"}").status());
        manager.post("/api/deals", "{\"name\": \"" + LAST + " renewal\", \"contactId\": \"" + id + "\"}");
        String other = manager.post("/api/contacts", "{\"firstName\": \"Otto\", \"lastName\": \"Other\"}").json()
                .path("id").asText();
        manager.post("/api/interactions", "{\"contactId\": \"" + other + "\", \"type\": \"note\", \"content\": "
                + "\"Otto introduced " + FIRST + " " + LAST + " (" + EMAIL + ", " + PHONE + ")\"}");

        approve(admin, chat(admin, null, "email " + FIRST + " " + LAST + " about our pricing"));
        OutboxDispatcher mail = new OutboxDispatcher(application.database(), application.outreach().deliveryHandlers(),
                Duration.ofMillis(100), 8);
        mail.drain();
        assertEquals(1, count("select count(*) from deliveries where recipient = '" + EMAIL + "' and status = 'sent'"));
        approve(admin, chat(admin, null, "email " + FIRST + " " + LAST + " about the renewal"));
        assertEquals(1, count("select count(*) from outbox where kind = 'email.send' and status = 'pending'"
                + " and payload ->> 'to' = '" + EMAIL + "'"), "a mail waits in the outbox");
        JsonNode pending = chat(admin, null, "email " + FIRST + " " + LAST + " about the contract");
        String proposal = proposal(pending).path("proposalId").asText();
        botMail(admin);
        await(() -> count("select count(*) from embeddings where text ilike '%" + LAST + "%'") >= 2);
        await(() -> count("select count(*) from webhook_deliveries where payload::text ilike '%" + EMAIL + "%'") >= 1);
        String before = String.join("\n", everywhere(EMAIL)) + "\n" + String.join("\n", everywhere(LAST));
        for (String table : List.of("messages", "conversations", "audit_log", "outbox", "proposals", "deliveries",
                "email_bot_messages", "captured_mails", "interactions", "deals", "embeddings", "webhook_deliveries")) {
            assertTrue(before.contains("\"public\".\"" + table + "\""), table + " holds a copy before the erasure:\n" + before);
        }

        assertEquals(204, admin.delete("/api/contacts/" + id + "?erase=true").status());

        assertEquals(404, admin.get("/api/contacts/" + id).status());
        assertEquals("cancelled", text("select status from outbox where kind = 'email.send' and last_error = "
                + "'the recipient was erased'"));
        int delivered = count("select count(*) from captured_mails");
        mail.drain();
        assertEquals(delivered, count("select count(*) from captured_mails"), "the queued mail never left");
        assertEquals("rejected", text("select status from proposals where id = '" + proposal + "'"));
        assertEquals(0, count("select count(*) from contacts where id in ('" + id + "', '" + duplicate + "')"),
                "the merged duplicate is erased with the person");
        assertTrue(count("select count(*) from audit_log where action = 'agent.tool' and diff::text like '%[erased]%'") > 0,
                "the audit entries stay, with the person's data replaced");

        List<String> found = new ArrayList<>();
        for (String value : List.of(FIRST, LAST, EMAIL, OLD_EMAIL, "5550104477", "555 010 4477", "555-010-4477")) {
            found.addAll(everywhere(value));
        }
        assertEquals(List.of(), found, "copies of the erased person");
    }

    @Test
    void an_erased_person_is_not_imported_created_or_sent_to_again() throws Exception {
        ApiClient admin = DemoLogins.as(application, Role.ADMIN);
        String email = "gone.forever@private.example";
        String id = admin.post("/api/contacts", "{\"firstName\": \"Gone\", \"lastName\": \"Forever\", \"email\": \""
                + email + "\", \"phone\": \"+44 20 7946 0991\"}").json().path("id").asText();
        assertEquals(204, admin.delete("/api/contacts/" + id + "?erase=true").status());
        assertEquals(0, count("select count(*) from suppressions where address like '%gone.forever%'"));
        assertEquals(2, count("select count(*) from suppressions where reason = 'erased'"
                + " and address like 'erased:%' and created_at > now() - interval '1 minute'"));

        ApiClient.Response imported = admin.postRaw("/api/contacts/import",
                "email,first name,last name\n" + email.toUpperCase() + ",Gone,Forever\nstill.here@private.example,Still,Here\n",
                "text/csv");
        assertEquals(1, imported.json().path("created").asInt(), imported.body());
        assertTrue(imported.json().path("rejected").toString().contains("erased"), imported.body());
        ApiClient.Response created = admin.post("/api/contacts", "{\"lastName\": \"Forever\", \"email\": \"" + email + "\"}");
        assertEquals(409, created.status(), created.body());
        assertTrue(created.json().path("errors").has("email"), created.body());

        application.database().tenants().useTenant(tenant, handle -> application.services().outbox().enqueue(tenant,
                "email.send", Map.of("to", email, "subject", "Hello again", "body", "Remember us?"), "erased-resend"));
        new OutboxDispatcher(application.database(), application.outreach().deliveryHandlers(), Duration.ofMillis(100), 8)
                .drain();
        assertEquals("suppressed", text("select status from deliveries where idempotency_key = 'erased-resend'"));
    }

    private static JsonNode chat(ApiClient client, String conversation, String message) {
        ApiClient.Response response = client.post("/api/chat", "{\"message\": \"" + message + "\""
                + (conversation == null ? "" : ", \"conversationId\": \"" + conversation + "\"") + "}");
        assertEquals(200, response.status(), response.body());
        assertFalse(response.json().path("failed").asBoolean(), response.body());
        return response.json();
    }

    private static JsonNode proposal(JsonNode reply) {
        for (JsonNode event : reply.path("events")) {
            if (event.path("type").asText().equals("proposal")) return event.path("proposal");
        }
        throw new AssertionError("no proposal in " + reply);
    }

    private static void approve(ApiClient client, JsonNode reply) {
        JsonNode proposal = proposal(reply);
        ApiClient.Response approved = client.post("/api/proposals/" + proposal.path("proposalId").asText() + "/approve",
                "{\"argumentsHash\": \"" + proposal.path("argumentsHash").asText() + "\"}");
        assertEquals(200, approved.status(), approved.body());
    }

    /** The person writes to the tenant's email bot: their mail is logged where bot mail is. */
    private static void botMail(ApiClient admin) throws Exception {
        assertEquals(200, admin.send("PUT", "/api/email-bot", "{\"address\": \"" + BOT + "\"}", "application/json").status());
        String secret = admin.post("/api/email-bot/webhook-secret", "{}").json().path("secret").asText();
        String mail = """
                {"from": "%s %s <%s>", "to": ["%s"], "subject": "Question from %s", "text": "Hi, %s here. Call me on %s.",
                 "messageId": "<zq-1@private.example>"}""".formatted(FIRST, LAST, EMAIL, BOT, FIRST, FIRST, PHONE);
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(application.url() + "/api/inbound/email")).header("Content-Type", "application/json")
                .header("X-CRM-Inbound-Secret", secret).POST(HttpRequest.BodyPublishers.ofString(mail)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, posted.statusCode(), posted.body());
        await(() -> !"received".equals(text("select outcome from email_bot_messages where message_id = '<zq-1@private.example>'")));
    }

    /** Every table and row whose text or JSON holds the value, searched as the superuser (no row-level security). */
    private static List<String> everywhere(String value) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = superuser(); PreparedStatement columns = connection.prepareStatement("""
                select table_schema, table_name, column_name from information_schema.columns
                 where table_schema not in ('pg_catalog', 'information_schema')
                   and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
                   and table_name in (select table_name from information_schema.tables where table_type = 'BASE TABLE')""")) {
            ResultSet column = columns.executeQuery();
            while (column.next()) {
                String name = "\"" + column.getString(1) + "\".\"" + column.getString(2) + "\".\"" + column.getString(3) + "\"";
                try (PreparedStatement search = connection.prepareStatement("select count(*) from \""
                        + column.getString(1) + "\".\"" + column.getString(2) + "\" where strpos(lower(\""
                        + column.getString(3) + "\"::text), lower(?)) > 0")) {
                    search.setString(1, value);
                    ResultSet rows = search.executeQuery();
                    rows.next();
                    if (rows.getLong(1) > 0) found.add(name + " holds '" + value + "' in " + rows.getLong(1) + " rows");
                }
            }
        }
        return found;
    }

    private static int count(String sql) {
        return Integer.parseInt(text(sql));
    }

    private static String text(String sql) {
        try (Connection connection = superuser(); ResultSet result = connection.createStatement().executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection superuser() throws SQLException {
        String url = application.database().coordinates().url();
        return TestPostgres.get().superuser(url.substring(url.lastIndexOf('/') + 1));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        // Generous: embedding runs on a busy CI machine's two cores.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(100);
        }
    }
}
