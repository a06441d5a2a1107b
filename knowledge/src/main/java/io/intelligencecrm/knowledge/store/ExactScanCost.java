package io.intelligencecrm.knowledge.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.embedding.Embedding;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * What an exact scan of a tenant's vectors costs in the database, per vector, on this machine now:
 * the median of three timed runs (EXPLAIN ANALYZE) of the candidate query a search sends, each for
 * one of the tenant's own vectors, with index scans ruled out. Server time only, so the client and
 * the network do not count.
 */
public final class ExactScanCost {
    private static final int SAMPLES = 3;
    private final TenantTransactions transactions;

    public ExactScanCost(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Milliseconds per vector scanned; empty when the tenant holds no vectors of the space. */
    public OptionalDouble millisPerVector(TenantId tenant, VectorSpace space) {
        String partition = EmbeddingPartitions.of(tenant);
        return transactions.inTenant(tenant, Map.of("enable_indexscan", "off", "enable_bitmapscan", "off"), handle -> {
            try {
                List<Double> costs = new ArrayList<>();
                for (Embedding sample : samples(handle.getConnection(), partition, space)) {
                    VectorQuery query = VectorQuery.nearest(sample, 10);
                    try (PreparedStatement explain = handle.getConnection().prepareStatement(
                            "explain (analyze, timing off, format json) " + NearestQuery.candidates(partition, query))) {
                        NearestQuery.bind(explain, 1, tenant, space, query);
                        try (ResultSet plan = explain.executeQuery()) {
                            plan.next();
                            JsonNode run = Json.mapper().readTree(plan.getString(1)).get(0);
                            costs.add(run.get("Execution Time").asDouble() / Math.max(1, scannedRows(run.get("Plan"))));
                        }
                    }
                }
                return costs.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(costs.stream().sorted().toList().get(costs.size() / 2));
            } catch (SQLException | IOException e) {
                throw new UnableToExecuteStatementException("Cannot measure the exact scan of " + partition, e, null);
            }
        });
    }

    private static List<Embedding> samples(Connection connection, String partition, VectorSpace space) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select cast(embedding as real[]) from " + partition + " where model = ? limit " + SAMPLES)) {
            select.setString(1, space.model());
            List<Embedding> samples = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Array array = rows.getArray(1);
                    Float[] values = (Float[]) array.getArray();
                    float[] vector = new float[values.length];
                    for (int i = 0; i < values.length; i++) vector[i] = values[i];
                    samples.add(Embedding.from(vector));
                }
            }
            return samples;
        }
    }

    /** Rows a plan read from its table, whether they passed its filter or not. */
    private static long scannedRows(JsonNode node) {
        if ("Seq Scan".equals(node.path("Node Type").asText())) {
            return node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong();
        }
        long rows = 0;
        for (JsonNode child : node.path("Plans")) rows += scannedRows(child);
        return rows;
    }
}
