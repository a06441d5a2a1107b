package io.intelligencecrm.scoring.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the model may know about a lead: its fields, its custom attributes, and its engagement
 * counted up to {@code asOf} — now for open leads, the moment of the outcome for closed ones, so
 * nothing that happened after a lead was won or lost teaches the model.
 *
 * @param stage      the lifecycle stage: leads and qualified contacts are scored, whatever their deals say
 * @param engagement named counts, see {@link Engagement#NAMES}
 */
public record LeadFacts(UUID contactId, String name, UUID ownerId, String stage, String source, String title, String company,
                        String email, String country, Map<String, Object> custom, Instant asOf, Outcome outcome,
                        Map<String, Double> engagement) {

    public LeadFacts {
        custom = custom == null ? Map.of() : custom;
        engagement = engagement == null ? Map.of() : engagement;
    }

    /** Scores are for people still being sold to: stage lead or qualified. */
    public boolean scorable() {
        return "lead".equals(stage) || "qualified".equals(stage);
    }

    /**
     * A hash of what the lead is (name, email, fields, attributes, engagement, outcome), never of its
     * random id, owner or as-of time: the same data trained twice (another tenant, another import
     * order) puts each lead in the same backtest fold and the same place among the training rows.
     */
    public long fingerprint() {
        String content = String.join("\u001f", name, stage, source, title, company, email, country,
                String.valueOf(new TreeMap<>(custom)), String.valueOf(new TreeMap<>(engagement)), String.valueOf(outcome));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public double engagement(String measure) {
        Double value = engagement.get(measure);
        return value == null ? 0 : value;
    }
}
