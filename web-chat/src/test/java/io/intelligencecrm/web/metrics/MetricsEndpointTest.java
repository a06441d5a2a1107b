package io.intelligencecrm.web.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.intelligencecrm.agent.testing.ScriptedOpenAiServer;
import io.intelligencecrm.agent.testing.ScriptedReply;
import io.intelligencecrm.agent.testing.ScriptedToolCall;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.slack.FakeSlack;
import io.intelligencecrm.web.slack.SignedSlackClient;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.JobKey;

/**
 * The metrics endpoint after real traffic: the application on a real database, a scripted model
 * server speaking OpenAI's protocol, a local Slack and GreenMail as the bot's mailbox and the SMTP
 * server. Every scrape is read with a strict Prometheus text-format parser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsEndpointTest {
    static final String TOKEN = "metrics-token-for-the-test-0123456789";
    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99eeefff85a5";
    private static final String BOT = "bot@crm.test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ScriptedOpenAiServer model;
    private static FakeSlack slack;
    private static GreenMail mail;
    private static GreenMailUser botMailbox;
    private static CrmApplication application;
    /** The scrape after all the traffic, for the checks of the monitoring files. */
    private static PrometheusText afterTraffic;

    @BeforeAll
    static void start() {
        model = new ScriptedOpenAiServer();
        model.respondWith(request -> {
            if (request.lastUserText().contains("fail")) return ScriptedReply.error(500);
            if (request.lastUserText().contains("search") && request.toolResults().isEmpty()) {
                return ScriptedReply.toolCalls(ScriptedToolCall.of("search-1", "searchContacts", "{\"query\": \"Acme\"}"));
            }
            return ScriptedReply.text("Done.", 30, 2);
        });
        slack = new FakeSlack();
        slack.member("U0JORDAN", "jordan@demo.example");
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        botMailbox = mail.setUser(BOT, "bot", "mailbox-secret");
        application = TestServer.start(Map.ofEntries(Map.entry("CRM_METRICS_PORT", "0"),
                Map.entry("CRM_METRICS_TOKEN", TOKEN),
                Map.entry("CRM_MODEL_PROVIDER", "openai"), Map.entry("CRM_MODEL_BASE_URL", model.baseUrl()),
                Map.entry("CRM_MODEL_API_KEY", "sk-test"), Map.entry("CRM_MODEL_MAX_RETRIES", "0"),
                Map.entry("CRM_SLACK_API_URL", slack.url()),
                Map.entry("CRM_SMTP_HOST", "127.0.0.1"), Map.entry("CRM_SMTP_PORT", String.valueOf(mail.getSmtp().getPort())),
                Map.entry("CRM_SMTP_SECURITY", "none"), Map.entry("CRM_MAIL_FROM", "crm@crm.test"),
                Map.entry("CRM_MAIL_DISPATCH_MILLIS", "100"), Map.entry("CRM_EMAIL_BOT_POLL_SECONDS", "1")));
    }

    @AfterAll
    static void stop() {
        application.stop();
        mail.stop();
        slack.close();
        model.close();
    }

    @Test
    @Order(1)
    void every_series_exists_and_moves_with_real_traffic() throws Exception {
        PrometheusText before = scrape();
        ApiClient admin = DemoLogins.as(application, Role.ADMIN);
        ApiClient manager = DemoLogins.as(application, Role.MANAGER);
        ApiClient rep = DemoLogins.as(application, Role.REP);

        assertEquals(200, rep.get("/api/contacts?limit=5").status());
        assertEquals(404, rep.get("/api/contacts/00000000-0000-0000-0000-000000000000").status());
        assertEquals(201, rep.post("/api/contacts", """
                {"firstName": "Mia", "lastName": "Metric", "email": "mia@metrics.example"}""").status());
        assertEquals(200, rep.post("/api/chat", "{\"message\": \"search for Acme\"}").status());
        assertEquals(200, rep.post("/api/chat", "{\"message\": \"this one will fail\"}").status());
        String workflow = rep.post("/api/workflows", """
                {"name": "One task", "definition": {"trigger": {"type": "manual"},
                 "steps": [{"id": "remind", "type": "create_task", "title": "Check the metrics", "dueIn": "P1D"}]}}""")
                .json().get("id").asText();
        rep.post("/api/workflows/" + workflow + "/activate", "{}");
        assertEquals(201, rep.post("/api/workflows/" + workflow + "/run", "{}").status());
        String job = manager.post("/api/scoring/rescore", "{}").json().get("id").asText();
        application.scheduler().quartz().triggerJob(JobKey.jobKey("bounce-scan", "system"));

        assertEquals(200, admin.send("PUT", "/api/slack", """
                {"botToken": "%s", "signingSecret": "%s"}""".formatted(FakeSlack.TOKEN, SIGNING_SECRET),
                "application/json").status());
        new SignedSlackClient(application.url(), SIGNING_SECRET).events(SignedSlackClient.mention("Ev-metrics",
                "U0JORDAN", "C0METRICS", "1800000200.000200", "1800000200.000100", "how are my deals"));
        assertEquals(200, admin.send("PUT", "/api/email-bot", """
                {"address": "%s", "imapHost": "127.0.0.1", "imapPort": %d, "imapSecurity": "none",
                 "imapUsername": "bot", "imapPassword": "mailbox-secret", "trustedAuthservId": "mx.crm.test"}"""
                .formatted(BOT, mail.getImap().getPort()), "application/json").status());
        botMailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(("""
                Authentication-Results: mx.crm.test; spf=pass smtp.mailfrom=demo.example; dkim=pass header.d=demo.example; dmarc=pass header.from=demo.example\r
                From: jordan@demo.example\r
                To: %s\r
                Subject: Deals\r
                Message-ID: <metrics-1@demo.example>\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                how are my deals\r
                """.formatted(BOT)).getBytes(StandardCharsets.UTF_8))));

        awaitTrue(() -> mail.getReceivedMessages().length > 0, "the email bot's answer went out through SMTP");
        awaitTrue(() -> manager.get("/api/scoring/jobs/" + job).json().path("status").asText().equals("succeeded"),
                "the rescoring job finished");
        awaitTrue(() -> application.dispatcher().drain() >= 0 && scrape().sum("crm_embedding_queue_depth", Map.of()) == 0,
                "the embedding queue drained");
        PrometheusText after = scrape();
        afterTraffic = after;

        moved(before, after, "http_server_requests_seconds_count",
                Map.of("method", "GET", "route", "/api/contacts", "status", "200"));
        moved(before, after, "http_server_requests_seconds_count",
                Map.of("route", "/api/contacts/{id}", "status", "404"));
        moved(before, after, "http_server_requests_seconds_bucket", Map.of("route", "/api/chat", "le", "+Inf"));
        moved(before, after, "crm_model_calls_seconds_count", Map.of("provider", "openai", "outcome", "ok"));
        moved(before, after, "crm_model_calls_seconds_count", Map.of("provider", "openai", "outcome", "error"));
        moved(before, after, "crm_model_tokens_total", Map.of("provider", "openai", "type", "input"));
        moved(before, after, "crm_model_tokens_total", Map.of("provider", "openai", "type", "output"));
        moved(before, after, "crm_tool_calls_seconds_count", Map.of("tool", "searchContacts", "outcome", "ok"));
        moved(before, after, "crm_agent_turns_total", Map.of("channel", "api", "outcome", "ok"));
        moved(before, after, "crm_agent_turns_total", Map.of("channel", "slack"));
        moved(before, after, "crm_agent_turns_total", Map.of("channel", "email"));
        moved(before, after, "crm_workflow_runs_total", Map.of("outcome", "succeeded"));
        moved(before, after, "crm_quartz_fires_total", Map.of("job", "bounce-scan"));
        moved(before, after, "crm_rescoring_jobs_total", Map.of("outcome", "succeeded"));
        moved(before, after, "crm_embeddings_total", Map.of());
        moved(before, after, "crm_outbox_messages_total", Map.of("kind", "embed", "outcome", "done"));
        moved(before, after, "crm_deliveries_total", Map.of("channel", "email", "outcome", "sent"));
        moved(before, after, "crm_mailbox_polls_total", Map.of("outcome", "ok"));
        moved(before, after, "hikaricp_connections_acquire_seconds_count", Map.of("pool", "crm-app"));
        assertEquals(1, after.sum("crm_mailbox_watchers", Map.of("state", "watching")));
        for (String series : new String[] {"crm_quartz_misfires_total", "crm_agent_budget_exhausted_total",
                "crm_outbox_pending", "crm_outbox_scheduled", "crm_outbox_oldest_pending_age_seconds",
                "crm_embedding_queue_depth", "hikaricp_connections_active", "jvm_memory_used_bytes",
                "jvm_gc_pause_seconds_count", "process_cpu_usage", "crm_build_info"}) {
            assertTrue(after.has(series), series + " is exported");
        }
        assertTrue(after.samples().stream().noneMatch(sample -> sample.labels().keySet().stream()
                .anyMatch(label -> label.contains("tenant"))), "no series is labelled by tenant");
    }

    @Test
    @Order(2)
    void the_dashboard_and_the_alert_rules_read_only_exported_series() throws Exception {
        assertTrue(afterTraffic != null, "runs after the traffic");
        MonitoringFiles files = MonitoringFiles.read(Path.of("..", "deploy", "monitoring"));
        assertTrue(files.alertNames().containsAll(List.of("CrmOutboxLagging", "CrmServerErrorsRising",
                "CrmModelProviderErrors", "CrmTokenBudgetExhausted", "CrmQuartzMisfires", "CrmMailboxWatcherDown")));
        assertTrue(files.dashboardExpressions().size() >= 20, "the dashboard has its panels");
        for (String expression : files.allExpressions()) {
            List<String> series = MonitoringFiles.seriesIn(expression);
            assertFalse(series.isEmpty(), "no series named in " + expression);
            for (String name : series) assertTrue(afterTraffic.has(name), name + " (in " + expression + ") is not exported");
        }
    }

    @Test
    void the_public_listener_serves_metrics_only_with_the_token() throws Exception {
        assertEquals(404, get(application.url() + "/metrics", null).statusCode());
        assertEquals(404, get(application.url() + "/metrics", "Bearer not-the-token").statusCode());
        HttpResponse<String> served = get(application.url() + "/metrics", "Bearer " + TOKEN);
        assertEquals(200, served.statusCode());
        assertTrue(PrometheusText.parse(served.body()).has("jvm_memory_used_bytes"));
        assertEquals(404, get(managementUrl("/health/live"), null).statusCode(), "the management port serves metrics only");
    }

    @Test
    void every_response_names_its_request_and_a_sane_given_id_is_kept() throws Exception {
        HttpResponse<String> generated = get(application.url() + "/health/live", null);
        assertTrue(generated.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f-]{36}"));
        HttpResponse<String> kept = HTTP.send(HttpRequest.newBuilder(URI.create(application.url() + "/health/live"))
                .header("X-Request-Id", "proxy-42").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("proxy-42", kept.headers().firstValue("X-Request-Id").orElse(""));
    }

    static PrometheusText scrape() {
        try {
            HttpResponse<String> response = get(managementUrl("/metrics"), null);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            return PrometheusText.parse(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String managementUrl(String path) {
        return "http://127.0.0.1:" + application.managementPort().orElseThrow() + path;
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) request.header("Authorization", authorization);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void moved(PrometheusText before, PrometheusText after, String series, Map<String, String> labels) {
        assertTrue(after.has(series), series + " is exported");
        double then = before.sum(series, labels);
        double now = after.sum(series, labels);
        assertTrue(now > then, series + labels + " moved: " + then + " -> " + now);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
