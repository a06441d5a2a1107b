package io.intelligencecrm.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.contact.StageHistory;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.scoring.similarity.TextSimilarityNeighbours;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Features of a closed lead are measured as of the moment before it closed. The generated history
 * is built so that looking at closed leads as of today would reverse every engagement sign: before
 * closing, leads that wrote back, met and had a deal going were won far more often; after closing,
 * won customers went quiet (another team took over) while lost ones kept receiving and answering
 * win-back mail. A model that learned from today's view would rank an engaged open lead below a
 * silent one.
 */
class PointInTimeTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Database database;
    private static TenantId tenant;
    private static ScoringService scoring;
    private static UUID engaged;
    private static UUID silent;
    private static UUID brandNew;

    @BeforeAll
    static void seed() {
        database = TestPostgres.get().openFreshDatabase(4);
        tenant = TestTenants.create(database, "point-in-time").tenantId();
        scoring = new ScoringService(database.tenants(), new TenantDirectory(database.jdbi()),
                new ChangeFeed(new Outbox(database.tenants()), List.of()),
                new TextSimilarityNeighbours(database.tenants(), CLOCK), new TemplatedRationale(), CLOCK);
        Random random = new Random(19);
        database.tenants().useTenant(tenant, handle -> {
            List<StageHistory.Entry> history = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                double interest = random.nextGaussian();
                Instant closed = NOW.minus(Duration.ofDays(60 + random.nextInt(300)));
                Instant created = closed.minus(Duration.ofDays(50));
                int replies = SyntheticLeads.poisson(random, 1.5 * Math.exp(interest));
                int meetings = SyntheticLeads.poisson(random, 0.5 * Math.exp(interest));
                boolean dealGoing = random.nextDouble() < 0.3 + 0.4 * (interest > 0 ? 1 : 0);
                double logit = -0.4 + 0.9 * Math.log1p(replies) + 0.8 * Math.log1p(meetings) + (dealGoing ? 0.8 : 0);
                boolean won = random.nextDouble() < 1 / (1 + Math.exp(-logit));
                UUID id = contact(handle, "Closed" + i, won ? "customer" : "lost", created, closed);
                history.add(new StageHistory.Entry(id, LifecycleStage.LEAD, created));
                history.add(new StageHistory.Entry(id, won ? LifecycleStage.CUSTOMER : LifecycleStage.LOST, closed));
                interaction(handle, id, "note", "internal", "First call", created.plus(Duration.ofDays(1)));
                for (int k = 0; k < replies; k++) {
                    interaction(handle, id, "email", "inbound", "Sounds good, tell me more",
                            closed.minus(Duration.ofHours(2 + random.nextInt(24 * 25))));
                }
                for (int k = 0; k < meetings; k++) {
                    interaction(handle, id, "meeting", "outbound", "Demo meeting",
                            closed.minus(Duration.ofHours(2 + random.nextInt(24 * 40))));
                }
                if (dealGoing) deal(handle, id, created.plus(Duration.ofDays(10)), won ? "won" : "lost", closed);
                if (!won) {
                    // After losing them: win-back campaigns, answered; recent as of today.
                    for (int k = 0; k < 4; k++) {
                        interaction(handle, id, "email", "outbound", "We miss you", NOW.minus(Duration.ofDays(1 + random.nextInt(25))));
                        interaction(handle, id, "email", "inbound", "Maybe next year", NOW.minus(Duration.ofDays(1 + random.nextInt(25))));
                    }
                    interaction(handle, id, "meeting", "outbound", "Win-back call", NOW.minus(Duration.ofDays(1 + random.nextInt(25))));
                }
            }
            StageHistory.replace(handle, history);
            engaged = contact(handle, "Engaged", "qualified", NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(20)));
            silent = contact(handle, "Silent", "lead", NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(20)));
            for (UUID lead : List.of(engaged, silent)) {
                interaction(handle, lead, "note", "internal", "First call", NOW.minus(Duration.ofDays(19)));
            }
            for (int k = 0; k < 3; k++) {
                interaction(handle, engaged, "email", "inbound", "Sounds good, tell me more", NOW.minus(Duration.ofDays(2 + 3 * k)));
            }
            interaction(handle, engaged, "meeting", "outbound", "Demo meeting", NOW.minus(Duration.ofDays(4)));
            deal(handle, engaged, NOW.minus(Duration.ofDays(10)), "proposal", null);
            brandNew = contact(handle, "Newcomer", "lead", NOW.minus(Duration.ofMinutes(5)), NOW.minus(Duration.ofMinutes(5)));
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void the_data_would_reverse_the_engagement_signs_if_closed_leads_were_read_as_of_today() {
        Map<String, Object> today = database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                        select avg(recent) filter (where c.lifecycle_stage = 'customer') as won,
                               avg(recent) filter (where c.lifecycle_stage = 'lost') as lost
                          from contacts c
                          join lateral (select count(*) as recent from interactions i where i.contact_id = c.id
                                          and i.occurred_at > cast(:now as timestamptz) - interval '30 days') r on true""")
                .bind("now", NOW).mapToMap().one());
        assertTrue(((Number) today.get("lost")).doubleValue() > ((Number) today.get("won")).doubleValue() + 3, today.toString());
    }

    @Test
    void learns_from_each_closed_lead_as_it_was_before_closing_so_engagement_raises_scores() {
        TrainingReport report = scoring.trainTenant(tenant);
        double engagedScore = scoring.scoreContact(tenant, engaged).score();
        double silentScore = scoring.scoreContact(tenant, silent).score();
        ScoredLead fresh = scoring.scoreContact(tenant, brandNew);

        assertEquals("logistic", report.method());
        for (String measure : List.of("inbound_30d", "inbound_90d", "meetings_held", "open_deals", "touches_30d")) {
            report.features().stream().filter(f -> f.feature().equals(measure)).findFirst()
                    .ifPresent(f -> assertTrue(f.weight() > 0, measure + " must raise scores: " + f));
        }
        assertTrue(report.features().stream().anyMatch(f -> f.feature().equals("inbound_30d") || f.feature().equals("inbound_90d")),
                report.features().toString());
        assertTrue(report.features().stream().anyMatch(f -> f.feature().equals("open_deals")), report.features().toString());
        assertTrue(engagedScore > silentScore + 25, engagedScore + " vs " + silentScore);
        assertTrue(fresh.score() < engagedScore - 25, "a brand-new empty contact scored " + fresh.score());
        assertTrue(fresh.explanation().factors().stream().noneMatch(f -> f.contribution() > 0.5
                && f.group().equals("engagement")), "no engagement cannot be a strong reason to buy: " + fresh.explanation());
    }

    private static UUID contact(Handle handle, String name, String stage, Instant created, Instant updated) {
        return handle.createQuery("""
                        insert into contacts (tenant_id, first_name, last_name, email, lifecycle_stage, source, created_at, updated_at)
                        values (crm_current_tenant(), :name, 'Lead', lower(:name) || '@leads.example', :stage, 'website',
                                :created, :updated) returning id""")
                .bind("name", name).bind("stage", stage).bind("created", created).bind("updated", updated)
                .mapTo(UUID.class).one();
    }

    private static void interaction(Handle handle, UUID contact, String type, String direction, String content, Instant at) {
        handle.createUpdate("""
                        insert into interactions (tenant_id, contact_id, type, direction, content, occurred_at)
                        values (crm_current_tenant(), :contact, :type, :direction, :content, :at)""")
                .bind("contact", contact).bind("type", type).bind("direction", direction).bind("content", content)
                .bind("at", at).execute();
    }

    private static void deal(Handle handle, UUID contact, Instant created, String stage, Instant closed) {
        handle.createUpdate("""
                        insert into deals (tenant_id, name, contact_id, stage, closed_at, created_at)
                        values (crm_current_tenant(), 'Deal', :contact, :stage, :closed, :created)""")
                .bind("contact", contact).bind("stage", stage).bind("closed", closed).bind("created", created).execute();
    }
}
