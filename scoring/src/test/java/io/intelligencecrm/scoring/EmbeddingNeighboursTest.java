package io.intelligencecrm.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.interaction.Direction;
import io.intelligencecrm.core.interaction.InteractionRepository;
import io.intelligencecrm.core.interaction.InteractionType;
import io.intelligencecrm.core.interaction.NewInteraction;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.scoring.similarity.EmbeddingNeighbours;
import io.intelligencecrm.scoring.similarity.Neighbour;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Similar closed leads from the knowledge module's interaction embeddings, as they were when each closed. */
class EmbeddingNeighboursTest {
    private static final String MODEL = "test-minilm";
    private static final Random RANDOM = new Random(5);

    private static Database database;
    private static TenantId tenant;
    private static EmbeddingNeighbours neighbours;
    private static final Set<UUID> won = new HashSet<>();
    private static final Set<UUID> lost = new HashSet<>();
    private static UUID lateConvert;

    @BeforeAll
    static void seed() {
        database = TestPostgres.get().openFreshDatabase(4);
        tenant = TestTenants.create(database, "embedding-neighbours").tenantId();
        LeadSeeds seeds = new LeadSeeds(database.tenants(), tenant);
        Instant now = Instant.now();
        for (int i = 0; i < 6; i++) {
            UUID w = seeds.lead("Won", "W" + i, "CTO", "referral", LifecycleStage.CUSTOMER, Map.of());
            embed(tenant, w, 0, now.minus(Duration.ofDays(3)));
            won.add(w);
            UUID l = seeds.lead("Lost", "L" + i, "Analyst", "website", LifecycleStage.LOST, Map.of());
            embed(tenant, l, 1, now.minus(Duration.ofDays(3)));
            lost.add(l);
        }
        // Lost, but an interaction logged after it was lost looks like the won ones: it must not count.
        lateConvert = seeds.lead("Late", "Talker", "Analyst", "website", LifecycleStage.LOST, Map.of());
        embed(tenant, lateConvert, 1, now.minus(Duration.ofDays(3)));
        embed(tenant, lateConvert, 0, now.plus(Duration.ofHours(1)));
        embed(tenant, lateConvert, 0, now.plus(Duration.ofHours(1)));
        lost.add(lateConvert);
        neighbours = new EmbeddingNeighbours(database.tenants(), Clock.offset(Clock.systemUTC(), Duration.ofHours(2)),
                MODEL);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void an_open_lead_talking_like_the_won_ones_has_won_neighbours_most_similar_first() {
        UUID open = new LeadSeeds(database.tenants(), tenant).lead("Open", "Lead", "CTO", "referral", LifecycleStage.LEAD,
                Map.of());
        embed(tenant, open, 0, Instant.now().minus(Duration.ofDays(1)));
        Set<UUID> closed = new HashSet<>(won);
        closed.addAll(lost);

        List<Neighbour> near = neighbours.nearest(tenant, open, closed, 6);

        assertEquals(6, near.size());
        assertTrue(near.stream().allMatch(n -> won.contains(n.contactId())), near.toString());
        for (int i = 1; i < near.size(); i++) assertTrue(near.get(i - 1).similarity() >= near.get(i).similarity());
        assertTrue(near.stream().noneMatch(n -> n.contactId().equals(lateConvert)));
    }

    @Test
    void a_closed_lead_is_compared_as_it_was_when_it_closed_and_is_never_its_own_neighbour() {
        Set<UUID> closed = new HashSet<>(won);
        closed.addAll(lost);

        List<Neighbour> near = neighbours.nearest(tenant, lateConvert, closed, 6);

        assertTrue(near.stream().noneMatch(n -> n.contactId().equals(lateConvert)));
        assertTrue(near.stream().allMatch(n -> lost.contains(n.contactId())), near.toString());
    }

    @Test
    void another_tenants_leads_are_never_neighbours() {
        TenantId other = TestTenants.create(database, "embedding-other").tenantId();
        UUID twin = new LeadSeeds(database.tenants(), other).lead("Twin", "Won", "CTO", "referral",
                LifecycleStage.CUSTOMER, Map.of());
        embed(other, twin, 0, Instant.now().minus(Duration.ofDays(2)));
        Set<UUID> candidates = new HashSet<>(won);
        candidates.add(twin);

        List<Neighbour> near = neighbours.nearest(tenant, won.iterator().next(), candidates, 50);

        assertFalse(near.isEmpty());
        assertTrue(near.stream().noneMatch(n -> n.contactId().equals(twin)));
        assertTrue(neighbours.nearest(other, twin, won, 50).isEmpty());
    }

    /** One interaction with a 384-dimension vector near the given axis. */
    private static void embed(TenantId owner, UUID contact, int axis, Instant at) {
        UUID interaction = new InteractionRepository(database.tenants()).create(owner, new NewInteraction(contact, null,
                InteractionType.NOTE, Direction.INTERNAL, null, "talk", at, null)).id();
        StringJoiner vector = new StringJoiner(",", "[", "]");
        for (int d = 0; d < 384; d++) vector.add(String.valueOf((d == axis ? 1.0 : 0) + RANDOM.nextGaussian() * 0.05));
        database.tenants().useTenant(owner, handle -> handle.createUpdate("""
                        insert into embeddings (tenant_id, embedding_id, embedding, text, source_type, source_id, contact_id,
                                                model, dimension)
                        values (crm_current_tenant(), gen_random_uuid(), cast(:vector as vector), 'talk', 'interaction',
                                :interaction, :contact, :model, 384)""")
                .bind("vector", vector.toString()).bind("interaction", interaction).bind("contact", contact)
                .bind("model", MODEL).execute());
    }
}
