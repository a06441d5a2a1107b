package io.intelligencecrm.core.paging;

import java.util.List;

/**
 * One page of a list shown with page numbers: its rows, how many rows match in all, and which page
 * it is (from 1). For screens people page through by hand; APIs page with cursors ({@link Keyset}).
 */
public record NumberedPage<T>(List<T> items, long total, int page, int pageSize) {
    public static final int MAX_PAGE_SIZE = 100;

    public NumberedPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** The first row's position, from 1 (0 on an empty list). */
    public long from() {
        return items.isEmpty() ? 0 : (long) (page - 1) * pageSize + 1;
    }

    public long to() {
        return items.isEmpty() ? 0 : from() + items.size() - 1;
    }

    /** Offset of a page, with the page number checked (1 when below, as far as the data goes). */
    public static long offset(int page, int pageSize) {
        return (long) (Math.max(page, 1) - 1) * pageSize;
    }
}
