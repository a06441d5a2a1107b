package io.intelligencecrm.agent.offline;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Money as people type it: "$5k", "5,000 EUR", "12.5k", "€300"; the currency from a symbol or a code. */
final class Amounts {
    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP");
    private static final Pattern AMOUNT = Pattern.compile(
            "(?i)(?<![\\w.])(?<symbol>[$€£])?\\s?(?<number>\\d{1,3}(?:,\\d{3})+|\\d+)(?<fraction>\\.\\d+)?"
                    + "(?<scale>[km])?(?:\\s*(?<code>usd|eur|gbp|chf|cad|aud|jpy)\\b)?(?![\\w-])");

    /**
     * @param amount   plain decimal text, as createDeal takes it
     * @param currency a 3-letter code, or null when none was said
     * @param text     the words the amount was found in, to take out of the rest of the command
     */
    record Amount(String amount, String currency, String text) {
    }

    private Amounts() {
    }

    /** The first amount in the text, or null; a short bare number ("2 weeks") is not money. */
    static Amount find(String text) {
        Matcher matcher = AMOUNT.matcher(text);
        while (matcher.find()) {
            String symbol = matcher.group("symbol");
            String scale = matcher.group("scale");
            String code = matcher.group("code");
            if (symbol == null && scale == null && code == null && matcher.group("number").length() < 3) continue;
            String fraction = matcher.group("fraction") == null ? "" : matcher.group("fraction");
            BigDecimal value = new BigDecimal(matcher.group("number").replace(",", "") + fraction);
            if (scale != null) value = value.scaleByPowerOfTen(scale.equalsIgnoreCase("k") ? 3 : 6);
            String currency = code != null ? code.toUpperCase(Locale.ROOT) : symbol == null ? null : SYMBOLS.get(symbol);
            return new Amount(value.stripTrailingZeros().toPlainString(), currency, matcher.group().strip());
        }
        return null;
    }
}
