package io.intelligencecrm.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.ChangeSubscriber;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.scoring.model.Factor;
import io.intelligencecrm.scoring.similarity.Neighbour;
import io.intelligencecrm.scoring.similarity.TextSimilarityNeighbours;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScoringServiceTest {
    private static final Instant NOW = Instant.now();
    private static final Clock CLOCK = Clock.systemUTC();

    private static Database database;
    private static ScoringService scoring;
    private static TextSimilarityNeighbours neighbours;
    /** A tenant whose closed leads won by their custom "tier" and "seats", and nothing else. */
    private static TenantId learned;
    private static Actor manager;
    private static Set<UUID> learnedClosed = new HashSet<>();
    private static UUID gold;
    private static UUID bronze;

    @BeforeAll
    static void seed() {
        database = TestPostgres.get().openFreshDatabase(4);
        ChangeSubscriber scoredWatcher = new ChangeSubscriber() {
            public String outboxKind() {
                return "scored-test";
            }

            public boolean coalescePerRecord() {
                return false;
            }

            public boolean wants(RecordChange change) {
                return change.action().equals("scored");
            }
        };
        neighbours = new TextSimilarityNeighbours(database.tenants(), CLOCK);
        scoring = new ScoringService(database.tenants(), new TenantDirectory(database.jdbi()),
                new ChangeFeed(new Outbox(database.tenants()), List.of(scoredWatcher)), neighbours,
                new TemplatedRationale(), CLOCK);
        learned = TestTenants.create(database, "scoring-learned").tenantId();
        User boss = new UserRepository(database.tenants()).create(learned, "boss@learned.example", "Boss", Role.MANAGER,
                "UTC", null);
        manager = Actor.user(learned, boss.id(), Role.MANAGER);
        LeadSeeds seeds = new LeadSeeds(database.tenants(), learned);
        Random random = new Random(3);
        for (int i = 0; i < 160; i++) {
            boolean isGold = i % 2 == 0;
            int seats = 5 + random.nextInt(200);
            boolean won = random.nextDouble() < (isGold ? 0.8 : 0.15) + (seats > 150 ? 0.1 : 0);
            UUID id = seeds.lead("Closed", "Lead" + i, "Analyst", "website", won ? LifecycleStage.CUSTOMER : LifecycleStage.LOST,
                    Map.of("tier", isGold ? "gold" : "bronze", "seats", seats));
            seeds.note(id, "Intro call about the " + (isGold ? "gold" : "bronze") + " programme", NOW, 10 + random.nextInt(30));
            learnedClosed.add(id);
        }
        gold = seeds.lead("Gina", "Gold", "Analyst", "website", LifecycleStage.LEAD, Map.of("tier", "gold", "seats", 100));
        bronze = seeds.lead("Bruno", "Bronze", "Analyst", "website", LifecycleStage.LEAD, Map.of("tier", "bronze", "seats", 100));
        seeds.note(gold, "Intro call about the gold programme", NOW, 20);
        seeds.note(bronze, "Intro call about the bronze programme", NOW, 20);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void with_few_closed_leads_the_prior_scores_and_says_confidence_is_low() {
        TenantId tenant = TestTenants.create(database, "scoring-cold").tenantId();
        LeadSeeds seeds = new LeadSeeds(database.tenants(), tenant);
        for (int i = 0; i < 4; i++) {
            seeds.lead("Won", "W" + i, "CTO", "referral", LifecycleStage.CUSTOMER, Map.of());
            seeds.lead("Lost", "L" + i, "Intern", "website", LifecycleStage.LOST, Map.of());
        }
        UUID ceo = seeds.lead("Cora", "Chief", "CEO", "referral", LifecycleStage.LEAD, Map.of());
        seeds.inbound(ceo, "Can we see a demo?", NOW.minusSeconds(3_600));
        UUID intern = seeds.lead("Ian", "Intern", "Intern", "website", LifecycleStage.LEAD, Map.of());

        TrainingReport report = scoring.trainTenant(tenant);
        ScoredLead strong = scoring.scoreContact(tenant, ceo);
        ScoredLead weak = scoring.scoreContact(tenant, intern);

        assertEquals("prior", report.method());
        assertTrue(report.note().contains("30"), report.note());
        assertEquals("prior-1", strong.explanation().modelVersion());
        assertEquals("low", strong.explanation().confidence());
        assertTrue(strong.score() > weak.score() + 20, strong.score() + " vs " + weak.score());
        assertTrue(strong.explanation().factors().stream().anyMatch(f -> f.label().equals("seniority: executive")));
        assertTrue(strong.explanation().rationale().contains("starting rules"), strong.explanation().rationale());
    }

    @Test
    void learns_which_custom_attribute_values_win_from_closed_leads() {
        TrainingReport report = scoring.trainTenant(learned);
        ScoredLead goldScore = scoring.score(manager, gold);
        ScoredLead bronzeScore = scoring.score(manager, bronze);

        assertEquals("logistic", report.method());
        assertTrue(report.backtest().auc() > 0.65, "backtest AUC " + report.backtest().auc());
        assertTrue(goldScore.score() > bronzeScore.score() + 30, goldScore.score() + " vs " + bronzeScore.score());
        List<String> strongest = goldScore.explanation().factors().stream().limit(2).map(Factor::label).toList();
        assertTrue(strongest.contains("tier: gold"), strongest.toString());
        Factor tier = goldScore.explanation().factors().stream().filter(f -> f.label().equals("tier: gold")).findFirst()
                .orElseThrow();
        assertTrue(tier.contribution() > 0 && tier.effect().contains("raises"), tier.toString());
        assertTrue(bronzeScore.explanation().factors().stream()
                .anyMatch(f -> f.label().equals("tier: bronze") && f.contribution() < 0));
    }

    @Test
    void every_stored_score_carries_its_factors_neighbours_model_version_and_backtest() {
        scoring.trainTenant(learned);
        ScoredLead scored = scoring.score(manager, gold);

        Map<String, Object> stored = database.tenants().inTenant(learned, handle -> handle.createQuery("""
                        select model_version, metadata from lead_scores where contact_id = :id
                         order by calculated_at desc limit 1""")
                .bind("id", gold).mapToMap().one());
        String metadata = stored.get("metadata").toString();
        assertEquals(scored.explanation().modelVersion(), stored.get("model_version"));
        assertTrue(scored.explanation().modelVersion().startsWith("logistic-"));
        for (String key : List.of("\"factors\"", "\"contribution\"", "\"effect\"", "\"neighbours\"", "\"similarity\"",
                "\"outcome\"", "\"modelVersion\"", "\"auc\"", "\"brier\"", "\"rationale\"")) {
            assertTrue(metadata.contains(key), key + " missing from " + metadata);
        }
        List<SimilarLead> near = scored.explanation().neighbours();
        assertFalse(near.isEmpty());
        assertTrue(near.stream().allMatch(n -> learnedClosed.contains(n.contactId())));
        assertTrue(near.stream().allMatch(n -> n.similarity() > 0 && n.similarity() <= 1));
        assertTrue(near.stream().allMatch(n -> Set.of("won", "lost").contains(n.outcome())));
        assertNotNull(scored.explanation().quality().auc());
        String rationale = scored.explanation().rationale();
        assertTrue(rationale.startsWith("Gina Gold scores " + Math.round(scored.score()) + " out of 100"), rationale);
        assertTrue(rationale.contains("tier: gold"), rationale);
    }

    @Test
    void a_changed_score_is_kept_in_history_and_announced_with_old_and_new_values() {
        scoring.trainTenant(learned);
        UUID lead = new LeadSeeds(database.tenants(), learned).lead("Hana", "History", "Analyst", "website",
                LifecycleStage.LEAD, Map.of("tier", "gold", "seats", 20));
        double first = scoring.score(manager, lead).score();
        new LeadSeeds(database.tenants(), learned).inbound(lead, "We would like a gold programme quote", NOW.minusSeconds(60));
        double second = scoring.score(manager, lead).score();

        long rows = database.tenants().inTenant(learned, handle -> handle.createQuery(
                "select count(*) from lead_scores where contact_id = :id").bind("id", lead).mapTo(Long.class).one());
        String announced = database.tenants().inTenant(learned, handle -> handle.createQuery("""
                        select payload::text from outbox where kind = 'scored-test' and payload ->> 'entityId' = :id
                         order by id desc limit 1""").bind("id", lead.toString()).mapTo(String.class).one());
        assertTrue(second != first, "an inbound email should move the score");
        assertEquals(2, rows);
        assertTrue(announced.contains("\"action\": \"scored\"") || announced.contains("\"action\":\"scored\""), announced);
        assertTrue(announced.contains(String.valueOf(second)), announced);
    }

    @Test
    void models_and_neighbours_never_cross_tenants() {
        TenantId other = TestTenants.create(database, "scoring-other").tenantId();
        LeadSeeds seeds = new LeadSeeds(database.tenants(), other);
        Set<UUID> otherClosed = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            UUID id = seeds.lead("Twin", "T" + i, "Analyst", "website", LifecycleStage.CUSTOMER,
                    Map.of("tier", "gold", "seats", 100));
            seeds.note(id, "Intro call about the gold programme", NOW, 5);
            otherClosed.add(id);
        }
        UUID otherLead = seeds.lead("Olga", "Other", "Analyst", "website", LifecycleStage.LEAD, Map.of("tier", "gold"));
        scoring.trainTenant(learned);

        Set<UUID> both = new HashSet<>(learnedClosed);
        both.addAll(otherClosed);
        List<Neighbour> near = neighbours.nearest(learned, gold, both, 50);
        ScoredLead otherScore = scoring.scoreContact(other, otherLead);

        assertFalse(near.isEmpty());
        assertTrue(near.stream().noneMatch(n -> otherClosed.contains(n.contactId())), "another tenant's lead was a neighbour");
        assertTrue(neighbours.nearest(other, otherLead, learnedClosed, 50).isEmpty());
        assertEquals("prior-1", otherScore.explanation().modelVersion(), "the other tenant must not use this model");
        assertEquals("prior", scoring.currentModel(Actor.user(other, null, Role.ADMIN)).method());
    }
}
