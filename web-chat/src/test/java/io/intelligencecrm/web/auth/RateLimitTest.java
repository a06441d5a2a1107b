package io.intelligencecrm.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.OtherTenant;
import io.intelligencecrm.web.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmApplicationTest(environment = {"CRM_RATE_LIMIT_USER_PER_MINUTE=20", "CRM_RATE_LIMIT_TENANT_PER_MINUTE=30",
        "CRM_RATE_LIMIT_LOGIN_PER_MINUTE=5"})
class RateLimitTest {
    private static final Map<String, String> LIMITS = Map.of("CRM_RATE_LIMIT_USER_PER_MINUTE", "20",
            "CRM_RATE_LIMIT_TENANT_PER_MINUTE", "30", "CRM_RATE_LIMIT_LOGIN_PER_MINUTE", "5");
    private static CrmApplication application;
    private static CrmApplication secondNode;
    private static ApiClient rep;
    private static ApiClient manager;
    private static ApiClient calm;
    private static ApiClient spread;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        secondNode = TestServer.secondNode(application, LIMITS);
        OtherTenant.create(application, "calm");
        OtherTenant.create(application, "spread");
        // Signed in first: the login tests below spend this address's login bucket, shared by both nodes.
        rep = DemoLogins.as(application, Role.REP);
        manager = DemoLogins.as(application, Role.MANAGER);
        calm = OtherTenant.login(application, "calm", Role.REP);
        spread = OtherTenant.login(application, "spread", Role.REP);
    }

    @AfterAll
    static void stop() {
        secondNode.stop();
    }

    @Test
    void a_burst_gets_429_with_retry_after_and_another_tenant_is_not_throttled() {
        // Buckets refill continuously, so on a slow machine a fixed count of requests may never run
        // dry: send until refused, and check it happened about where each bucket's size says.
        int sent = untilRefused(rep);
        assertTrue(sent > 15 && sent <= 25, "the user's bucket of 20 ran out after " + sent + " requests");
        ApiClient.Response last = rep.get("/api/contacts?limit=1");
        assertEquals(429, last.status());
        assertNotNull(last.header("Retry-After"));
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
        assertEquals("application/problem+json", last.header("content-type").split(";")[0]);
        assertTrue(untilRefused(manager) < 20, "the tenant's bucket of 30 is shared, so the manager is refused first");

        assertEquals(200, calm.get("/api/contacts?limit=1").status(), "another tenant has its own bucket");
    }

    @Test
    void the_limit_holds_for_the_cluster_when_requests_alternate_between_nodes() {
        ApiClient onSecond = new ApiClient(secondNode.url(), spread.bearer());
        int sent = untilRefused(spread, onSecond);
        assertTrue(sent > 15 && sent <= 25, "one bucket of 20 for both nodes ran out after " + sent + " requests");
    }

    /** Requests sent, round-robin over the clients, up to and including the first refused one. */
    private static int untilRefused(ApiClient... clients) {
        for (int sent = 1; sent <= 60; sent++) {
            if (clients[sent % clients.length].get("/api/contacts?limit=1").status() == 429) return sent;
        }
        return Integer.MAX_VALUE;
    }

    @Test
    void padding_case_or_the_workspace_domain_do_not_open_a_new_login_bucket_on_another_node() {
        String[][] spellings = {{"demo", "sam@demo.example"}, {" DEMO ", " sam@demo.example"},
                {"demo.example", "SAM@Demo.Example "}, {"Demo.Example", "\tsam@demo.example"}};
        int refusedAt = Integer.MAX_VALUE;
        for (int attempt = 1; attempt <= 12 && refusedAt == Integer.MAX_VALUE; attempt++) {
            CrmApplication node = attempt % 2 == 0 ? application : secondNode;
            String[] spelling = spellings[attempt % spellings.length];
            int status = new ApiClient(node.url(), null).post("/api/auth/login", """
                    {"tenant": "%s", "email": "%s", "password": "guess%d"}""".formatted(spelling[0], spelling[1], attempt))
                    .status();
            if (status == 429) refusedAt = attempt;
        }
        // Each failed login takes a password hash (a second or two here), so a token or two refills meanwhile.
        assertTrue(refusedAt <= 8, "one bucket of 5 for the account, whatever the node or spelling; refused at "
                + refusedAt);
    }

    @Test
    void repeated_failed_logins_are_throttled() {
        ApiClient anonymous = new ApiClient(application.url(), null);
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            int status = anonymous.post("/api/auth/login",
                    "{\"tenant\": \"demo\", \"email\": \"alex@demo.example\", \"password\": \"guess" + i + "\"}").status();
            if (status == 429) throttled++;
        }
        assertTrue(throttled >= 3);
    }

    @Test
    void padding_the_email_or_tenant_does_not_get_around_the_login_limit() {
        ApiClient anonymous = new ApiClient(application.url(), null);
        for (int i = 0; i < 6; i++) {
            anonymous.post("/api/auth/login",
                    "{\"tenant\": \"calm\", \"email\": \"viewer@calm.example\", \"password\": \"guess" + i + "\"}");
        }
        // The right password, with the account's limit spent: every spelling that signs in as this viewer is refused.
        for (String[] spelling : new String[][] {{"calm", " viewer@calm.example"}, {"calm", "viewer@calm.example "},
                {"calm", "\\tviewer@calm.example"}, {"calm", "VIEWER@Calm.Example"}, {" calm", "viewer@calm.example"},
                {"CALM\\n", "viewer@calm.example"}, {"calm.example", "viewer@calm.example"},
                {"calm", "\\u00a0viewer@calm.example\\u200b"}}) {
            ApiClient.Response response = anonymous.post("/api/auth/login", """
                    {"tenant": "%s", "email": "%s", "password": "%s"}""".formatted(spelling[0], spelling[1],
                    OtherTenant.PASSWORD));
            assertEquals(429, response.status(), "tenant '" + spelling[0] + "', email '" + spelling[1] + "': "
                    + response.body());
        }
    }
}
