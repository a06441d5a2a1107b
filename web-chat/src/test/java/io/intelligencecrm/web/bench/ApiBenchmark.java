package io.intelligencecrm.web.bench;

import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * ./crm bench api — loads 100,000 contacts into the demo tenant of a throwaway database, then
 * measures list, search and create through the HTTP API (real server, loopback, JSON, auth, RLS)
 * and the same queries through raw JDBC as the same database role, in the same run. Each side is
 * warmed up first: on two cores the JIT needs thousands of requests to compile the HTTP stack.
 */
public final class ApiBenchmark {
    private static final int CONTACTS = 100_000;
    private static final int THREADS = 4;
    private static final int OPERATIONS = 12_000;
    /** Long enough for the JIT to finish compiling each side's hot paths before it is measured. */
    private static final int WARM_UP = 12_000;
    private static final String LIST_SQL = """
            select c.id, c.company_id, co.name as company_name, c.owner_id, c.first_name, c.last_name, c.email,
                   c.phone, c.title, c.lifecycle_stage, c.source, c.country, c.custom, c.score,
                   c.score_calculated_at, c.created_at, c.updated_at, c.deleted_at, c.merged_into
              from contacts c
              left join companies co on co.tenant_id = c.tenant_id and co.id = c.company_id
             where c.deleted_at is null %s
             order by c.created_at desc, c.id desc limit 51""";

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CrmApplication application = TestServer.start(Map.of("CRM_RATE_LIMIT_USER_PER_MINUTE", "1000000",
                "CRM_RATE_LIMIT_TENANT_PER_MINUTE", "10000000", "CRM_DATABASE_POOL_SIZE", "8"));
        try {
            TenantId tenant = application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId();
            long loadStart = System.nanoTime();
            load(application, tenant);
            System.out.printf("Loaded %,d contacts in %.1f s%n", CONTACTS, (System.nanoTime() - loadStart) / 1e9);
            String token = DemoLogins.as(application, Role.MANAGER).bearer();
            List<KeepAliveHttp> clients = new ArrayList<>();
            ThreadLocal<KeepAliveHttp> http = ThreadLocal.withInitial(() -> {
                KeepAliveHttp client = new KeepAliveHttp("127.0.0.1", application.port(), token);
                synchronized (clients) {
                    clients.add(client);
                }
                return client;
            });
            var coordinates = application.database().coordinates();

            List<LatencyStats> results = new ArrayList<>();
            ConcurrentRun.measure("warm-up", THREADS, WARM_UP, i -> {
                expect(http.get().get("/api/contacts?limit=50"));
                expect(http.get().get("/api/contacts?limit=50&q=" + word(i)));
                if (i % 4 == 0) expect(http.get().post("/api/contacts", "{\"firstName\": \"Warm\", \"lastName\": \"Up" + i
                        + "\", \"email\": \"warm.up" + i + "@bench.example\"}"));
            });
            results.add(ConcurrentRun.measure("API list (50 rows)", THREADS, OPERATIONS,
                    i -> expect(http.get().get("/api/contacts?limit=50"))));
            results.add(jdbc(coordinates, tenant, "JDBC list (50 rows)", String.format(LIST_SQL, ""), null));
            results.add(ConcurrentRun.measure("API search q=ali", THREADS, OPERATIONS,
                    i -> expect(http.get().get("/api/contacts?limit=50&q=" + word(i)))));
            results.add(jdbc(coordinates, tenant, "JDBC search q=ali", String.format(LIST_SQL,
                    "and (c.search_text like ? or exists (select 1 from companies qc where qc.tenant_id = c.tenant_id"
                            + " and qc.id = c.company_id and lower(qc.name) like ?))"), "search"));
            results.add(ConcurrentRun.measure("API create", THREADS, OPERATIONS / 2, i -> expect(http.get().post("/api/contacts",
                    "{\"firstName\": \"Bench\", \"lastName\": \"Api" + i + "\", \"email\": \"bench.api" + i + "@bench.example\"}"))));
            results.add(jdbc(coordinates, tenant, "JDBC create", """
                    insert into contacts (tenant_id, first_name, last_name, email) values (crm_current_tenant(), 'Bench', ?, ?)""",
                    "create"));

            System.out.println();
            System.out.printf("%d contacts, %d client threads, loopback, 2 cores shared by client, server and PostgreSQL%n",
                    CONTACTS, THREADS);
            results.forEach(r -> System.out.println(r.line()));
            System.out.printf("%nAPI / raw JDBC throughput: list %.0f%%, search %.0f%%, create %.0f%% (target for list: >= 50%%)%n",
                    100 * results.get(0).throughput() / results.get(1).throughput(),
                    100 * results.get(2).throughput() / results.get(3).throughput(),
                    100 * results.get(4).throughput() / results.get(5).throughput());
            for (KeepAliveHttp client : clients) client.close();
        } finally {
            application.stop();
        }
    }

    private static final String[] WORDS = {"ali", "son", "gar", "lee", "ana", "tom", "mar", "kim"};

    private static String word(int i) {
        return WORDS[i % WORDS.length];
    }

    private static void expect(KeepAliveHttp.Response response) {
        if (response.status() >= 300) throw new IllegalStateException(response.status() + " " + response.text());
    }

    private static void load(CrmApplication application, TenantId tenant) {
        application.database().tenants().useTenant(tenant, handle -> handle.createUpdate("""
                insert into contacts (tenant_id, company_id, owner_id, first_name, last_name, email, title, lifecycle_stage,
                                      source, country, custom, created_at)
                select crm_current_tenant(),
                       (select id from companies order by id offset (g % 40) limit 1),
                       (select id from users order by id offset (g % 3) limit 1),
                       (array['Alice','Bob','Carla','Dmitri','Elena','Farid','Gina','Hiro','Ines','Jon'])[1 + g % 10],
                       (array['Garcia','Lee','Smith','Tanaka','Alison','Marsh','Kimura','Anand','Tomasz','Olsen'])[1 + (g / 10) % 10] || g,
                       'person' || g || '@load.example', 'Buyer', 'lead', 'website', 'US',
                       jsonb_build_object('seats', g % 500), now() - (g || ' seconds')::interval
                  from generate_series(1, :n) g""").bind("n", CONTACTS).execute());
        // As the owner: the application role may not analyze (PostgreSQL skips it with a warning), and
        // without fresh statistics the list query can be planned as a full scan until autovacuum runs.
        application.database().ownerJdbi().useHandle(handle -> handle.execute("analyze contacts, companies"));
    }

    /** The same query run by as many threads over plain JDBC connections, each a tenant transaction. */
    private static LatencyStats jdbc(io.intelligencecrm.core.db.DatabaseCoordinates db, TenantId tenant, String name,
                                     String sql, String mode) throws Exception {
        BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
        for (int i = 0; i < THREADS; i++) {
            Connection connection = DriverManager.getConnection(db.url(), db.appUser(), db.appPassword());
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        int operations = "create".equals(mode) ? OPERATIONS / 2 : OPERATIONS;
        try {
            int warmUp = "create".equals(mode) ? WARM_UP / 4 : WARM_UP;
            for (int i = 0; i < warmUp; i++) run(connections, tenant, sql, mode, i);
            return ConcurrentRun.measure(name, THREADS, operations, i -> run(connections, tenant, sql, mode, i));
        } finally {
            for (Connection connection : connections) connection.close();
        }
    }

    private static void run(BlockingQueue<Connection> connections, TenantId tenant, String sql, String mode, int i)
            throws Exception {
        Connection connection = connections.take();
        try {
            try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant.toString());
                set.executeQuery().close();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if ("search".equals(mode)) {
                    statement.setString(1, "%" + word(i) + "%");
                    statement.setString(2, "%" + word(i) + "%");
                } else if ("create".equals(mode)) {
                    statement.setString(1, "Jdbc" + i);
                    statement.setString(2, "bench.jdbc" + i + "-" + UUID.randomUUID() + "@bench.example");
                }
                if ("create".equals(mode)) {
                    statement.executeUpdate();
                } else {
                    try (ResultSet rows = statement.executeQuery()) {
                        // Read every column, as the API must to answer.
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int column = 1; column <= columns; column++) rows.getObject(column);
                        }
                    }
                }
            }
            connection.commit();
        } finally {
            connections.add(connection);
        }
    }
}
