package io.intelligencecrm.agent.offline.language;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money and bounds as reps type them: "$5k", "5,000 EUR", "€12.5k", "1.2m", "20 grand", "usd 5000";
 * "over 100k", "under $5k", "at least 20k", "between 10k and 50k", "50k+", "score above 90". A bare
 * number of one or two digits is no amount ("in 2 weeks"), but it can be a bound ("score over 90").
 */
final class MoneyScanner {
    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");
    private static final String CODES = "usd|eur|gbp|chf|cad|aud|jpy|sek|nok|dkk|inr|nzd";
    private static final Map<String, String> WORDS = Map.of("dollar", "USD", "buck", "USD", "euro", "EUR",
            "pound", "GBP", "quid", "GBP");
    private static final String NUMBER = "(?:(?<precode>" + CODES + ")\\s?)?(?:(?<symbol>[$€£¥])\\s?)?"
            + "(?<number>\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:\\.\\d{3})+(?![.,]\\d)|\\d+)(?<fraction>\\.\\d+)?"
            + "\\s?(?<scale>k|m|mm|mil|bn|thousand|grand|million|billion)?(?![a-z])"
            + "(?:\\s?(?<postsymbol>[$€£]))?"
            + "(?:\\s*(?:(?<code>" + CODES + ")|(?<word>dollars?|bucks|euros?|pounds?|quid))\\b)?";
    private static final Pattern AMOUNT = Pattern.compile("(?i)(?<![\\w.@/:-])" + NUMBER + "(?![\\w@/-]|\\.\\d)");
    private static final String MORE = "over|above|more\\s+than|greater\\s+than|bigger\\s+than|larger\\s+than|higher\\s+than"
            + "|at\\s+least|min(?:imum)?(?:\\s+of)?|>=?|north\\s+of|upwards\\s+of|exceeding|in\\s+excess\\s+of|from";
    private static final String LESS = "under|below|less\\s+than|smaller\\s+than|lower\\s+than|at\\s+most|max(?:imum)?(?:\\s+of)?"
            + "|<=?|south\\s+of|up\\s+to|no\\s+more\\s+than|not\\s+more\\s+than";
    private static final Pattern BOUND = Pattern.compile("(?i)\\b(?:(?<more>" + MORE + ")|(?<less>" + LESS + "))(?:\\s+(?:a|an))?\\s*$");
    private static final Pattern AFTER = Pattern.compile("(?i)^(?:\\s*(?<plus>\\+)|\\s+(?:or|and)\\s+(?<dir>more|above|over|higher|"
            + "bigger|greater|up|less|below|under|lower|smaller)\\b)");
    private static final Pattern BETWEEN = Pattern.compile("(?i)\\bbetween\\s*$");
    /** "10-50k", "20k-60k": a range written with a dash, the second number's scale read for both. */
    private static final Pattern DASHED = Pattern.compile("(?i)(?<![\\w.$€£])(?<symbol>[$€£])?(?<low>\\d+(?:\\.\\d+)?)\\s?(?<lowScale>k|m)?"
            + "\\s?[-–]\\s?[$€£]?(?<high>\\d+(?:\\.\\d+)?)\\s?(?<highScale>k|m)(?![\\w])");
    private static final Pattern RANGE_JOIN = Pattern.compile("(?i)^\\s*(?:and|to|-|–)\\s*");

    private MoneyScanner() {
    }

