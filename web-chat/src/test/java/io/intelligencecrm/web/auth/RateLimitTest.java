package io.intelligencecrm.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.OtherTenant;
import io.intelligencecrm.web.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static CrmApplication application;

    @BeforeAll
    static void start() {
        application = TestServer.start(Map.of("CRM_RATE_LIMIT_USER_PER_MINUTE", "20",
                "CRM_RATE_LIMIT_TENANT_PER_MINUTE", "30", "CRM_RATE_LIMIT_LOGIN_PER_MINUTE", "5"));
        OtherTenant.create(application, "calm");
    }

    @AfterAll
    static void stop() {
        application.stop();
    }

    @Test
    void a_burst_gets_429_with_retry_after_and_another_tenant_is_not_throttled() {
        ApiClient rep = DemoLogins.as(application, Role.REP);
        ApiClient manager = DemoLogins.as(application, Role.MANAGER);
        int limited = 0;
        ApiClient.Response last = null;
        for (int i = 0; i < 25; i++) {
            last = rep.get("/api/contacts?limit=1");
            if (last.status() == 429) limited++;
        }
        assertTrue(limited >= 5, "the user's bucket of 20 ran out");
        assertNotNull(last.header("Retry-After"));
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
        assertEquals("application/problem+json", last.header("content-type").split(";")[0]);
        for (int i = 0; i < 10; i++) manager.get("/api/contacts?limit=1");
        assertEquals(429, manager.get("/api/contacts?limit=1").status(), "the tenant's bucket of 30 is shared");

        ApiClient calm = OtherTenant.login(application, "calm", Role.REP);
        assertEquals(200, calm.get("/api/contacts?limit=1").status(), "another tenant has its own bucket");
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
}
