package io.intelligencecrm.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.intelligencecrm.core.error.CrmException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountTest {
    private static void reads(String text, String value, String currency) {
        Amount amount = Amount.parse("amount", text);
        assertEquals(0, new BigDecimal(value).compareTo(amount.value()), text);
        assertEquals(currency, amount.currency(), text);
    }

    @Test
    void amounts_are_read_as_people_write_them_with_the_currency_they_name() {
        reads("12500", "12500", null);
        reads("12,500.50", "12500.50", null);
        reads("100k", "100000", null);
        reads("1.5M", "1500000", null);
        reads("$20k", "20000", "USD");
        reads("€ 3k", "3000", "EUR");
        reads("5000 EUR", "5000", "EUR");
        reads("gbp 2m", "2000000", "GBP");
        assertThrows(CrmException.class, () -> Amount.parse("amount", "lots"));
        assertThrows(CrmException.class, () -> Amount.parse("amount", "¥500"), "yen or yuan: asked, not guessed");
        assertThrows(CrmException.class, () -> Amount.parse("amount", "$5k EUR"));
    }

    @Test
    void a_currency_given_apart_must_agree_with_the_amounts() {
        assertEquals("EUR", Amount.parse("amount", "5000 EUR").currencyWith("currency", null));
        assertEquals("EUR", Amount.parse("amount", "5000 EUR").currencyWith("currency", "eur"));
        assertEquals("CHF", Amount.parse("amount", "5000").currencyWith("currency", "CHF"));
        assertNull(Amount.parse("amount", "5000").currencyWith("currency", " "));
        assertThrows(CrmException.class, () -> Amount.parse("amount", "$5000").currencyWith("currency", "EUR"));
    }
}
