package io.intelligencecrm.agent.offline.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Typed values read from the words as reps type them; today is Tuesday 2026-11-24. */
class TextScanTest {
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    private static TextScan scan(String text) {
        return TextScan.of(text, TUESDAY, ZoneOffset.UTC);
    }

    static Stream<Arguments> money_in_every_common_form() {
        return Stream.of(Arguments.of("$5k", "5000", "USD"), Arguments.of("5,000 EUR", "5000", "EUR"),
                Arguments.of("€12.5k", "12500", "EUR"), Arguments.of("1.2m usd", "1200000", "USD"),
                Arguments.of("20 grand", "20000", null), Arguments.of("usd 5000", "5000", "USD"),
                Arguments.of("£30k", "30000", "GBP"), Arguments.of("60,000", "60000", null),
                Arguments.of("5.000 EUR", "5000", "EUR"), Arguments.of("300€", "300", "EUR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void money_in_every_common_form(String text, String amount, String currency) {
        Money money = scan("a deal for " + text).firstValue(Span.Kind.AMOUNT, Money.class).orElseThrow();
        assertEquals(amount, money.plain());
        assertEquals(currency, money.currency());
    }

    @Test
    void short_numbers_without_a_unit_are_no_money() {
        assertTrue(scan("in 2 weeks, top 5 leads, 3pm").of(Span.Kind.AMOUNT).isEmpty());
    }

    static Stream<Arguments> bounds() {
        return Stream.of(Arguments.of("deals over 100k", "100000", null, true), Arguments.of("under $5k", null, "5000", true),
                Arguments.of("between 10k and 50k", "10000", "50000", true), Arguments.of("50k+", "50000", null, true),
                Arguments.of("at least 20k", "20000", null, true), Arguments.of("score above 90", "90", null, false),
                Arguments.of("scoring under 20", null, "20", false), Arguments.of("80+ score", "80", null, false),
                Arguments.of("10-50k deals", "10000", "50000", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bounds(String text, String min, String max, boolean money) {
        Comparison bounds = scan(text).firstValue(Span.Kind.COMPARISON, Comparison.class).orElseThrow();
        assertBound(min, bounds.min(), text);
        assertBound(max, bounds.max(), text);
        assertEquals(money, bounds.money());
    }

    private static void assertBound(String expected, BigDecimal actual, String text) {
        if (expected == null) assertNull(actual, text);
        else assertEquals(0, new BigDecimal(expected).compareTo(actual), text + ": " + actual);
    }

    static Stream<Arguments> days_and_times() {
        return Stream.of(Arguments.of("tmrw 3pm", "2026-11-25T15:00"), Arguments.of("next Tuesday", "2026-12-01"),
                Arguments.of("on friday", "2026-11-27"), Arguments.of("end of month", "2026-11-30"),
                Arguments.of("eom", "2026-11-30"), Arguments.of("in 3 weeks", "2026-12-15"),
                Arguments.of("last Thursday", "2026-11-19"), Arguments.of("Thursday 3pm", "2026-11-26T15:00"),
                Arguments.of("the day after tomorrow", "2026-11-26"), Arguments.of("Dec 3", "2026-12-03"),
                Arguments.of("3rd of December", "2026-12-03"), Arguments.of("the 15th", "2026-12-15"),
                Arguments.of("2027-01-15", "2027-01-15"), Arguments.of("end of next month", "2026-12-31"),
                Arguments.of("end of quarter", "2026-12-31"), Arguments.of("next week", "2026-11-30"),
                Arguments.of("tomorrow morning", "2026-11-25T09:00"), Arguments.of("friday at 10am", "2026-11-27T10:00"),
                Arguments.of("2 days ago", "2026-11-22"), Arguments.of("in a couple of days", "2026-11-26"),
                Arguments.of("wednesday next week", "2026-12-02"), Arguments.of("yesterday", "2026-11-23"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void days_and_times(String text, String iso) {
        assertEquals(iso, scan("remind me " + text + " please").firstValue(Span.Kind.WHEN, When.class).orElseThrow().iso());
    }

    @Test
    void a_time_said_alone_has_no_day_and_business_hours_decide_am_or_pm() {
        When at3 = scan("call him at 3").firstValue(Span.Kind.WHEN, When.class).orElseThrow();
        assertEquals(null, at3.date());
        assertEquals(LocalTime.of(15, 0), at3.time());
        assertEquals(LocalTime.of(9, 0), scan("at 9").firstValue(Span.Kind.WHEN, When.class).orElseThrow().time());
    }

    static Stream<Arguments> periods_the_reports_take() {
        return Stream.of(Arguments.of("last month", "last month"), Arguments.of("this quarter", "this quarter"),
                Arguments.of("ytd", "this year"), Arguments.of("last 30 days", "last 30 days"),
                Arguments.of("the past week", "last 7 days"), Arguments.of("next month", "next month"),
                Arguments.of("q3", "2026-07-01..2026-09-30"), Arguments.of("last year", "2025-01-01..2025-12-31"),
                Arguments.of("next week", "2026-11-30..2026-12-06"), Arguments.of("last 3 months", "last 90 days"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void periods_the_reports_take(String text, String period) {
        assertEquals(period, scan("revenue " + text).firstValue(Span.Kind.WHEN, When.class).orElseThrow().period());
    }

    @Test
    void durations_for_staleness() {
        assertEquals(30, scan("who haven't I talked to in a month").firstValue(Span.Kind.DAYS, Integer.class).orElseThrow());
        assertEquals(14, scan("no contact for 2 weeks").firstValue(Span.Kind.DAYS, Integer.class).orElseThrow());
        assertEquals(30, scan("not in a while").firstValue(Span.Kind.DAYS, Integer.class).orElseThrow());
    }

    @Test
    void month_first_numeric_dates_only_in_the_americas() {
        assertEquals("2027-03-12", TextScan.of("on 12/3", TUESDAY, ZoneOffset.UTC).firstValue(Span.Kind.WHEN, When.class)
                .orElseThrow().iso());
        assertEquals("2026-12-03", TextScan.of("on 12/3", TUESDAY, ZoneId.of("America/New_York"))
                .firstValue(Span.Kind.WHEN, When.class).orElseThrow().iso());
    }

    @Test
    void stages_scope_contact_details_and_ordinals() {
        TextScan scan = scan("move my deal to closed won, email jane@acme.example or +1 555 0100, the 2nd one");
        assertEquals(new Stage(null, "won"), scan.firstValue(Span.Kind.STAGE, Stage.class).orElseThrow());
        assertTrue(scan.firstValue(Span.Kind.SCOPE, Scope.class).orElseThrow().mine());
        assertEquals("jane@acme.example", scan.firstValue(Span.Kind.EMAIL, String.class).orElseThrow());
        assertEquals("+1 555 0100", scan.firstValue(Span.Kind.PHONE, String.class).orElseThrow());
        assertEquals(2, scan.firstValue(Span.Kind.ORDINAL, Integer.class).orElseThrow());
        assertTrue(scan("how many open deals do i have").firstValue(Span.Kind.SCOPE, Scope.class).orElseThrow().mine());
        assertTrue(scan("show me deals over 100k").of(Span.Kind.SCOPE).isEmpty(), "\"me\" alone is no scope");
    }

    @Test
    void nothing_is_read_inside_an_address_or_a_phone_number() {
        TextScan scan = scan("ben2026@vela.example");
        assertEquals(List.of(Span.Kind.EMAIL), scan.all().stream().map(Span::kind).toList());
    }
}
