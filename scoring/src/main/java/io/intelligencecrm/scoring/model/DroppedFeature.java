package io.intelligencecrm.scoring.model;

/**
 * Something the model could have looked at and does not, and why.
 *
 * @param feature the internal name ("custom.page_views")
 * @param label   how the user knows it ("Page Views Per Visit")
 */
public record DroppedFeature(String feature, String label, String reason) {
}
