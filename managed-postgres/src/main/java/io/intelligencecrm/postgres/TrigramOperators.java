package io.intelligencecrm.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * pg_trgm's similarity operators, declared LEAKPROOF (and costly, so the planner prefers their index
 * to computing them row by row). Row-level security lets an index scan evaluate a condition before
 * the tenant policy only when its operators are leakproof; these compare two strings and raise no
 * error that depends on them, so no other tenant's row can show through. Only a superuser may
 * declare this: the bootstrap does it for the project-managed cluster, operators of an external
 * database run the same statements (docs/operating/deploy.md). Without them name matching still
 * works, reading the tenant's rows instead of the index.
 */
public final class TrigramOperators {
    static final List<String> FUNCTIONS = List.of("similarity_op(text, text)", "word_similarity_op(text, text)",
            "word_similarity_commutator_op(text, text)");

    private TrigramOperators() {
    }

    /** Run by a superuser. */
    static void declare(Statement superuser) throws SQLException {
        for (String function : FUNCTIONS) superuser.execute("alter function " + function + " leakproof cost 100");
    }

    /** Whether this database lets the name-matching indexes work under row-level security; any role may ask. */
    public static boolean leakproof(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) filter (where proleakproof) = "
                     + FUNCTIONS.size() + " from pg_proc where oid in ("
                     + String.join(", ", FUNCTIONS.stream().map(f -> "'" + f + "'::regprocedure").toList()) + ")")) {
            return result.next() && result.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }
}
