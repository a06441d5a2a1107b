package io.intelligencecrm.knowledge.search;

import java.util.UUID;

/**
 * One search result, ready to show: what it is, a title, the matching passage.
 *
 * @param type      contact, company, deal, interaction or document
 * @param id        the record or document id
 * @param contactId the contact it concerns, when there is one
 * @param section   for documents: the heading path or page the passage comes from
 * @param score     ranking score (higher is better); comparable only within one result list
 */
public record SearchHit(String type, UUID id, String title, String snippet, double score, double similarity,
                        UUID contactId, String contactName, String section) {
}
