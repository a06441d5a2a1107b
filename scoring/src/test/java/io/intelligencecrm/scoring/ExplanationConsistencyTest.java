package io.intelligencecrm.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.scoring.model.Factor;
import io.intelligencecrm.scoring.model.FactorEvidence;
import io.intelligencecrm.scoring.similarity.TextSimilarityNeighbours;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an explanation shows is true: over every lead of a tenant, no factor pushes a score against
 * the statistic printed beside it, a strong score is never explained as average, and columns missing
 * for the same leads are explained once.
 */
class ExplanationConsistencyTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Database database;

    @BeforeAll
    static void open() {
        database = TestPostgres.get().openFreshDatabase(4);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void no_factor_of_any_lead_of_a_generated_tenant_contradicts_the_statistic_beside_it() {
        TenantId tenant = TestTenants.create(database, "consistent-engaged").tenantId();
        new SyntheticLeads(5, NOW).generate(database.tenants(), tenant, 300, 900);
        ScoringService scoring = new ScoringService(database.tenants(), new TenantDirectory(database.jdbi()),
                new ChangeFeed(new Outbox(database.tenants()), List.of()),
                new TextSimilarityNeighbours(database.tenants(), CLOCK), new TemplatedRationale(), CLOCK);
        scoring.trainTenant(tenant);

        List<ScoredLead> every = scoring.explainAll(tenant, LeadFactsReader.Which.ALL);

        assertEquals(1_200, every.size());
        assertTrue(checkedFactors(every) > 2_000);
    }

    @Test
    void no_factor_contradicts_its_statistic_on_imported_web_leads_whose_columns_move_together() {
        WideLeads.Loaded loaded = WideLeads.load(database, CLOCK, "consistent-web", 2_400, 0.7,
                WideLeads.OWN_ATTRIBUTES, 11);
        ScoringService scoring = loaded.scoring().scoring();
        TrainingReport report = scoring.trainTenant(loaded.tenant());

        List<ScoredLead> every = scoring.explainAll(loaded.tenant(), LeadFactsReader.Which.ALL);

        assertEquals(2_400, every.size());
        assertTrue(checkedFactors(every) > 5_000);
        for (ScoredLead lead : every) {
            List<String> missingLabels = lead.explanation().factors().stream().map(Factor::label)
                    .filter(label -> label.endsWith(": not given")).toList();
            assertFalse(missingLabels.stream().anyMatch(label -> label.contains("TotalVisits")
                    != label.contains("Page Views Per Visit")), "web visits missing together are explained once: " + missingLabels);
        }
        assertTrue(every.stream().flatMap(lead -> lead.explanation().factors().stream())
                .anyMatch(f -> f.label().equals("Page Views Per Visit and TotalVisits: not given")));
        assertTrue(report.dropped().stream().anyMatch(d -> d.label().equals("TotalVisits (when not given)")
                && d.reason().contains("Page Views Per Visit")), report.dropped().toString());
        assertTrue(report.dropped().stream().anyMatch(d -> d.label().equals("Prospect ID")), report.dropped().toString());
        assertTrue(report.features().stream().anyMatch(f -> f.label().equals("Lead Origin")), report.features().toString());
        int selects = database.tenants().inTenant(loaded.tenant(), handle -> handle.createQuery(
                "select count(*) from contacts where custom ->> 'specialization' = 'Select'").mapTo(Integer.class).one());
        assertEquals(0, selects, "cells declared missing on the import are left empty");
        loaded.scoring().close();
    }

    /** Asserts every factor agrees with its statistic and strong scores are explained; returns how many were checked. */
    private static int checkedFactors(List<ScoredLead> leads) {
        int checked = 0;
        List<String> contradictions = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        for (ScoredLead lead : leads) {
            ScoreExplanation explanation = lead.explanation();
            for (Factor factor : explanation.factors()) {
                FactorEvidence evidence = factor.evidence();
                kinds.add(evidence.kind());
                checked++;
                if ((int) Math.signum(factor.contribution()) != evidence.direction()) {
                    contradictions.add(lead.name() + ": " + factor);
                }
            }
            double distance = Math.abs(logit(explanation.probability()) - logit(explanation.baseline()));
            if (distance >= 1) {
                assertFalse(explanation.rationale().contains("Nothing sets this lead apart"), explanation.rationale());
            }
        }
        assertTrue(contradictions.isEmpty(), contradictions.size() + " contradictions, e.g. "
                + contradictions.subList(0, Math.min(5, contradictions.size())));
        assertTrue(kinds.containsAll(Set.of("rate", "similar")), kinds.toString());
        return checked;
    }

    private static double logit(double p) {
        double clipped = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
        return Math.log(clipped / (1 - clipped));
    }
}
