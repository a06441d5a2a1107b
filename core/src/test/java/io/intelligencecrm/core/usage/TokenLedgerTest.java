package io.intelligencecrm.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.MutableClock;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenLedgerTest {
    private static Database database;
    private static TenantId tenant;

    @BeforeAll
    static void database() {
        database = TestPostgres.get().openFreshDatabase(2);
        tenant = TestTenants.create(database, "ledger-other").tenantId();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void the_token_ledger_sums_today_and_refuses_past_the_budget() {
        TenantId own = TestTenants.create(database, "ledger").tenantId();
        TokenLedger ledger = new TokenLedger(database.tenants(), Clock.systemUTC(), 1000);
        ledger.requireBudget(own);
        ledger.record(own, List.of(new ModelUsage(null, null, "openai", "gpt-test", 300, 200)));
        ledger.record(own, List.of(new ModelUsage(null, null, "openai", "gpt-test", 250, 249)));

        assertEquals(999, ledger.usedToday(own));
        ledger.requireBudget(own);
        ledger.record(own, List.of(new ModelUsage(null, null, "openai", "gpt-test", 1, 0)));
        CrmException refused = assertThrows(CrmException.class, () -> ledger.requireBudget(own));
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        assertEquals(Map.of("budget", 1000L, "used", 1000L), refused.extensions());

        new TokenLedger(database.tenants(), Clock.systemUTC(), 0).requireBudget(own);
        assertEquals(0, ledger.usedToday(tenant), "other tenants' usage is their own");
    }

    @Test
    void the_token_ledger_counts_only_today() {
        TenantId own = TestTenants.create(database, "ledger-days").tenantId();
        new TokenLedger(database.tenants(), Clock.systemUTC(), 10).record(own,
                List.of(new ModelUsage(null, null, "openai", "gpt-test", 50, 50)));
        MutableClock tomorrow = new MutableClock(Instant.now().plus(Duration.ofDays(1)));
        TokenLedger ledger = new TokenLedger(database.tenants(), tomorrow, 10);

        assertEquals(0, ledger.usedToday(own));
        ledger.requireBudget(own);
    }
}
