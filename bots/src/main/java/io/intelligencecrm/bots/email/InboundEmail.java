package io.intelligencecrm.bots.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One mail that reached the bot, read from the mailbox or posted by a provider's webhook.
 *
 * @param from                  the sender's address, lower case
 * @param fromName              the sender's display name, or null
 * @param to                    every recipient address (To, Cc, Delivered-To), lower case
 * @param messageId             the Message-ID with its angle brackets
 * @param references            the References header's ids, oldest first
 * @param authenticationResults each Authentication-Results header, topmost (newest) first
 * @param autoSubmitted         an autoresponder, bounce or list mail: never answered
 */
public record InboundEmail(String from, String fromName, List<String> to, String subject, String text, String html,
                           String messageId, String inReplyTo, List<String> references,
                           List<String> authenticationResults, boolean autoSubmitted) {

    public InboundEmail {
        from = from == null ? null : from.strip().toLowerCase(Locale.ROOT);
        to = to == null ? List.of() : to.stream().map(address -> address.strip().toLowerCase(Locale.ROOT)).toList();
        references = references == null ? List.of() : List.copyOf(references);
        authenticationResults = authenticationResults == null ? List.of() : List.copyOf(authenticationResults);
    }

    /** The first message of the thread: what every reply in it names first in References. */
    public String threadRoot() {
        if (!references.isEmpty()) return references.getFirst();
        return inReplyTo != null ? inReplyTo : messageId;
    }

    /** The References of an answer to this mail: the thread so far, then this mail. */
    public String referencesOfReply() {
        List<String> ids = new ArrayList<>(references.isEmpty() && inReplyTo != null ? List.of(inReplyTo) : references);
        ids.add(messageId);
        return String.join(" ", ids);
    }

    public String fromDomain() {
        return from == null ? "" : from.substring(from.indexOf('@') + 1);
    }
}
