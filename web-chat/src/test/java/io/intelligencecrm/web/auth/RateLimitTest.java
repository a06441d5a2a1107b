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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmApplicationTest(environment = {"CRM_RATE_LIMIT_USER_PER_MINUTE=20", "CRM_RATE_LIMIT_TENANT_PER_MINUTE=30",
        "CRM_RATE_LIMIT_LOGIN_PER_MINUTE=5"})
class RateLimitTest {
    private static CrmApplication application;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        OtherTenant.create(application, "calm");
    }

    @Test
    void a_burst_gets_429_with_retry_after_and_another_tenant_is_not_throttled() {
        ApiClient rep = DemoLogins.as(application, Role.REP);
        ApiClient manager = DemoLogins.as(application, Role.MANAGER);
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

        ApiClient calm = OtherTenant.login(application, "calm", Role.REP);
        assertEquals(200, calm.get("/api/contacts?limit=1").status(), "another tenant has its own bucket");
    }

    /** Requests sent up to and including the first refused one. */
    private static int untilRefused(ApiClient client) {
        for (int sent = 1; sent <= 60; sent++) {
            if (client.get("/api/contacts?limit=1").status() == 429) return sent;
        }
        return Integer.MAX_VALUE;
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
