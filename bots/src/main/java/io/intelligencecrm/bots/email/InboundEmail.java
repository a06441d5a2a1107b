package io.intelligencecrm.bots.email;

import io.intelligencecrm.core.text.NulCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One mail that reached the bot, read from the mailbox or posted by a provider's webhook. A NUL in
 * its text is dropped: it cannot be stored, and the mail must not be lost for it.
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
        from = from == null ? null : NulCharacters.strip(from).strip().toLowerCase(Locale.ROOT);
        fromName = NulCharacters.strip(fromName);
        to = to == null ? List.of() : to.stream()
                .map(address -> NulCharacters.strip(address).strip().toLowerCase(Locale.ROOT)).toList();
        subject = NulCharacters.strip(subject);
        text = NulCharacters.strip(text);
        html = NulCharacters.strip(html);
        messageId = NulCharacters.strip(messageId);
        inReplyTo = NulCharacters.strip(inReplyTo);
        references = references == null ? List.of() : references.stream().map(NulCharacters::strip).toList();
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
