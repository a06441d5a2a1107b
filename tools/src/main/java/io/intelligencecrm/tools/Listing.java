package io.intelligencecrm.tools;

import io.intelligencecrm.core.paging.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The first rows of a list plus how many exist in all, so a capped answer can say "12 more".
 * Counting pages through the rest with the service's own filters, up to {@link #COUNT_LIMIT}.
 */
public record Listing<T>(List<T> rows, long total, boolean totalIsLowerBound) {
    public static final int COUNT_LIMIT = 1000;
    private static final int PAGE = 100;

    /** @param fetch loads a page given a cursor (null first) and a limit */
    public static <T> Listing<T> of(int cap, BiFunction<String, Integer, Page<T>> fetch) {
        Page<T> first = fetch.apply(null, cap);
        List<T> rows = new ArrayList<>(first.items());
        long total = rows.size();
        String cursor = first.nextCursor();
        while (cursor != null && total < COUNT_LIMIT) {
            Page<T> next = fetch.apply(cursor, PAGE);
            total += next.items().size();
            cursor = next.nextCursor();
        }
        return new Listing<>(rows, total, cursor != null);
    }

    public static <T> Listing<T> ofAll(int cap, List<T> all) {
        return new Listing<>(all.subList(0, Math.min(cap, all.size())), all.size(), false);
    }

    /** One line for the model: how many rows it sees and how many more exist. */
    public String note(String what) {
        if (total == 0) return "No " + what + " found.";
        if (total <= rows.size()) return "All " + total + " " + what + " shown.";
        return "Showing " + rows.size() + " of " + (totalIsLowerBound ? "more than " : "") + total + " " + what
                + "; " + (totalIsLowerBound ? "many" : String.valueOf(total - rows.size()))
                + " more exist. Narrow the search to see them.";
    }
}
