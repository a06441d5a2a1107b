package io.intelligencecrm.web.knowledge;

import io.intelligencecrm.knowledge.search.KnowledgeSearch;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Search by meaning and words across contacts, companies, deals, interactions and documents. */
public final class SearchController {
    private final KnowledgeSearch search;

    public SearchController(KnowledgeSearch search) {
        this.search = search;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/search", this::search).doc("search", "Mixed semantic and keyword search")
                .description("Results of every kind, best first, each with a snippet and a score; the same query finds "
                        + "\"budget cuts\" in a note that says \"spending freeze\", and an exact product code.")
                .query("q", "string", "what to look for (required, at most 500 characters)")
                .query("types", "string", "comma-separated subset of contact, company, deal, interaction, document")
                .query("limit", "integer", "1 to 50, default 10")
                .returns("SearchResults");
    }

    void search(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        String q = params.text("q");
        String types = params.text("types");
        Integer limit = params.integer("limit");
        params.validate();
        Set<String> kinds = types == null || types.isBlank() ? Set.of()
                : Arrays.stream(types.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        ctx.json(Map.of("items", search.search(CurrentActor.of(ctx), q, kinds, limit == null ? 10 : limit)));
    }
}
