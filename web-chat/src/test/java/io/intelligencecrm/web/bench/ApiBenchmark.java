package io.intelligencecrm.web.bench;

import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ./crm bench api — loads 100,000 contacts into the demo tenant of a throwaway database, then
 * measures list, search and create through the HTTP API (real server, loopback, JSON, auth, RLS)
 * and the same queries through raw JDBC as the same database role, in the same run. Both sides are
 * warmed up until their cost per operation is steady, then compared at several client concurrencies
 * (see {@link Comparison}), with the CPU each operation cost.
 */
public final class ApiBenchmark {
    private static final int CONTACTS = 100_000;
    /** Client concurrencies each operation is measured at; the warm-up runs at the middle one. */
    private static final int[] CLIENTS = {4, 8, 16};
    private static final int WARM_UP_CLIENTS = 8;
    private static final int OPERATIONS = 12_000;
    private static final int CREATES = 3_000;
    private static final int CREATE_WARM_UP = 3_000;
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

            String list = String.format(LIST_SQL, "");
            String search = String.format(LIST_SQL, "and (c.search_text like ? or exists (select 1 from companies qc"
                    + " where qc.tenant_id = c.tenant_id and qc.id = c.company_id and lower(qc.name) like ?))");
            String create = """
                    insert into contacts (tenant_id, first_name, last_name, email) values (crm_current_tenant(), 'Bench', ?, ?)""";
            try (RawJdbc jdbc = new RawJdbc(coordinates, tenant, CLIENTS[CLIENTS.length - 1])) {
                // Reads first, warmed up without writes: a contact created during the run would sort first and
                // make the list measure new, nearly empty rows instead of the loaded ones with company and attributes.
                ConcurrentRun.Operation apiList = i -> expect(http.get().get("/api/contacts?limit=50"));
                ConcurrentRun.Operation jdbcList = i -> jdbc.read(list);
                ConcurrentRun.Operation apiSearch = i -> expect(http.get().get("/api/contacts?limit=50&q=" + word(i)));
                ConcurrentRun.Operation jdbcSearch = i -> {
                    String pattern = "%" + word(i) + "%";
                    jdbc.read(search, pattern, pattern);
                };
                int warmUp = 0;
                for (ConcurrentRun.Operation read : List.of(apiList, jdbcList, apiSearch, jdbcSearch)) {
                    warmUp += SteadyState.reach("warm-up", WARM_UP_CLIENTS, read);
                }
                Runnable settle = () -> settle(application);
                Comparison lists = Comparison.run("list (50 rows)", CLIENTS, OPERATIONS, apiList, jdbcList, settle);
                Comparison searches = Comparison.run("search q=ali", CLIENTS, OPERATIONS, apiSearch, jdbcSearch, settle);
                // Writes warm up for a fixed count: each API create also embeds the contact in the background,
                // so its CPU never settles, and tens of thousands of them would start an index build mid-run.
                ConcurrentRun.measure("warm-up", WARM_UP_CLIENTS, CREATE_WARM_UP, i -> {
                    expect(http.get().post("/api/contacts", contactJson("Warm", "warm.up" + i)));
                    jdbc.write(create, "Warm" + i, "warm.jdbc" + i + "@bench.example");
                });
                warmUp += 2 * CREATE_WARM_UP;
                Comparison creates = Comparison.run("create", CLIENTS, CREATES,
                        i -> expect(http.get().post("/api/contacts", contactJson("Api" + i, "bench.api" + i))),
                        i -> jdbc.write(create, "Jdbc" + i, "bench.jdbc" + i + "@bench.example"), settle);
                List<Comparison> results = List.of(lists, searches, creates);

                System.out.println();
                System.out.printf("%d contacts, loopback, 2 cores shared by client, server and PostgreSQL; after a warm-up of"
                        + " %,d operations to a steady cost%n", CONTACTS, warmUp);
                results.forEach(comparison -> comparison.lines().forEach(System.out::println));
                System.out.println();
                System.out.println("API / raw JDBC peak throughput (target for list: >= 50%):");
                results.forEach(comparison -> System.out.println("  " + comparison.peakShare()));
            }
            for (KeepAliveHttp client : clients) client.close();
        } finally {
            application.stop();
        }
    }

    private static final String[] WORDS = {"ali", "son", "gar", "lee", "ana", "tom", "mar", "kim"};

    private static String word(int i) {
        return WORDS[i % WORDS.length];
    }

    private static String contactJson(String lastName, String emailName) {
        return "{\"firstName\": \"Bench\", \"lastName\": \"" + lastName + "\", \"email\": \"" + emailName + "@bench.example\"}";
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
        // As the owner: the application role may not vacuum or analyze (PostgreSQL skips it with a warning).
        // Without fresh statistics the list query can be planned as a full scan, and without the vacuum
        // autovacuum would do it in the middle of a measurement.
        application.database().ownerJdbi().useHandle(handle -> handle.execute("vacuum (analyze) contacts, companies"));
    }

    /**
     * Waits until the side effects of earlier writes (embeddings of created contacts) are done, so
     * their CPU is not charged to whichever side happens to run next.
     */
    private static void settle(CrmApplication application) {
        while (application.database().ownerJdbi().withHandle(handle -> handle.createQuery("""
                select exists (select 1 from outbox where status in ('pending', 'processing') and available_at <= now())""")
                .mapTo(Boolean.class).one())) {
            application.dispatcher().drain();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
