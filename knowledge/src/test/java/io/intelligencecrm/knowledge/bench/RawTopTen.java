package io.intelligencecrm.knowledge.bench;

import dev.langchain4j.data.embedding.Embedding;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.knowledge.store.EmbeddingPartitions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's baseline: the same top-10 as hand-written SQL over plain JDBC, as the same role,
 * with the same plan settings as the product (set with the tenant in one statement) and the same
 * model filter, returning only ids and distances. Not thread-safe: one connection.
 */
final class RawTopTen {
    record Neighbour(UUID sourceId, double distance) {
    }

    private final Connection connection;
    private final String model;
    private final int efSearch;

    RawTopTen(Connection connection, String model, int efSearch) throws SQLException {
        this.connection = connection;
        this.model = model;
        this.efSearch = efSearch;
        connection.setAutoCommit(false);
    }

    /** Through the tenant's HNSW index when it has one (as the product searches), else by an exact scan. */
    List<Neighbour> search(TenantId tenant, boolean indexed, Embedding query) throws SQLException {
        return run(tenant, query, "on", indexed ? "off" : "on");
    }

    /** An exact scan whatever the tenant's indexes: the ground truth. */
    List<Neighbour> exact(TenantId tenant, Embedding query) throws SQLException {
        return run(tenant, query, "off", "on");
    }

    /** Each plan setting has its own statement text: a prepared statement's generic plan outlives setting changes. */
    private List<Neighbour> run(TenantId tenant, Embedding query, String indexScan, String sort) throws SQLException {
        try (PreparedStatement setup = connection.prepareStatement("""
                select set_config('app.tenant_id', ?, true), set_config('enable_indexscan', ?, true),
                       set_config('enable_sort', ?, true), set_config('hnsw.ef_search', ?, true),
                       set_config('hnsw.iterative_scan', 'strict_order', true)""")) {
            setup.setString(1, tenant.value().toString());
            setup.setString(2, indexScan);
            setup.setString(3, sort);
            setup.setString(4, Integer.toString(efSearch));
            setup.execute();
        }
        List<Neighbour> nearest = new ArrayList<>(10);
        try (PreparedStatement select = connection.prepareStatement("select source_id, embedding <=> cast(? as vector) as distance from "
                + EmbeddingPartitions.of(tenant) + " where tenant_id = ? and model = ? order by distance limit 10 -- index scans "
                + indexScan + ", sort " + sort)) {
            // Untyped, so PostgreSQL types it as a vector once instead of casting text for every row.
            select.setObject(1, Arrays.toString(query.vector()).replace(" ", ""), Types.OTHER);
            select.setObject(2, tenant.value());
            select.setString(3, model);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) nearest.add(new Neighbour(rows.getObject(1, UUID.class), rows.getDouble(2)));
            }
        }
        connection.commit();
        return nearest;
    }
}
