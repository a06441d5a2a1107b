package io.intelligencecrm.bots.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {
    /** The worked example in Slack's "Verifying requests from Slack" documentation. */
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String TIMESTAMP = "1531420618";
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant THEN = Instant.ofEpochSecond(1531420618);

    @Test
    void matches_slacks_documented_example() {
        assertEquals(SIGNATURE, SlackSignature.sign(SECRET, TIMESTAMP, BODY));
        assertTrue(SlackSignature.verify(SECRET, TIMESTAMP, BODY, SIGNATURE, THEN.plusSeconds(299)));
    }

    @Test
    void refuses_other_secrets_bodies_and_old_or_future_timestamps() {
        assertFalse(SlackSignature.verify("another-secret", TIMESTAMP, BODY, SIGNATURE, THEN));
        assertFalse(SlackSignature.verify(SECRET, TIMESTAMP, BODY + "&x=1", SIGNATURE, THEN));
        assertFalse(SlackSignature.verify(SECRET, TIMESTAMP, BODY, SIGNATURE, THEN.plusSeconds(301)));
        assertFalse(SlackSignature.verify(SECRET, TIMESTAMP, BODY, SIGNATURE, THEN.minusSeconds(301)));
        assertFalse(SlackSignature.verify(SECRET, "soon", BODY, SIGNATURE, THEN));
        assertFalse(SlackSignature.verify(SECRET, TIMESTAMP, BODY, null, THEN));
    }
}
