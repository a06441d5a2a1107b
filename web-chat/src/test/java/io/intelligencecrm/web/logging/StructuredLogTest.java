package io.intelligencecrm.web.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The product's own logback.xml with CRM_LOG_FORMAT=json, around real traffic: every line is one
 * JSON object of the expected shape, lines of a request, an agent turn and a background job carry
 * their ids, and nothing planted in the data (an email, a password, a stored secret, credentials)
 * appears anywhere, not even in a database error that had it as a bound value.
 */
class StructuredLogTest {
    private static final String PLANTED_EMAIL = "planted.person.4711@leak-check.example";
    private static final String PLANTED_SECRET = "planted-smtp-secret-4711";
    private static final String DEMO_PASSWORD = "demo-rep-pass";

    private static final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private static PrintStream originalOut;
    private static CrmApplication application;
    private static final List<String> credentials = new ArrayList<>();
    private static List<JsonNode> lines;

    @BeforeAll
    static void run() throws Exception {
        System.setProperty("CRM_LOG_FORMAT", "json");
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(CrmApplication.class.getResource("/logback.xml"));
        logging.getLogger("io.intelligencecrm").setLevel(Level.DEBUG);
        originalOut = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
            }
        }, true, StandardCharsets.UTF_8));
        try {
            traffic();
        } finally {
            System.setOut(originalOut);
            System.clearProperty("CRM_LOG_FORMAT");
            logging.reset();
            new ContextInitializer(logging).autoConfig();
        }
        lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) lines.add(Json.mapper().readTree(line));
        }
    }

    private static void traffic() throws Exception {
        application = TestServer.start(Map.of("CRM_SMTP_HOST", "127.0.0.1", "CRM_SMTP_PORT", "1",
                "CRM_SMTP_SECURITY", "none", "CRM_MAIL_FROM", "crm@crm.test"));
        try {
            ApiClient admin = DemoLogins.as(application, Role.ADMIN);
            ApiClient rep = DemoLogins.as(application, Role.REP);
            credentials.add(admin.bearer());
            credentials.add(rep.bearer());
            assertEquals(200, admin.send("PUT", "/api/outreach/settings", """
                    {"smtpHost": "127.0.0.1", "smtpPort": 2525, "smtpSecurity": "none", "smtpUsername": "crm",
                     "smtpPassword": "%s"}""".formatted(PLANTED_SECRET), "application/json").status());
            String key = admin.post("/api/api-keys", "{\"name\": \"script\", \"role\": \"rep\"}").json().path("secret").asText();
            assertFalse(key.isBlank());
            credentials.add(key);
            assertEquals(200, rep.withBearer(key).get("/api/contacts?limit=1").status());

            assertEquals(201, rep.post("/api/contacts", """
                    {"firstName": "Pia", "lastName": "Planted", "email": "%s"}""".formatted(PLANTED_EMAIL)).status());
            assertEquals(409, rep.post("/api/contacts", """
                    {"firstName": "Pia", "lastName": "Again", "email": "%s"}""".formatted(PLANTED_EMAIL)).status());
            rep.get("/api/contacts?q=" + java.net.URLEncoder.encode(PLANTED_EMAIL + "\u0000", StandardCharsets.UTF_8));
            assertEquals(200, rep.post("/api/chat", """
                    {"message": "add Ola Planted from Acme, %s, she asked for pricing"}""".formatted(PLANTED_EMAIL)).status());
            databaseErrorWithThePlantedEmailBound();
            application.dispatcher().drain();
        } finally {
            application.stop();
        }
    }

    /** A unique violation whose statement bound the planted email, logged the way the product logs failures. */
    private static void databaseErrorWithThePlantedEmailBound() {
        TenantId demo = application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId();
        try {
            application.database().tenants().useTenant(demo, handle -> handle.createUpdate("""
                            insert into contacts (tenant_id, first_name, last_name, email)
                            values (crm_current_tenant(), :first, :last, :email)""")
                    .bind("first", "Pia").bind("last", "Twice").bind("email", PLANTED_EMAIL).execute());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(StructuredLogTest.class).error("Unhandled error on a test statement", e);
            return;
        }
        throw new AssertionError("the duplicate insert was expected to fail");
    }

    @Test
    void every_line_is_one_json_object_with_time_level_logger_and_message() {
        assertTrue(lines.size() > 10, "lines were captured: " + lines.size());
        for (JsonNode line : lines) {
            assertTrue(line.path("timestamp").canConvertToLong(), line.toString());
            assertTrue(List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(line.path("level").asText()), line.toString());
            assertFalse(line.path("loggerName").asText().isBlank(), line.toString());
            assertTrue(line.has("formattedMessage"), line.toString());
            assertFalse(line.has("arguments"), "arguments are rendered into the message, never logged apart");
        }
    }

    @Test
    void nothing_planted_in_the_data_or_a_credential_appears_in_any_line() {
        String all = lines.toString();
        assertTrue(all.contains("Unhandled error on a test statement"), "the database error was logged");
        assertTrue(all.contains("contacts_email"), "the database error names what failed");
        for (String secret : List.of(PLANTED_EMAIL, "leak-check", PLANTED_SECRET, DEMO_PASSWORD)) {
            assertFalse(all.contains(secret), secret + " appears in the log");
        }
        for (String credential : credentials) assertFalse(all.contains(credential), "a credential appears in the log");
    }

    @Test
    void request_lines_carry_the_request_tenant_and_user() {
        List<JsonNode> api = lines.stream().filter(line -> line.path("loggerName").asText().equals("http")
                && line.path("formattedMessage").asText().startsWith("GET /api/contacts ")).toList();
        assertFalse(api.isEmpty(), "the request was logged");
        for (JsonNode line : api) {
            assertTrue(line.at("/mdc/requestId").asText().length() >= 8, line.toString());
            assertTrue(line.at("/mdc/tenantId").asText().length() == 36, line.toString());
            assertTrue(line.at("/mdc/userId").asText().length() == 36, line.toString());
        }
        assertNotEquals(api.getFirst().at("/mdc/requestId"), api.getLast().at("/mdc/requestId"),
                "each request has its own id");
        assertTrue(lines.stream().anyMatch(line -> line.path("formattedMessage").asText()
                .startsWith("GET /api/contacts/{id} ") || line.path("formattedMessage").asText().startsWith("POST /api/contacts ")),
                "routes are logged as templates");
    }

    @Test
    void agent_turn_and_background_job_lines_carry_their_ids() {
        JsonNode turn = lines.stream().filter(line -> line.path("formattedMessage").asText().startsWith("Agent turn"))
                .findFirst().orElseThrow();
        for (String id : List.of("requestId", "tenantId", "userId", "conversationId")) {
            assertFalse(turn.at("/mdc/" + id).asText().isBlank(), id + " in " + turn);
        }
        List<JsonNode> jobs = lines.stream().filter(line -> line.at("/mdc/job").asText().startsWith("outbox:")).toList();
        assertFalse(jobs.isEmpty(), "the outbox dispatcher logged its batches");
        for (JsonNode line : jobs) assertEquals(36, line.at("/mdc/tenantId").asText().length(), line.toString());
    }
}
