package io.intelligencecrm.knowledge.store;

import io.intelligencecrm.core.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * The top-k statement of one tenant's partition, in plain JDBC: it is the hot path of every
 * semantic search, and Jdbi's per-statement configuration, binding and mapping cost more CPU than
 * PostgreSQL spends on a small tenant's exact scan. Parameters are positional, in the order
 * {@link #bind} sets them.
 */
final class NearestQuery {
    /**
     * The k closest as (id, distance) pairs only. An exact scan sorts one such pair per vector, where
     * sorting whole rows copied every row's text first; the winners' rows are fetched by key after.
     * Optional filters are left out when unused rather than evaluated on every row.
     */
    private static final String CANDIDATES = """
            select embedding_id, embedding <=> cast(? as vector) as distance
              from %1$s
             where tenant_id = ? and model = ?%2$s
             order by distance
             limit ?""";
    /** The candidates stay in distance order through a nested loop over the key index: no second sort. */
    private static final String NEAREST = """
            select e.embedding_id, e.source_type, e.source_id, e.contact_id, e.chunk, e.section, e.text,
                   1 - n.distance as similarity, 1 - n.distance as score
              from (%2$s) n
              join %1$s e on e.embedding_id = n.embedding_id
             order by n.distance""";

    private NearestQuery() {
    }

    /**
     * The whole search. Its text differs with the plan settings it is run under: PostgreSQL keeps a
     * prepared statement's generic plan when settings change, so a plan made before the partition's
     * index was known would otherwise outlive it.
     */
    static String sql(String partition, VectorQuery query, boolean throughIndex) {
        return (throughIndex ? "/* through the HNSW index */\n" : "/* exact scan */\n")
                + NEAREST.formatted(partition, candidates(partition, query));
    }

    /** Only the (id, distance) pairs: what an exact scan's cost per vector is measured on. */
    static String candidates(String partition, VectorQuery query) {
        String filters = (query.sourceTypes().isEmpty() ? "" : " and source_type = any(?)")
                + (query.excludedSources().isEmpty() ? "" : " and not (source_id = any(?))");
        return CANDIDATES.formatted(partition, filters);
    }

    /** Binds either statement from parameter {@code first} on. */
    static void bind(PreparedStatement statement, int first, TenantId tenant, VectorSpace space, VectorQuery query)
            throws SQLException {
        Connection connection = statement.getConnection();
        int parameter = first;
        statement.setObject(parameter++, vector(query.literal()));
        statement.setObject(parameter++, tenant.value());
        statement.setString(parameter++, space.model());
        if (!query.sourceTypes().isEmpty()) {
            statement.setArray(parameter++, connection.createArrayOf("text", query.types().toArray()));
        }
        if (!query.excludedSources().isEmpty()) {
            statement.setArray(parameter++, connection.createArrayOf("uuid", query.excludedSources().toArray()));
        }
        statement.setInt(parameter, query.limit());
    }

    /**
     * The query vector as a parameter of type vector. Bound as text, {@code cast(? as vector)} would
     * be an expression that a generic plan (PostgreSQL's choice after a few runs of a prepared
     * statement) evaluates for every row it scans, parsing 384 numbers per vector and making an
     * exact scan some thirty times slower.
     */
    static PGobject vector(String literal) throws SQLException {
        PGobject vector = new PGobject();
        vector.setType("vector");
        vector.setValue(literal);
        return vector;
    }

    static List<VectorMatch> readAll(ResultSet rows) throws SQLException {
        List<VectorMatch> matches = new ArrayList<>();
        while (rows.next()) matches.add(read(rows));
        return matches;
    }

    static VectorMatch read(ResultSet row) throws SQLException {
        return new VectorMatch(row.getObject("embedding_id", UUID.class), row.getString("source_type"),
                row.getObject("source_id", UUID.class), row.getObject("contact_id", UUID.class), row.getInt("chunk"),
                row.getString("section"), row.getString("text"), row.getDouble("similarity"), row.getDouble("score"));
    }
}
