package io.intelligencecrm.core.match;

import java.util.UUID;

/**
 * A record a message names, with the span that names it best.
 *
 * @param kind           contact, company, deal or user (a team member)
 * @param name           the record's name as stored
 * @param detail         what tells records of the same name apart: a contact's company or email, a
 *                       company's domain, a deal's company and stage, a team member's email
 * @param field          what matched: name, email or domain
 * @param start          where the span starts in the message (characters)
 * @param end            where it ends, exclusive
 * @param score          0 to 1: 1 is the whole name (or the exact address); a first name alone of a
 *                       two-word name scores about 0.75; typos lower it
 * @param exact          the span is the whole name or address, ignoring case
 * @param inConversation the record was created or shown earlier in the conversation
 * @param spanMatches    how many records of this kind the span matched, counted up to {@link RecordMatcher#CANDIDATES}
 */
public record RecordMatch(String kind, UUID id, String name, String detail, String field, String span, int start,
                          int end, double score, boolean exact, boolean inConversation, int spanMatches) {
}
