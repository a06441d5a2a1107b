package io.intelligencecrm.knowledge.store;

/** The embedding model vectors come from; vectors of two spaces are never compared. */
public record VectorSpace(String model, int dimension) {
}
