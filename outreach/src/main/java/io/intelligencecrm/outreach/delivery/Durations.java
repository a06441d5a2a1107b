package io.intelligencecrm.outreach.delivery;

import java.time.Duration;

/** Durations as people read them in notes and notices. */
final class Durations {
    private Durations() {
    }

    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 86_400 && seconds % 86_400 == 0) return plural(seconds / 86_400, "day");
        if (seconds >= 3600 && seconds % 3600 == 0) return plural(seconds / 3600, "hour");
        if (seconds >= 60 && seconds % 60 == 0) return plural(seconds / 60, "minute");
        if (seconds >= 1) return plural(seconds, "second");
        return duration.toMillis() + " ms";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
