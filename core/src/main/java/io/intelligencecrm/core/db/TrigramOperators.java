package io.intelligencecrm.core.db;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * pg_trgm's similarity operators, declared LEAKPROOF (and costly, so the planner prefers their index
 * to computing them row by row). Row-level security lets an index scan evaluate a condition before
 * the tenant policy only when its operators are leakproof; these compare two strings and raise no
 * error that depends on them, so no other tenant's row can show through. Only a superuser may
 * declare this: the bootstrap does it for the project-managed cluster, operators of an external
 * database run the same statements (docs/operating/deploy.md). Without them matching still works,
 * reading the tenant's rows instead of the index.
 */
public final class TrigramOperators {
    static final List<String> FUNCTIONS = List.of("similarity_op(text, text)", "word_similarity_op(text, text)",
            "word_similarity_commutator_op(text, text)");

    private TrigramOperators() {
    }

    static String declaration(String function) {
        return "alter function " + function + " leakproof cost 100";
    }

    /** Whether the database lets the name-matching indexes work under row-level security. */
    public static boolean leakproof(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select count(*) = 3 from pg_proc
                         where proleakproof and oid in ('similarity_op(text, text)'::regprocedure,
                               'word_similarity_op(text, text)'::regprocedure,
                               'word_similarity_commutator_op(text, text)'::regprocedure)""")
                .mapTo(Boolean.class).one());
    }
}
