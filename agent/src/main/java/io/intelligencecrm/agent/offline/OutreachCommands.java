package io.intelligencecrm.agent.offline;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafting an email to a contact, or proposing to send one: find, draft, then propose the draft. A text
 * message ("text Jane Doe: the demo moved to 3pm") is found, then proposed with the user's own words.
 */
final class OutreachCommands {
    private static final Pattern DRAFT = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?draft\\s+(?:an?\\s+)?(?<kind>follow-?up|email|e-mail|message|note)?\\s*"
                    + "(?:email\\s+)?(?:to|for)\\s+(?<who>.+?)\\s+(?:about|on|regarding|re:?)\\s+(?<purpose>.+?)\\s*[.!]?$");
    private static final Pattern SEND = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:e-?mail|send\\s+(?:an?\\s+)?e-?mail\\s+to|write\\s+to)\\s+(?<who>.+?)\\s+"
                    + "(?:about|regarding|re:?)\\s+(?<purpose>.+?)\\s*[.!]?$");

    private static final Pattern TEXT = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:text|sms|send\\s+(?:an?\\s+)?(?:text(?:\\s+message)?|sms)\\s+to)\\s+(?<who>.+?)"
                    + "\\s*(?::|,?\\s+(?:saying|that\\s+says|with\\s+the\\s+text)\\s+)\\s*[\"“]?(?<body>.+?)[\"”]?\\s*$");

    private OutreachCommands() {
    }

    /** @return the plan, or null when the text is no outreach command */
    static Plan understand(String text) {
        Matcher draft = DRAFT.matcher(text);
        if (draft.matches()) {
            String kind = draft.group("kind");
            String purpose = kind != null && kind.toLowerCase().startsWith("follow")
                    ? "a follow-up about " + draft.group("purpose") : draft.group("purpose");
            return Plan.lookup("draft emails", "searchContacts", draft.group("who").strip(),
                    Plan.Step.needingId("draftEmail", "contactId", Map.of("purpose", purpose)));
        }
        Matcher sms = TEXT.matcher(text);
        if (sms.matches()) {
            return Plan.lookup("send texts", "searchContacts", sms.group("who").strip(),
                    Plan.Step.needingId("proposeSendSms", "contactId", Map.of("body", sms.group("body").strip())));
        }
        Matcher send = SEND.matcher(text);
        if (send.matches()) {
            return Plan.lookup("send emails", "searchContacts", send.group("who").strip(),
                    Plan.Step.needingId("draftEmail", "contactId", Map.of("purpose", send.group("purpose"))),
                    new Plan.Step("proposeSendEmail", Map.of(),
                            Map.of("contactId", "contactId", "subject", "subject", "body", "body")));
        }
        return null;
    }
}
