package io.intelligencecrm.knowledge.search;

import dev.langchain4j.data.embedding.Embedding;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.knowledge.embedding.Embedder;
import io.intelligencecrm.knowledge.memory.RecordTexts;
import io.intelligencecrm.knowledge.store.EmbeddingPartitions;
import io.intelligencecrm.knowledge.store.VectorChunk;
import io.intelligencecrm.knowledge.store.VectorMatch;
import io.intelligencecrm.knowledge.store.VectorQuery;
import io.intelligencecrm.knowledge.store.VectorSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finding things by meaning inside the actor's tenant: mixed search over records, notes and
 * documents; contacts similar to a contact; passages that answer a question. Every role may
 * search; the tenant comes from the actor, never from the query.
 */
public final class KnowledgeSearch {
    public static final Set<String> TYPES = Set.of("contact", "company", "deal", "interaction", "document");
    /**
     * Below this cosine similarity a passage is not taken as answering a question. all-MiniLM-L6-v2
     * scores related question/passage pairs around 0.4-0.7 and unrelated ones below 0.25.
     */
    static final double ANSWER_SIMILARITY = 0.35;
    private static final int MAX_QUERY = 500;
    private static final int MAX_LIMIT = 50;

    private final TenantTransactions transactions;
    private final Embedder embedder;
    private final VectorSearch vectors;
    private final RecordTexts texts;

    public KnowledgeSearch(TenantTransactions transactions, Embedder embedder, VectorSearch vectors, RecordTexts texts) {
        this.transactions = transactions;
        this.embedder = embedder;
        this.vectors = vectors;
        this.texts = texts;
    }

    /** Hybrid (meaning + exact words) search over the given kinds of source; all kinds when empty. */
    public List<SearchHit> search(Actor actor, String query, Set<String> types, int limit) {
        String text = checkedQuery(query);
        for (String type : types) {
            if (!TYPES.contains(type)) throw CrmException.invalid("types", "unknown type '" + type + "'; use " + String.join(", ", TYPES.stream().sorted().toList()));
        }
        VectorQuery vectorQuery = new VectorQuery(embedder.embed(text), text, Set.copyOf(types), Set.of(), checkedLimit(limit));
        return resolved(actor, vectors.hybrid(actor.tenant(), embedder.space(), vectorQuery), text);
    }

    /** Contacts whose profile and history read most like this contact's. */
    public List<SearchHit> similarContacts(Actor actor, UUID contactId, int limit) {
        Embedding profile = storedProfile(actor, contactId).orElseGet(() -> {
            List<VectorChunk> chunks = texts.load(actor.tenant(), "contact", List.of(contactId));
            if (chunks.isEmpty()) throw CrmException.notFound("Contact " + contactId);
            return embedder.embed(chunks.getFirst().text());
        });
        VectorQuery query = VectorQuery.nearest(profile, checkedLimit(limit)).onlyOf("contact").excluding(Set.of(contactId));
        return resolved(actor, vectors.nearest(actor.tenant(), embedder.space(), query), "");
    }

    /** The knowledge-base passages closest to a question, and whether any is close enough to answer it. */
    public DocumentAnswer answerFromDocuments(Actor actor, String question, int limit) {
        String text = checkedQuery(question);
        VectorQuery query = new VectorQuery(embedder.embed(text), text, Set.of("document"), Set.of(), checkedLimit(limit));
        List<SearchHit> passages = resolved(actor, vectors.hybrid(actor.tenant(), embedder.space(), query), text);
        boolean found = passages.stream().anyMatch(hit -> hit.similarity() >= ANSWER_SIMILARITY);
        return new DocumentAnswer(found, found ? passages.stream().filter(hit -> hit.similarity() >= ANSWER_SIMILARITY / 2).toList()
                : List.of());
    }

    private Optional<Embedding> storedProfile(Actor actor, UUID contactId) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select embedding::text from %s
                         where tenant_id = crm_current_tenant() and source_type = 'contact' and source_id = :id
                           and chunk = 0 and model = :model""".formatted(EmbeddingPartitions.of(actor.tenant())))
                .bind("id", contactId).bind("model", embedder.space().model())
                .mapTo(String.class).findOne().map(KnowledgeSearch::parseVector));
    }

    private List<SearchHit> resolved(Actor actor, List<VectorMatch> matches, String query) {
        if (matches.isEmpty()) return List.of();
        Map<UUID, String> titles = transactions.inTenant(actor.tenant(), handle -> SourceTitles.of(handle, matches));
        List<SearchHit> hits = new ArrayList<>();
        Set<UUID> seen = new java.util.HashSet<>();
        for (VectorMatch match : matches) {
            String title = titles.get(match.sourceId());
            // A record shows once (its best chunk); a document may show several sections.
            if (title == null || !match.sourceType().equals("document") && !seen.add(match.sourceId())) continue;
            hits.add(new SearchHit(match.sourceType(), match.sourceId(), title, Snippets.of(match.text(), query),
                    match.score(), match.similarity(), match.contactId(),
                    match.contactId() == null ? null : titles.get(match.contactId()), match.section()));
        }
        return hits;
    }

    private static String checkedQuery(String query) {
        if (query == null || query.isBlank()) throw CrmException.invalid("q", "say what to search for");
        if (query.length() > MAX_QUERY) throw CrmException.invalid("q", "at most " + MAX_QUERY + " characters");
        return query.strip();
    }

    private static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) throw CrmException.invalid("limit", "between 1 and " + MAX_LIMIT);
        return limit;
    }

    private static Embedding parseVector(String literal) {
        String[] parts = literal.substring(1, literal.length() - 1).split(",");
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) vector[i] = Float.parseFloat(parts[i]);
        return Embedding.from(vector);
    }
}
