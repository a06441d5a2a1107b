package io.intelligencecrm.web.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.bots.slack.SlackSignature;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.OtherTenant;
import io.intelligencecrm.web.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The agent in Slack, end to end: the real server on a real database with the offline model, and a
 * local server speaking Slack's Web API. Each test uses its own channel so they do not see each other.
 */
@Tag("slow")
class SlackBotTest {
    /** Slack's own documented example: letters beyond hex, as Slack issues them. */
    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String ALEX = "U0ALEX";
    private static final String JORDAN = "U0JORDAN";
    private static final String STRANGER = "U0STRANGER";

    private static FakeSlack slack;
    private static CrmApplication application;
    private static SignedSlackClient client;
    private static TenantId tenant;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        slack.member(ALEX, "alex@demo.example");
        slack.member(JORDAN, "jordan@demo.example");
        slack.member(STRANGER, "someone@elsewhere.example");
        application = TestServer.start(Map.of("CRM_SLACK_API_URL", slack.url()));
        tenant = application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId();
        ApiClient.Response connected = DemoLogins.as(application, Role.ADMIN).send("PUT", "/api/slack", """
                {"botToken": "%s", "signingSecret": "%s"}""".formatted(FakeSlack.TOKEN, SIGNING_SECRET),
                "application/json");
        assertEquals(200, connected.status(), connected.body());
        client = new SignedSlackClient(application.url(), SIGNING_SECRET);
    }

    @AfterAll
    static void stop() {
        application.stop();
        slack.close();
    }

    @Test
    void a_mention_in_a_thread_runs_the_agent_and_the_reply_lands_in_the_thread() {
        long started = System.nanoTime();
        HttpResponse<String> ack = client.events(SignedSlackClient.mention("Ev-mention", JORDAN, "C0MENTION",
                "1800000100.000200", "1800000100.000100", "show my open deals"));
        assertEquals(200, ack.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3000, "acknowledged within 3 s");

        FakeSlack.Call reply = replyIn("C0MENTION", "1800000100.000100");
        assertTrue(reply.text("text").contains("```"), "the deals table is a code block: " + reply.text("text"));
        assertEquals("Bearer " + FakeSlack.TOKEN, reply.authorization());
        assertEquals(1, count("""
                select count(*) from conversations where channel = 'slack'
                   and external_ref = 'T0TEST:C0MENTION:1800000100.000100:U0JORDAN'"""));
    }

    @Test
    void a_direct_message_is_answered_and_the_bots_own_messages_are_ignored() {
        client.events(SignedSlackClient.event("Ev-own", Map.of("type", "message", "channel_type", "im",
                "channel", "D0DIRECT", "user", FakeSlack.BOT_USER, "bot_id", "B0BOT", "ts", "1800000900.000050",
                "text", "Open pipeline by stage")));
        client.events(SignedSlackClient.event("Ev-edit", Map.of("type", "message", "subtype", "message_changed",
                "channel_type", "im", "channel", "D0DIRECT", "ts", "1800000900.000060")));
        client.events(SignedSlackClient.event("Ev-direct", Map.of("type", "message", "channel_type", "im",
                "channel", "D0DIRECT", "user", JORDAN, "ts", "1800000900.000100", "text", "show my open deals")));
        replyIn("D0DIRECT", "1800000900.000100");
        FakeSlack.sleep(300);
        assertEquals(1, slack.calls("chat.postMessage").stream()
                .filter(call -> "D0DIRECT".equals(call.text("channel"))).count());
    }

    @Test
    void a_retried_event_runs_once() {
        String event = SignedSlackClient.mention("Ev-retried", JORDAN, "C0RETRY", "1800000200.000100", null,
                "show my open deals");
        // Slack signs each retry anew when it sends it: the same event under three timestamps.
        Instant now = Instant.now();
        List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant signedAt = now.minusSeconds(i);
            deliveries.add(CompletableFuture.supplyAsync(() -> client.send("/slack/events", event, "application/json",
                    signedAt, SIGNING_SECRET)));
        }
        deliveries.forEach(delivery -> assertEquals(200, delivery.join().statusCode()));
        replyIn("C0RETRY", "1800000200.000100");
        FakeSlack.sleep(700);
        assertEquals(1, slack.calls("chat.postMessage").stream()
                .filter(call -> "C0RETRY".equals(call.text("channel"))).count());
        assertEquals(1, count("""
                select count(*) from messages m join conversations c on c.id = m.conversation_id
                 where c.external_ref like 'T0TEST:C0RETRY:%' and m.role = 'user'"""));
    }

    @Test
    void a_bad_or_stale_signature_gets_401_and_no_work() {
        String event = SignedSlackClient.mention("Ev-forged", JORDAN, "C0FORGED", "1800000300.000100", null,
                "show my open deals");
        Instant now = Instant.now();
        assertEquals(401, client.send("/slack/events", event, "application/json", now, "0123456789abcdef0123456789abcdef")
                .statusCode());
        assertEquals(401, client.send("/slack/events", event, "application/json", now.minusSeconds(6 * 60),
                SIGNING_SECRET).statusCode());
        assertEquals(401, client.send("/slack/events", event, "application/json", now.plusSeconds(6 * 60),
                SIGNING_SECRET).statusCode());
        String signed = Long.toString(now.getEpochSecond());
        assertEquals(401, client.sendWithSignature(event.replace("show my", "delete my"), signed,
                SlackSignature.sign(SIGNING_SECRET, signed, event)).statusCode(),
                "a body altered after signing");
        assertEquals(401, client.send("/slack/interactions", "payload=%7B%7D", "application/x-www-form-urlencoded",
                now, "0123456789abcdef0123456789abcdef").statusCode());
        FakeSlack.sleep(500);
        assertTrue(slack.calls().stream().noneMatch(call -> "C0FORGED".equals(call.text("channel"))));
        assertEquals(0, count("select count(*) from slack_events where event_id = 'Ev-forged'"));

        // Nothing was claimed: the genuine delivery of the same event still runs.
        assertEquals(200, client.events(event).statusCode());
        replyIn("C0FORGED", "1800000300.000100");
    }

    @Test
    void an_unlinked_user_gets_a_polite_not_linked_reply_and_nothing_else() {
        assertEquals(200, client.events(SignedSlackClient.mention("Ev-stranger", STRANGER, "C0STRANGER",
                "1800000400.000100", null, "delete every contact")).statusCode());
        assertEquals(200, client.events(SignedSlackClient.mention("Ev-ghost", "U0GHOST", "C0STRANGER",
                "1800000400.000200", null, "show my open deals")).statusCode());
        FakeSlack.Call note = slack.await("chat.postEphemeral", call -> STRANGER.equals(call.text("user")));
        assertTrue(note.text("text").contains("not linked"), note.text("text"));
        slack.await("chat.postEphemeral", call -> "U0GHOST".equals(call.text("user")));
        FakeSlack.sleep(300);
        assertTrue(slack.calls("chat.postMessage").stream().noneMatch(call -> "C0STRANGER".equals(call.text("channel"))));
        assertEquals(0, count("select count(*) from conversations where external_ref like 'T0TEST:C0STRANGER:%'"));
        assertEquals(0, count("select count(*) from slack_user_links where slack_user_id in ('U0STRANGER', 'U0GHOST')"));
    }

    @Test
    void an_unlinked_user_links_their_own_account_with_the_code_only_they_were_shown() {
        client.events(SignedSlackClient.mention("Ev-newbie-1", "U0NEWBIE", "C0NEWBIE", "1800000800.000100", null,
                "show my open deals"));
        FakeSlack.Call note = slack.await("chat.postEphemeral", call -> "U0NEWBIE".equals(call.text("user")));
        Matcher code = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(note.text("text"));
        assertTrue(code.find(), note.text("text"));

        ApiClient rep = DemoLogins.as(application, Role.REP);
        assertEquals(400, rep.post("/api/slack/links/confirm", "{\"code\": \"AAAA-BBBB\"}").status());
        ApiClient.Response linked = rep.post("/api/slack/links/confirm", "{\"code\": \"" + code.group() + "\"}");
        assertEquals(200, linked.status(), linked.body());
        assertEquals("confirmed", linked.json().path("method").asText());
        assertEquals(400, rep.post("/api/slack/links/confirm", "{\"code\": \"" + code.group() + "\"}").status(),
                "a code is spent once used");

        client.events(SignedSlackClient.mention("Ev-newbie-2", "U0NEWBIE", "C0NEWBIE", "1800000800.000200",
                "1800000800.000100", "show my open deals"));
        replyIn("C0NEWBIE", "1800000800.000100");
        assertEquals(1, count("select count(*) from conversations where external_ref like 'T0TEST:C0NEWBIE:%'"
                + " and user_id = '" + userId("jordan@demo.example") + "'"));
    }

    @Test
    void a_follow_up_in_the_same_thread_keeps_the_context() {
        String thread = "1800000500.000100";
        client.events(SignedSlackClient.mention("Ev-ada-1", ALEX, "C0CONTEXT", thread, null,
                "add Ada Byron from Analytical, ada@analytical.example"));
        replyIn("C0CONTEXT", thread);
        client.events(SignedSlackClient.mention("Ev-ada-2", ALEX, "C0CONTEXT", "1800000500.000200", thread,
                "move her to qualified"));
        awaitReplies("C0CONTEXT", thread, 2);
        assertEquals(1, count("""
                select count(*) from contacts where email = 'ada@analytical.example' and lifecycle_stage = 'qualified'"""));

        // A new thread is a new conversation: "her" means nobody there.
        client.events(SignedSlackClient.mention("Ev-ada-3", ALEX, "C0CONTEXT", "1800000501.000100", null,
                "move her to customer"));
        FakeSlack.Call fresh = replyIn("C0CONTEXT", "1800000501.000100");
        assertTrue(fresh.text("text").contains("Please use the name"), fresh.text("text"));
    }

    @Test
    void approval_by_button_executes_exactly_once() {
        String thread = "1800000600.000100";
        client.events(SignedSlackClient.mention("Ev-zed-1", JORDAN, "C0APPROVE", thread, null,
                "add Zed Quill from Acme, zed@quill.example"));
        replyIn("C0APPROVE", thread);
        client.events(SignedSlackClient.mention("Ev-zed-2", JORDAN, "C0APPROVE", "1800000600.000200", thread,
                "delete him"));
        FakeSlack.Call card = slack.await("chat.postMessage", call -> "C0APPROVE".equals(call.text("channel"))
                && call.body().has("blocks"));
        assertTrue(card.text("text").startsWith("*Approval needed:*"), card.text("text"));
        JsonNode approve = card.body().at("/blocks/2/elements/0");
        assertEquals("crm_proposal_approve", approve.path("action_id").asText());
        UUID proposal = UUID.fromString(approve.path("value").asText().split(":")[0]);
        String cardTs = card.answer().path("ts").asText();

        // Someone else's click decides nothing, even an admin's.
        assertEquals(200, client.interactions(click(ALEX, cardTs, thread, approve)).statusCode());
        FakeSlack.Call refused = slack.await("chat.postEphemeral", call -> ALEX.equals(call.text("user")));
        assertTrue(refused.text("text").contains("Only the person"), refused.text("text"));
        assertEquals("pending", status(proposal));

        // Pressed three times at once (a double click and Slack's retry): one execution.
        List<CompletableFuture<HttpResponse<String>>> clicks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clicks.add(CompletableFuture.supplyAsync(() -> client.interactions(click(JORDAN, cardTs, thread, approve))));
        }
        clicks.forEach(click -> assertEquals(200, click.join().statusCode()));
        FakeSlack.Call updated = slack.await("chat.update", call -> cardTs.equals(call.text("ts")));
        assertTrue(updated.text("text").contains("Approved by <@U0JORDAN>"), updated.text("text"));
        assertFalse(updated.body().toString().contains("crm_proposal_approve"), "the buttons are gone");
        slack.await("chat.postEphemeral", call -> JORDAN.equals(call.text("user"))
                && call.text("text").contains("already executed"));
        FakeSlack.sleep(500);
        assertEquals("executed", status(proposal));
        assertEquals(1, count("select count(*) from audit_log where action = 'proposal.execute' and entity_id = '"
                + proposal + "'"));
        assertEquals(1, slack.calls("chat.update").stream().filter(call -> cardTs.equals(call.text("ts"))).count());
        assertEquals(0, count("select count(*) from contacts where email = 'zed@quill.example' and deleted_at is null"));
    }

    @Test
    void the_slash_command_answers_in_a_thread_of_its_own() {
        HttpResponse<String> ack = client.command(Map.of("team_id", FakeSlack.TEAM, "user_id", ALEX,
                "channel_id", "C0COMMAND", "command", "/crm", "text", "show me the pipeline",
                "response_url", "https://hooks.slack.com/commands/T0TEST/1/x", "trigger_id", "1.2.3"));
        assertEquals(200, ack.statusCode());
        FakeSlack.Call question = slack.await("chat.postMessage", call -> "C0COMMAND".equals(call.text("channel"))
                && call.text("thread_ts") == null);
        assertTrue(question.text("text").contains("/crm show me the pipeline"), question.text("text"));
        FakeSlack.Call answer = replyIn("C0COMMAND", question.answer().path("ts").asText());
        assertTrue(answer.text("text").contains("pipeline by stage"), answer.text("text"));

        HttpResponse<String> help = client.command(Map.of("team_id", FakeSlack.TEAM, "user_id", ALEX,
                "channel_id", "C0COMMAND", "command", "/crm", "text", ""));
        assertEquals(200, help.statusCode());
        assertTrue(help.body().contains("\"ephemeral\""), help.body());
    }

    @Test
    void a_signed_request_replayed_within_its_five_minutes_is_refused_and_runs_once() {
        Instant signedAt = Instant.now();
        String command = SignedSlackClient.form(Map.of("team_id", FakeSlack.TEAM, "user_id", ALEX,
                "channel_id", "C0REPLAY", "command", "/crm", "text", "show me the pipeline", "trigger_id", "9.9.9"));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(client.send("/slack/commands", command, "application/x-www-form-urlencoded", signedAt,
                    SIGNING_SECRET).statusCode());
        }
        assertEquals(List.of(200, 401, 401), statuses);
        slack.await("chat.postMessage", call -> "C0REPLAY".equals(call.text("channel")) && call.text("thread_ts") == null);
        FakeSlack.sleep(700);
        assertEquals(1, slack.calls("chat.postMessage").stream()
                .filter(call -> "C0REPLAY".equals(call.text("channel")) && call.text("thread_ts") == null).count());

        String event = SignedSlackClient.mention("Ev-replayed", JORDAN, "C0REPLAY2", "1800000400.000100", null,
                "show my open deals");
        assertEquals(200, client.send("/slack/events", event, "application/json", signedAt, SIGNING_SECRET).statusCode());
        assertEquals(401, client.send("/slack/events", event, "application/json", signedAt, SIGNING_SECRET).statusCode());
    }

    @Test
    void a_command_in_a_channel_without_the_bot_is_answered_privately_with_what_to_do() {
        assertEquals(200, client.command(Map.of("team_id", FakeSlack.TEAM, "user_id", ALEX,
                "channel_id", FakeSlack.NOT_A_MEMBER, "command", "/crm", "text", "show me the pipeline",
                "response_url", slack.responseUrl())).statusCode());
        FakeSlack.Call answer = slack.await("response_url", call -> true);
        assertTrue(answer.text("text").contains("/invite <@U0BOT>"), answer.text("text"));
        assertEquals("ephemeral", answer.text("response_type"));
    }

    @Test
    void the_url_verification_challenge_is_answered_only_when_signed() {
        String body = """
                {"token": "legacy", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", "type": "url_verification"}""";
        HttpResponse<String> answer = client.send("/slack/events", body, "application/json", Instant.now(), SIGNING_SECRET);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), answer.body());
        assertEquals(401, client.send("/slack/events", body, "application/json", Instant.now(),
                "0123456789abcdef0123456789abcdef").statusCode());
    }

    @Test
    void only_admins_manage_the_connection_and_its_secrets_are_stored_sealed() {
        ApiClient admin = DemoLogins.as(application, Role.ADMIN);
        assertEquals(403, DemoLogins.as(application, Role.REP).get("/api/slack").status());
        ApiClient.Response status = admin.get("/api/slack");
        assertEquals(200, status.status());
        assertEquals("T0TEST", status.json().path("teamId").asText());
        assertFalse(status.body().contains("xoxb") || status.body().contains(SIGNING_SECRET));
        assertEquals(0, count("select count(*) from slack_workspaces where bot_token_sealed like '%xoxb%'"
                + " or signing_secret_sealed like '%" + SIGNING_SECRET + "%'"));

        ApiClient.Response refused = admin.send("PUT", "/api/slack", """
                {"botToken": "xoxb-revoked", "signingSecret": "%s"}""".formatted(SIGNING_SECRET), "application/json");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("invalid_auth"), refused.body());
        ApiClient.Response malformed = admin.send("PUT", "/api/slack", "{\"botToken\": \"abc\"}", "application/json");
        assertEquals(400, malformed.status());
        assertTrue(malformed.json().toString().contains("signingSecret"), malformed.body());
        assertEquals("T0TEST", admin.get("/api/slack").json().path("teamId").asText(), "still connected");
    }

    @Test
    void a_workspace_answers_to_one_tenant_only() {
        OtherTenant.create(application, "slackother");
        ApiClient otherAdmin = OtherTenant.login(application, "slackother", Role.ADMIN);
        ApiClient.Response taken = otherAdmin.send("PUT", "/api/slack", """
                {"botToken": "%s", "signingSecret": "%s"}""".formatted(FakeSlack.TOKEN, SIGNING_SECRET),
                "application/json");
        assertEquals(409, taken.status(), taken.body());
        assertFalse(otherAdmin.get("/api/slack").json().path("connected").asBoolean());
        assertFalse(otherAdmin.get("/api/slack/links").body().contains("U0"), "no other tenant's links");
    }

    @Test
    void an_admin_link_lets_a_slack_user_act_as_that_crm_user_and_receive_notifications() {
        ApiClient admin = DemoLogins.as(application, Role.ADMIN);
        String samId = userId("sam@demo.example");
        ApiClient.Response linked = admin.send("PUT", "/api/slack/links/U0SAMALT", """
                {"userId": "%s"}""".formatted(samId), "application/json");
        assertEquals(200, linked.status(), linked.body());
        assertEquals("admin", linked.json().path("method").asText());

        client.events(SignedSlackClient.mention("Ev-linked", "U0SAMALT", "C0LINKED", "1800000700.000100", null,
                "show my open deals"));
        replyIn("C0LINKED", "1800000700.000100");
        assertEquals(1, count("select count(*) from conversations where external_ref like 'T0TEST:C0LINKED:%'"
                + " and user_id = '" + samId + "'"));

        assertTrue(application.slack().notifier().toUser(tenant, UUID.fromString(samId),
                "Deal **Acme renewal** was won <!channel>").isPresent());
        FakeSlack.Call note = slack.await("chat.postMessage", call -> "U0SAMALT".equals(call.text("channel")));
        assertEquals("Deal *Acme renewal* was won &lt;!channel&gt;", note.text("text"));

        assertEquals(204, admin.delete("/api/slack/links/U0SAMALT").status());
        assertFalse(admin.get("/api/slack/links").body().contains("U0SAMALT"));
    }

    /** Each click is its own request from Slack (its own trigger id), as a double click or a retry would be. */
    private static Map<String, Object> click(String user, String cardTs, String thread, JsonNode button) {
        return Map.of("type", "block_actions", "team", Map.of("id", FakeSlack.TEAM), "user", Map.of("id", user),
                "trigger_id", UUID.randomUUID().toString(),
                "container", Map.of("type", "message", "channel_id", "C0APPROVE", "message_ts", cardTs),
                "channel", Map.of("id", "C0APPROVE"), "message", Map.of("ts", cardTs, "thread_ts", thread),
                "actions", List.of(Map.of("action_id", button.path("action_id").asText(),
                        "value", button.path("value").asText(), "type", "button")));
    }

    /** The bot's plain reply (not a proposal card) in the thread. */
    private static FakeSlack.Call replyIn(String channel, String thread) {
        return slack.await("chat.postMessage", call -> channel.equals(call.text("channel"))
                && thread.equals(call.text("thread_ts")) && !call.body().has("blocks"));
    }

    private static void awaitReplies(String channel, String thread, int replies) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline) && slack.calls("chat.postMessage").stream()
                .filter(call -> channel.equals(call.text("channel")) && thread.equals(call.text("thread_ts"))).count() < replies) {
            FakeSlack.sleep(20);
        }
    }

    private static String status(UUID proposal) {
        return application.database().tenants().inTenant(tenant, handle -> handle
                .createQuery("select status from proposals where id = :id").bind("id", proposal)
                .mapTo(String.class).one());
    }

    private static String userId(String email) {
        return application.database().tenants().inTenant(tenant, handle -> handle
                .createQuery("select id::text from users where email = :email").bind("email", email)
                .mapTo(String.class).one());
    }

    private static long count(String sql) {
        return application.database().tenants().inTenant(tenant, handle -> handle.createQuery(sql)
                .mapTo(Long.class).one());
    }
}
