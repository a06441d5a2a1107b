package io.intelligencecrm.scoring;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.ScoringSettings;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.contact.transfer.ContactImport;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Outcomes that change a lot retrain the model soon, and a training run reports its steps as it goes. */
class EarlyRetrainingTest {

    @Test
    void an_import_that_closes_many_leads_retrains_soon_and_the_job_reports_its_training_steps() throws Exception {
        try (Database database = TestPostgres.get().openFreshDatabase(4)) {
            Clock clock = Clock.systemUTC();
            CoreServices core = CoreServices.create(database, Settings.from(Map.of()), clock,
                    List.of(new RescoreSubscriber()), List.of(), InvitationSender.NONE, SessionRevocations.NONE);
            ScoringServices scoring = ScoringServices.create(database, core, new ScoringSettings(24, false, true, 0), clock);
            OutboxDispatcher dispatcher = new OutboxDispatcher(database, List.of(scoring.rescoreHandler()),
                    Duration.ofSeconds(1), 3);
            TenantId tenant = TestTenants.create(database, "early-retrain").tenantId();
            User boss = new UserRepository(database.tenants()).create(tenant, "boss@early.example", "Boss", Role.MANAGER,
                    "UTC", null);
            Actor manager = Actor.user(tenant, boss.id(), Role.MANAGER);
            StringBuilder csv = new StringBuilder("name,email,title,stage,plan\n");
            for (int i = 0; i < 60; i++) {
                boolean won = i % 3 != 0;
                csv.append("Lead ").append(i).append(",lead").append(i).append("@early.example,")
                        .append(won ? "CTO" : "Intern").append(',').append(i % 2 == 0 ? (won ? "customer" : "lost") : "lead")
                        .append(',').append(won ? "enterprise" : "N/A").append('\n');
            }

            core.contactImport().run(manager, csv.toString(), Map.of(), List.of("n/a"), false,
                    ContactImport.OnDuplicate.SKIP);
            dispatcher.drain();
            RescoreJob job = awaitFinishedJob(database, tenant);

            assertEquals("succeeded", job.status(), job.toString());
            assertEquals("finished", job.phase());
            assertTrue(job.reason().contains("closed leads to learn from"), job.reason());
            assertTrue(job.done() >= 30, job.toString());
            assertEquals("logistic", scoring.scoring().currentModel(manager).method());
            List<String> steps = new CopyOnWriteArrayList<>();
            scoring.scoring().trainTenant(tenant, steps::add);
            assertTrue(steps.containsAll(List.of("reading closed leads", "finding similar closed leads",
                    "fitting the model and its backtest: 6 of 6 fits done")), steps.toString());
            assertTrue(database.tenants().inTenant(tenant, handle -> handle.createQuery(
                    "select count(*) from contacts where custom ->> 'plan' is not null").mapTo(Integer.class).one()) == 40,
                    "N/A cells are left empty");
            scoring.close();
        }
    }

    private static RescoreJob awaitFinishedJob(Database database, TenantId tenant) {
        return await("a retraining job finished").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                                select id, status, phase, step, total, done, error, reason, started_at, finished_at
                                  from scoring_jobs where status <> 'running'""")
                        .map((rs, ctx) -> new RescoreJob(rs.getObject("id", java.util.UUID.class), rs.getString("status"),
                                rs.getString("phase"), rs.getString("step"), rs.getInt("total"), rs.getInt("done"),
                                rs.getString("error"), rs.getString("reason"), rs.getTimestamp("started_at").toInstant(),
                                null))
                        .list()), jobs -> !jobs.isEmpty()).getFirst();
    }
}
