package io.intelligencecrm.outreach.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request signature matches Twilio's published example, and nothing else passes. */
class TwilioSignatureTest {
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
            "Digits", "1234", "From", "+12349013030", "To", "+18005551212");

    @Test
    void signs_like_twilios_published_example_and_refuses_any_change() {
        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.sign("12345", URL, PARAMS));
        assertTrue(TwilioSignature.valid("12345", URL, PARAMS, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        assertFalse(TwilioSignature.valid("12346", URL, PARAMS, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="), "another token");
        assertFalse(TwilioSignature.valid("12345", URL + "&x=1", PARAMS, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="), "another URL");
        assertFalse(TwilioSignature.valid("12345", URL, Map.of("Digits", "1234"), "0/KCTR6DLpKmkAf8muzZqo1nDgQ="),
                "other parameters");
        assertFalse(TwilioSignature.valid("12345", URL, PARAMS, null), "no signature");
    }
}
