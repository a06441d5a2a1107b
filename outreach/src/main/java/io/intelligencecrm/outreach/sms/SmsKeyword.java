package io.intelligencecrm.outreach.sms;

import java.util.Locale;
import java.util.Set;

/** The carrier keywords a whole reply may be (case and surrounding spaces and punctuation ignored). */
public enum SmsKeyword {
    STOP, START, HELP, NONE;

    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "OPTOUT", "REVOKE");
    private static final Set<String> START_WORDS = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    public static SmsKeyword of(String body) {
        if (body == null) return NONE;
        String word = body.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "").toUpperCase(Locale.ROOT);
        if (STOP_WORDS.contains(word)) return STOP;
        if (START_WORDS.contains(word)) return START;
        if (HELP_WORDS.contains(word)) return HELP;
        return NONE;
    }
}
