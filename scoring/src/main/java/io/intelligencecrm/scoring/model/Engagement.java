package io.intelligencecrm.scoring.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engagement measures of a lead and how a sales manager would read each of them. Counts are
 * taken before the lead's as-of time; they enter the model on a log scale, because the tenth email
 * says less than the first.
 */
public final class Engagement {
    public static final String DAYS_SINCE_LAST_TOUCH = "days_since_last_touch";
    public static final String NEVER_TOUCHED = "never_touched";
    /** Nobody waits longer than a year to count as "long ago". */
    public static final double LONGEST_SILENCE_DAYS = 365;

    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("touches_7d", "interactions in the last 7 days");
        DESCRIPTIONS.put("touches_30d", "interactions in the last 30 days");
        DESCRIPTIONS.put("touches_90d", "interactions in the last 90 days");
        DESCRIPTIONS.put("inbound_30d", "messages from them in the last 30 days");
        DESCRIPTIONS.put("inbound_90d", "messages from them in the last 90 days");
        DESCRIPTIONS.put("outbound_30d", "messages to them in the last 30 days");
        DESCRIPTIONS.put("calls_90d", "calls in the last 90 days");
        DESCRIPTIONS.put("emails_90d", "emails in the last 90 days");
        DESCRIPTIONS.put("notes_90d", "notes in the last 90 days");
        DESCRIPTIONS.put("chats_90d", "chats and texts in the last 90 days");
        DESCRIPTIONS.put("meetings_held", "meetings held");
        DESCRIPTIONS.put("open_deals", "open deals");
        DESCRIPTIONS.put(DAYS_SINCE_LAST_TOUCH, "days since the last interaction");
        DESCRIPTIONS.put(NEVER_TOUCHED, "no interaction yet");
    }

    public static final List<String> NAMES = List.copyOf(DESCRIPTIONS.keySet());

    private Engagement() {
    }

    public static String describe(String measure) {
        return DESCRIPTIONS.getOrDefault(measure, measure);
    }

    /** Back from the model's scale to the measure's own: a log-scale average becomes a typical count. */
    public static double original(String measure, double transformed) {
        return measure.equals(NEVER_TOUCHED) ? transformed : Math.expm1(transformed);
    }

    /** The lead's own value as shown beside the measure. */
    public static String show(String measure, double raw) {
        if (measure.equals(NEVER_TOUCHED)) return raw > 0 ? "yes" : "no";
        return raw == Math.rint(raw) ? String.valueOf((long) raw) : String.format(Locale.ROOT, "%.1f", raw);
    }

    /** What closed leads looked like on this measure: the average, won ones against lost ones. */
    public static String compare(String measure, double average, double wonAverage, double lostAverage) {
        if (measure.equals(NEVER_TOUCHED)) {
            return String.format(Locale.ROOT, "%.0f%% of won leads and %.0f%% of lost ones had no interaction before"
                    + " they closed, %.0f%% of all", wonAverage * 100, lostAverage * 100, average * 100);
        }
        return String.format(Locale.ROOT, "before they closed, won leads had about %s and lost ones about %s,"
                + " all closed leads about %s", typical(wonAverage), typical(lostAverage), typical(average));
    }

    private static String typical(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value);
    }

    /** The value the model sees: counts on a log scale, silence capped at a year. */
    public static double transformed(String measure, double raw) {
        if (measure.equals(NEVER_TOUCHED)) return raw;
        if (measure.equals(DAYS_SINCE_LAST_TOUCH)) return Math.log1p(Math.min(Math.max(raw, 0), LONGEST_SILENCE_DAYS));
        return Math.log1p(Math.max(raw, 0));
    }
}
