package io.intelligencecrm.scoring;

import java.util.UUID;

/** A lead whose score fell over a period, with the factor holding it back most now. */
public record ScoreDrop(UUID contactId, String name, double before, double now, String mainReason) {

    public double change() {
        return Math.round((now - before) * 100) / 100.0;
    }
}
