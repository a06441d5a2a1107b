package io.intelligencecrm.knowledge.documents;

/**
 * A part of a document that an answer can cite.
 *
 * @param label where it is: the heading path ("Pricing › Discounts") or the page ("page 3"); null
 *              for text before the first heading
 */
public record DocumentSection(String label, String text) {
}
