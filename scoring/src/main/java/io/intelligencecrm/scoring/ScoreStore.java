package io.intelligencecrm.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Appends scores to the history in the caller's tenant transaction (a trigger keeps the latest on
 * the contact). A score equal to the previous one from the same model adds no row, so the history
 * shows changes rather than every nightly run.
 */
final class ScoreStore {
    private ScoreStore() {
    }

    private record Previous(BigDecimal score, String modelVersion) {
    }

    /** @return a "scored" change for every contact whose score moved, for the change feed */
    static List<RecordChange> store(Handle handle, List<ScoredLead> scores) {
        if (scores.isEmpty()) return List.of();
        Map<UUID, Previous> previous = new HashMap<>();
        handle.createQuery("""
                        select distinct on (contact_id) contact_id, score, model_version
                          from lead_scores where contact_id = any(:ids)
                         order by contact_id, calculated_at desc""")
                .bind("ids", scores.stream().map(ScoredLead::contactId).toArray(UUID[]::new))
                .map((rs, ctx) -> Map.entry(rs.getObject("contact_id", UUID.class),
                        new Previous(rs.getBigDecimal("score"), rs.getString("model_version"))))
                .forEach(entry -> previous.put(entry.getKey(), entry.getValue()));
        List<UUID> contacts = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> metadata = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        List<RecordChange> changes = new ArrayList<>();
        for (ScoredLead lead : scores) {
            BigDecimal score = BigDecimal.valueOf(lead.score()).setScale(2, RoundingMode.HALF_UP);
            Previous before = previous.get(lead.contactId());
            String version = lead.explanation().modelVersion();
            boolean sameScore = before != null && before.score().compareTo(score) == 0;
            if (sameScore && version.equals(before.modelVersion())) continue;
            contacts.add(lead.contactId());
            values.add(score.toPlainString());
            metadata.add(json(lead.explanation()));
            versions.add(version);
            times.add(lead.calculatedAt());
            if (!sameScore) {
                List<Object> movement = new ArrayList<>();
                movement.add(before == null ? null : before.score().doubleValue());
                movement.add(score.doubleValue());
                changes.add(new RecordChange("contact", lead.contactId(), "scored", Map.of("score", movement), null));
            }
        }
        if (contacts.isEmpty()) return changes;
        // One statement for the whole chunk: a round trip per score would dominate "rescore all".
        handle.createUpdate("""
                        insert into lead_scores (tenant_id, contact_id, score, metadata, model_version, calculated_at)
                        select crm_current_tenant(), contact, cast(score as numeric), cast(metadata as jsonb), version,
                               cast(calculated as timestamptz)
                          from unnest(:contacts, :scores, :metadata, :versions, :times)
                               as scored(contact, score, metadata, version, calculated)""")
                .bind("contacts", contacts.toArray(UUID[]::new))
                .bind("scores", values.toArray(String[]::new))
                .bind("metadata", metadata.toArray(String[]::new))
                .bind("versions", versions.toArray(String[]::new))
                .bind("times", times.stream().map(Instant::toString).toArray(String[]::new))
                .execute();
        return changes;
    }

    private static String json(ScoreExplanation explanation) {
        try {
            return Json.mapper().writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
