package io.intelligencecrm.web.page;

import io.intelligencecrm.core.paging.NumberedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The page numbers under a list: the first, the last and the two around the current one, with gaps
 * between ("1 … 4 5 6 … 12"), plus previous and next.
 *
 * @param links  numbered links; a null href is a gap
 * @param previous the previous page's address, or null on the first
 * @param next   the next page's address, or null on the last
 */
public record Pager(List<Link> links, String previous, String next) {

    public record Link(String label, String href, boolean current) {
        public boolean gap() {
            return href == null;
        }
    }

    /** The page number a request asks for: 1 when missing or not a number. */
    public static int requested(String page) {
        try {
            return page == null ? 1 : Math.max(1, Math.min(Integer.parseInt(page.strip()), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public static Pager of(NumberedPage<?> page, IntFunction<String> address) {
        int pages = page.pages();
        int current = Math.min(page.page(), pages);
        List<Link> links = new ArrayList<>();
        int last = 0;
        for (int number = 1; number <= pages; number++) {
            if (number == 1 || number == pages || Math.abs(number - current) <= 1) {
                if (last > 0 && number - last > 1) links.add(new Link("…", null, false));
                links.add(new Link(String.valueOf(number), address.apply(number), number == current));
                last = number;
            }
        }
        return new Pager(pages > 1 ? links : List.of(), current > 1 ? address.apply(current - 1) : null,
                current < pages ? address.apply(current + 1) : null);
    }
}