    static List<Span> scan(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher dashed = DASHED.matcher(text);
        while (dashed.find()) {
            BigDecimal scale = scaleOf(dashed.group("highScale").toLowerCase(Locale.ROOT));
            BigDecimal low = new BigDecimal(dashed.group("low")).multiply(dashed.group("lowScale") == null ? scale
                    : scaleOf(dashed.group("lowScale").toLowerCase(Locale.ROOT)));
            BigDecimal high = new BigDecimal(dashed.group("high")).multiply(scale);
            String currency = dashed.group("symbol") == null ? null : SYMBOLS.get(dashed.group("symbol"));
            spans.add(new Span(dashed.start(), dashed.end(), dashed.group(), Span.Kind.COMPARISON,
                    new Comparison(low.stripTrailingZeros(), high.stripTrailingZeros(), true, currency)));
        }
        List<Span> ranges = List.copyOf(spans);
        List<Found> found = new ArrayList<>();
        Matcher matcher = AMOUNT.matcher(text);
        while (matcher.find()) {
            Found amount = found(matcher);
            if (ranges.stream().noneMatch(range -> range.overlaps(amount.start, amount.end))) found.add(amount);
        }
        for (int i = 0; i < found.size(); i++) {
            Found amount = found.get(i);
            String before = text.substring(Math.max(0, amount.start - 40), amount.start);
            // "between 10k and 50k", "10k-50k", "10k to 50k"
            if (i + 1 < found.size()) {
                Found next = found.get(i + 1);
                String gap = text.substring(amount.end, next.start);
                Matcher join = RANGE_JOIN.matcher(gap);
                boolean between = BETWEEN.matcher(before).find();
                if (join.matches() && (between || (amount.money() || next.money()) && !gap.strip().equalsIgnoreCase("and"))) {
                    boolean money = amount.money() || next.money();
                    BigDecimal low = amount.value;
                    // "10-50k": the scale of the second applies to the first
                    if (amount.scale == null && next.scale != null) low = low.multiply(scaleOf(next.scale));
                    int start = between ? amount.start - before.length() + before.toLowerCase(Locale.ROOT).lastIndexOf("between") : amount.start;
                    String currency = amount.currency != null ? amount.currency : next.currency;
                    spans.add(new Span(start, next.end, text.substring(start, next.end), Span.Kind.COMPARISON,
                            new Comparison(low, next.value, money, currency)));
                    if (amount.money()) spans.add(amount.span(text));
                    if (next.money()) spans.add(next.span(text));
                    i++;
                    continue;
                }
            }
            Matcher bound = BOUND.matcher(before);
            Matcher after = AFTER.matcher(text.substring(amount.end));
            if (bound.find()) {
                int start = amount.start - before.length() + bound.start();
                boolean min = bound.group("more") != null;
                spans.add(new Span(start, amount.end, text.substring(start, amount.end), Span.Kind.COMPARISON,
                        new Comparison(min ? amount.value : null, min ? null : amount.value, amount.money(), amount.currency)));
            } else if (after.find()) {
                String direction = after.group("dir") == null ? "more" : after.group("dir").toLowerCase(Locale.ROOT);
                boolean min = !direction.matches("less|below|under|lower|smaller");
                int end = amount.end + after.end();
                spans.add(new Span(amount.start, end, text.substring(amount.start, end), Span.Kind.COMPARISON,
                        new Comparison(min ? amount.value : null, min ? null : amount.value, amount.money(), amount.currency)));
            }
            if (amount.money()) spans.add(amount.span(text));
        }
        return spans;
    }

    /** One number as read, money or not. */
    private record Found(int start, int end, BigDecimal value, String currency, String scale, int digits) {
        /** A currency or a scale makes it money; so do three digits or more ("for 5000"). */
        boolean money() {
            return currency != null || scale != null || digits >= 3;
        }

        Span span(String text) {
            return new Span(start, end, text.substring(start, end), Span.Kind.AMOUNT, new Money(value, currency));
        }
    }

    private static Found found(Matcher matcher) {
        String symbol = matcher.group("symbol") != null ? matcher.group("symbol") : matcher.group("postsymbol");
        String code = matcher.group("code") != null ? matcher.group("code") : matcher.group("precode");
        String word = matcher.group("word");
        String currency = code != null ? code.toUpperCase(Locale.ROOT) : symbol != null ? SYMBOLS.get(symbol)
                : word == null ? null : WORDS.get(word.toLowerCase(Locale.ROOT).replaceFirst("s$", ""));
        String number = matcher.group("number");
        number = number.contains(",") ? number.replace(",", "") : number.replace(".", "");
        String fraction = matcher.group("fraction") == null ? "" : matcher.group("fraction");
        BigDecimal value = new BigDecimal(number + fraction);
        String scale = matcher.group("scale") == null ? null : matcher.group("scale").toLowerCase(Locale.ROOT);
        if (scale != null) value = value.multiply(scaleOf(scale));
        int end = matcher.end();
        // "5 k" is read, but a scale word glued to nothing else ("3 m" of "3 meetings") is not.
        return new Found(matcher.start(), end, value.stripTrailingZeros(), currency, scale, number.length());
    }

    private static BigDecimal scaleOf(String scale) {
        return switch (scale) {
            case "k", "thousand", "grand" -> BigDecimal.valueOf(1_000);
            case "m", "mm", "mil", "million" -> BigDecimal.valueOf(1_000_000);
            default -> BigDecimal.valueOf(1_000_000_000);
        };
    }
}
