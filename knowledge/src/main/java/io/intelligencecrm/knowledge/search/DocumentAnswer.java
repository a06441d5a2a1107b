package io.intelligencecrm.knowledge.search;

import java.util.List;

/**
 * Passages from the knowledge base for a question.
 *
 * @param found false when no passage is close enough to the question: the honest answer is then
 *              "the documents do not say", not the nearest unrelated text
 */
public record DocumentAnswer(boolean found, List<SearchHit> passages) {
}
