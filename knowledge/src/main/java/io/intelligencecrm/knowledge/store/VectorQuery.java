package io.intelligencecrm.knowledge.store;

import dev.langchain4j.data.embedding.Embedding;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What to look for.
 *
 * @param keywords        the user's words for the keyword side of hybrid ranking; blank means vector only
 * @param sourceTypes     only these kinds of source; empty means all
 * @param excludedSources source ids to leave out (the record a "similar to" search starts from)
 */
public record VectorQuery(Embedding embedding, String keywords, Set<String> sourceTypes, Set<UUID> excludedSources,
                          int limit) {

    public static VectorQuery nearest(Embedding embedding, int limit) {
        return new VectorQuery(embedding, "", Set.of(), Set.of(), limit);
    }

    public VectorQuery onlyOf(String... types) {
        return new VectorQuery(embedding, keywords, Set.of(types), excludedSources, limit);
    }

    public VectorQuery excluding(Set<UUID> sources) {
        return new VectorQuery(embedding, keywords, sourceTypes, Set.copyOf(sources), limit);
    }

    public VectorQuery withKeywords(String words) {
        return new VectorQuery(embedding, words == null ? "" : words, sourceTypes, excludedSources, limit);
    }

    String literal() {
        float[] vector = embedding.vector();
        StringBuilder text = new StringBuilder(vector.length * 11).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) text.append(',');
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }

    List<String> types() {
        return List.copyOf(sourceTypes);
    }
}
