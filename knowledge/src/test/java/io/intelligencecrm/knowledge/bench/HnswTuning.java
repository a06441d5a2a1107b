package io.intelligencecrm.knowledge.bench;

import io.intelligencecrm.postgres.ClusterBootstrap;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.postgres.LocalPostgres;
import io.intelligencecrm.core.db.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recall and latency of HNSW settings on one tenant's worth of clustered vectors, to choose the
 * index parameters: {@code java ... HnswTuning <vectors> <m> <ef_construction> <ef_search,...> [isotropic]}.
 */
public final class HnswTuning {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int m = Integer.parseInt(args[1]);
        int efConstruction = Integer.parseInt(args[2]);
        List<Integer> efSearch = Arrays.stream(args[3].split(",")).map(Integer::parseInt).toList();
        Path root = Files.createTempDirectory("crm-hnsw-");
        root.toFile().setExecutable(true, false);
        try (LocalPostgres cluster = LocalPostgres.start(root, Path.of("/usr/lib/postgresql/15/bin"), "postgres", true,
                "shared_buffers=2GB work_mem=64MB max_parallel_maintenance_workers=2")) {
            ClusterBootstrap.prepare(cluster, "t", new ClusterBootstrap.Roles("crm_owner", "o", "crm_app", "a"));
            DatabaseCoordinates db = new DatabaseCoordinates(cluster.jdbcUrl("t"), "crm_owner", "o", "crm_app", "a");
            Migrations.apply(db);
            ClusteredVectors vectors = new ClusteredVectors(384, 400, 42,
                    args.length > 4 ? ClusteredVectors.Noise.valueOf(args[4].toUpperCase()) : ClusteredVectors.Noise.REALISTIC);
            ClusteredVectors.Tenant tenant = vectors.tenant(1000, 20);
            try (Connection owner = DriverManager.getConnection(db.url(), db.ownerUser(), db.ownerPassword());
                 Statement statement = owner.createStatement()) {
                statement.execute("create table v (id int primary key, embedding vector(384))");
                try (PreparedStatement insert = owner.prepareStatement("insert into v values (?, cast(? as vector))")) {
                    for (int i = 0; i < count; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, literal(tenant.next()));
                        insert.addBatch();
                        if (i % 1000 == 999) insert.executeBatch();
                    }
                    insert.executeBatch();
                }
                statement.execute("set maintenance_work_mem = '1GB'");
                long started = System.nanoTime();
                statement.execute("create index on v using hnsw (embedding vector_cosine_ops) with (m = " + m
                        + ", ef_construction = " + efConstruction + ")");
                System.out.printf(Locale.ROOT, "%,d vectors, m=%d ef_construction=%d: built in %.1f s%n", count, m,
                        efConstruction, (System.nanoTime() - started) / 1e9);
                statement.execute("analyze v");
                List<float[]> queries = new ArrayList<>();
                for (int i = 0; i < 200; i++) queries.add(tenant.next());
                List<Set<Integer>> truth = new ArrayList<>();
                statement.execute("set enable_indexscan = off");
                for (float[] query : queries) truth.add(top(owner, query));
                statement.execute("set enable_indexscan = on");
                for (int ef : efSearch) {
                    statement.execute("set hnsw.ef_search = " + ef);
                    double recall = 0;
                    List<Double> times = new ArrayList<>();
                    for (int i = 0; i < queries.size(); i++) {
                        long t = System.nanoTime();
                        Set<Integer> found = top(owner, queries.get(i));
                        times.add((System.nanoTime() - t) / 1e6);
                        found.retainAll(truth.get(i));
                        recall += found.size() / 10.0;
                    }
                    times.sort(Double::compare);
                    System.out.printf(Locale.ROOT, "  ef_search=%d: recall@10 %.3f, p50 %.2f ms, p99 %.2f ms%n", ef,
                            recall / queries.size(), times.get(times.size() / 2), times.get((int) (times.size() * 0.99)));
                }
            }
        }
    }

    private static Set<Integer> top(Connection connection, float[] query) throws Exception {
        Set<Integer> ids = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id from v order by embedding <=> cast(? as vector) limit 10")) {
            select.setString(1, literal(query));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    private static String literal(float[] vector) {
        return Arrays.toString(vector).replace(" ", "");
    }
}
