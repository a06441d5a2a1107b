package io.intelligencecrm.scoring.similarity;

import java.util.UUID;

/** A closed lead similar to the one being scored; similarity is a cosine in [0, 1]. */
public record Neighbour(UUID contactId, double similarity) {
}
