package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.RecordMention;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text message to one contact ("text Jane Doe: the demo moved to 3pm", "send a text to Jane saying
 * running late"): the contact is found, then the user's own words are proposed for approval.
 */
final class TextFrame {
    private static final Pattern TEXT = Pattern.compile("(?is)^\\s*(?:please\\s+)?(?:text|sms|send\\s+(?:an?\\s+)?(?:text(?:\\s+message)?|sms)"
            + "\\s+to)\\s+(?<who>.+?)\\s*(?::|,?\\s+(?:saying|that\\s+says|with\\s+the\\s+text)\\s+)\\s*[\"“]?(?<body>.+?)[\"”]?\\s*$");

    private TextFrame() {
    }

    /** The message asks to text someone, with the words to send. */
    static boolean asks(String text) {
        return TEXT.matcher(text).matches();
    }

    static Part send(Reading reading) {
        Matcher text = TEXT.matcher(reading.text());
        if (!text.matches()) return Part.Question.plain("Whom should I text, and what should it say? For example \"text Jane Doe: "
                + "the demo moved to 3pm\".");
        // Only the words before the message name the recipient; a name inside the message is just text.
        int end = text.end("who");
        Reading who = new Reading(reading.text().substring(0, end), reading.scan().part(0, end), reading.conversation(),
                reading.tools(), reading.matched());
        return Action.of("send texts", RecordMention.CONTACT, "proposeSendSms", "contactId", Map.of("body", text.group("body").strip()))
                .part(who.target(RecordMention.CONTACT, text.group("who").strip()), "Whom should I text? Give me their name.");
    }
}
