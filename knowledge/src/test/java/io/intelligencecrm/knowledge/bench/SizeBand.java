package io.intelligencecrm.knowledge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A range of tenant sizes, doubling from 1,000 vectors: fine enough that a slow range (tenants just
 * under the index threshold, say) shows as its own row instead of vanishing into a wide class.
 */
record SizeBand(long from, long to) {
    static final List<SizeBand> ALL = bands();

    private static List<SizeBand> bands() {
        List<SizeBand> bands = new ArrayList<>(List.of(new SizeBand(0, 500), new SizeBand(500, 1_000)));
        for (long from = 1_000; from < 1_000_000; from *= 2) bands.add(new SizeBand(from, from * 2));
        bands.add(new SizeBand(1_024_000, Long.MAX_VALUE));
        return List.copyOf(bands);
    }

    static SizeBand of(long vectors) {
        return ALL.stream().filter(band -> vectors >= band.from() && vectors < band.to()).findFirst().orElseThrow();
    }

    String label() {
        return to == Long.MAX_VALUE ? compact(from) + "+" : compact(from) + "-" + compact(to);
    }

    private static String compact(long vectors) {
        return vectors >= 1_000 ? String.format(Locale.ROOT, "%dk", vectors / 1_000) : Long.toString(vectors);
    }
}
