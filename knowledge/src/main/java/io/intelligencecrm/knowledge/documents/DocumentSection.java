package io.intelligencecrm.knowledge.documents;

import io.intelligencecrm.core.text.NulCharacters;

/**
 * A part of a document that an answer can cite. A NUL in a file's text (PDFs have them) is dropped:
 * it could not be stored, and nobody reads it.
 *
 * @param label where it is: the heading path ("Pricing › Discounts") or the page ("page 3"); null
 *              for text before the first heading
 */
public record DocumentSection(String label, String text) {
    public DocumentSection {
        label = NulCharacters.strip(label);
        text = NulCharacters.strip(text);
    }
}
