package io.intelligencecrm.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PeriodTest {
    // Tuesday 24 November 2026, 23:30 UTC: already Wednesday in Tokyo.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T23:30:00Z"), ZoneOffset.UTC);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Period parse(String text) {
        return Period.parse(text, LONDON, CLOCK);
    }

    private static void assertSpan(String text, String from, String toExclusive) {
        Period period = parse(text);
        assertEquals(LocalDate.parse(from), period.from(), text + " from");
        assertEquals(LocalDate.parse(toExclusive), period.toExclusive(), text + " to");
    }

    @Test
    void resolves_named_days_weeks_months_quarters_and_years() {
        assertSpan("today", "2026-11-24", "2026-11-25");
        assertSpan("Yesterday", "2026-11-23", "2026-11-24");
        assertSpan("this week", "2026-11-23", "2026-11-30");
        assertSpan("last  week", "2026-11-16", "2026-11-23");
        assertSpan("this month", "2026-11-01", "2026-12-01");
        assertSpan("last month", "2026-10-01", "2026-11-01");
        assertSpan("next month", "2026-12-01", "2027-01-01");
        assertSpan("this quarter", "2026-10-01", "2027-01-01");
        assertSpan("last quarter", "2026-07-01", "2026-10-01");
        assertSpan("this year", "2026-01-01", "2027-01-01");
        assertSpan("tomorrow", "2026-11-25", "2026-11-26");
        assertSpan("next week", "2026-11-30", "2026-12-07");
        assertSpan("next quarter", "2027-01-01", "2027-04-01");
        assertSpan("last year", "2025-01-01", "2026-01-01");
    }

    @Test
    void resolves_last_and_next_counts_of_days_and_weeks() {
        assertSpan("last 7 days", "2026-11-18", "2026-11-25");
        assertSpan("last 1 day", "2026-11-24", "2026-11-25");
        assertSpan("last 2 weeks", "2026-11-11", "2026-11-25");
        assertSpan("next 30 days", "2026-11-24", "2026-12-24");
        assertSpan("last 3 months", "2026-08-25", "2026-11-25");
        assertSpan("next 2 months", "2026-11-24", "2027-01-24");
    }

    @Test
    void reads_iso_dates_and_ranges_with_inclusive_end() {
        assertSpan("2026-01-01..2026-01-31", "2026-01-01", "2026-02-01");
        assertSpan("2026-03-05", "2026-03-05", "2026-03-06");
        assertEquals(31, parse("2026-01-01..2026-01-31").days());
    }

    @Test
    void uses_the_users_zone_for_today() {
        Period tokyo = Period.parse("today", ZoneId.of("Asia/Tokyo"), CLOCK);
        assertEquals(LocalDate.parse("2026-11-25"), tokyo.from());
        assertEquals(Instant.parse("2026-11-24T15:00:00Z"), tokyo.start(ZoneId.of("Asia/Tokyo")));
    }

    @Test
    void last_quarter_in_the_first_quarter_reaches_into_last_year() {
        Clock january = Clock.fixed(Instant.parse("2026-02-10T12:00:00Z"), ZoneOffset.UTC);
        Period period = Period.parse("last quarter", ZoneOffset.UTC, january);
        assertEquals(LocalDate.parse("2025-10-01"), period.from());
        assertEquals(LocalDate.parse("2026-01-01"), period.toExclusive());
    }

    @Test
    void refuses_unknown_phrases_listing_the_accepted_forms() {
        for (String text : new String[] {"soonish", "", "last 0 days", "2026-02-30", "2026-02-10..2026-01-01",
                "last fortnight"}) {
            CrmException error = assertThrows(CrmException.class, () -> parse(text), text);
            assertTrue(error.fieldErrors().containsKey("period"), text);
        }
        CrmException error = assertThrows(CrmException.class, () -> parse("whenever"));
        assertTrue(error.getMessage().contains("last/next N days") && error.getMessage().contains("2026-01-01..2026-01-31"),
                error.getMessage());
    }
}
