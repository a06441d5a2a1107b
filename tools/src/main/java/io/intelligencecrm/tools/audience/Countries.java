package io.intelligencecrm.tools.audience;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.tools.ToolArguments;
import java.util.Locale;
import java.util.Map;

/** Contacts store ISO country codes; people say "Germany", "the UK" or "DE". */
final class Countries {
    /** Names people use that are not the English display name Java knows. */
    private static final Map<String, String> COMMON = Map.of("uk", "GB", "england", "GB", "britain", "GB",
            "great britain", "GB", "usa", "US", "america", "US", "the us", "US", "the usa", "US", "the uk", "GB",
            "holland", "NL");

    private Countries() {
    }

    /** @return the ISO code, or null when no country was given */
    static String code(String country) {
        if (!ToolArguments.given(country)) return null;
        String name = country.strip().toLowerCase(Locale.ROOT).replaceFirst("^the\\s+(?!u)", "");
        if (COMMON.containsKey(name)) return COMMON.get(name);
        for (String code : Locale.getISOCountries()) {
            if (code.equalsIgnoreCase(name)
                    || Locale.of("", code).getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(name)) {
                return code;
            }
        }
        throw CrmException.invalid("country", "'" + country + "' is not a country I know; use its English name or "
                + "ISO code, e.g. Germany or DE");
    }
}
