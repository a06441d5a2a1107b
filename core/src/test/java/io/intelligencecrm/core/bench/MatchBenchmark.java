package io.intelligencecrm.core.bench;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.db.Migrations;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.match.MessageSpans;
import io.intelligencecrm.core.match.RecordMatch;
import io.intelligencecrm.core.match.RecordMatcher;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import io.intelligencecrm.core.user.PasswordHasher;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.postgres.ClusterBootstrap;
import io.intelligencecrm.postgres.LocalPostgres;
import io.intelligencecrm.postgres.TrigramOperators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * {@code ./crm bench match}: how long {@link RecordMatcher} takes per chat message on the demo tenant
 * alone (as {@code ./crm run} has it), then on the demo tenant and a tenant of 100,000 contacts,
 * 10,000 companies and 20,000 deals sharing the database (the trigram indexes are shared), and
 * how often the record a message means comes first among its kind. Messages are what reps type
 * (lower case, typos, partial names) built from each tenant's own records. Each tenant is measured
 * with pg_trgm's operators leakproof (the product's setup: trigram index scans) and again without
 * (row-level security then keeps the index out: each span reads the tenant's rows), with the plan of
 * one span printed for both.
 */
public final class MatchBenchmark {
    private static final int WARM_UP = 300;
    private static final int MEASURED = 1000;
    private static final String[] TEMPLATES = {
            "log meeting w/ %s tmrw 3pm re: onboarding", "remind me to follow up with %s next Tuesday",
            "add %s from %s, %s", "bump the %s deal to negotiation", "what's going on with %s?",
            "new deal for %s: %s expansion, 20k, closing in 3 weeks", "how many contacts do we have at %s?",
            "no, I meant the other %s", "the one at %s", "hi", "what can you do?", "schedule a call with %s Thursday 3pm"};

    private record Message(String text, String kind, UUID expected) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("crm-bench-match-");
        root.toFile().setExecutable(true, false);
        String bin = System.getenv().getOrDefault("CRM_POSTGRES_BIN", "/usr/lib/postgresql/15/bin");
        String osUser = System.getenv().getOrDefault("CRM_POSTGRES_OS_USER", "postgres");
        try (LocalPostgres cluster = LocalPostgres.start(root, Path.of(bin), osUser, true, "")) {
            ClusterBootstrap.prepare(cluster, "crm_bench", new ClusterBootstrap.Roles("crm_owner", "owner-bench",
                    "crm_app", "app-bench"));
            DatabaseCoordinates coordinates = new DatabaseCoordinates(cluster.jdbcUrl("crm_bench"), "crm_owner",
                    "owner-bench", "crm_app", "app-bench");
            Migrations.apply(coordinates);
            try (Database database = new Database(coordinates, 4)) {
                TenantId demo = new DemoData(new TenantDirectory(database.jdbi()),
                        new TenantProvisioning(database.ownerJdbi()), database.tenants(), new PasswordHasher(),
                        Clock.systemUTC()).ensureSeeded().tenantId();
                RecordMatcher matcher = new RecordMatcher(database.tenants());
                database.ownerJdbi().useHandle(handle -> handle.execute("analyze"));
                System.out.println("the demo tenant alone in its database (./crm run), load: "
                        + Files.readString(Path.of("/proc/loadavg")).trim());
                measure(database, matcher, demo, "demo (200 contacts)", MEASURED);
                TenantId large = new TenantProvisioning(database.ownerJdbi()).create("large", "Large", "large.example")
                        .tenantId();
                long started = System.nanoTime();
                seedLarge(database, large);
                System.out.printf(Locale.ROOT, "seeded 100,000 contacts, 10,000 companies, 20,000 deals in %.0f s%n",
                        (System.nanoTime() - started) / 1e9);
                database.ownerJdbi().useHandle(handle -> handle.execute("analyze"));
                for (boolean leakproof : List.of(true, false)) {
                    try (Connection admin = ClusterBootstrap.superuser(cluster, "crm_bench");
                         Statement statement = admin.createStatement()) {
                        for (String function : List.of("similarity_op", "word_similarity_op",
                                "word_similarity_commutator_op")) {
                            statement.execute("alter function " + function + "(text, text) "
                                    + (leakproof ? "" : "not ") + "leakproof");
                        }
                    }
                    System.out.println();
                    boolean declared = database.jdbi().withHandle(handle -> TrigramOperators.leakproof(
                            handle.getConnection()));
                    System.out.println("with the large tenant; pg_trgm operators leakproof: " + declared + ", load: "
                            + Files.readString(Path.of("/proc/loadavg")).trim());
                    for (TenantId tenant : List.of(demo, large)) {
                        measure(database, matcher, tenant, tenant.equals(demo) ? "demo (200 contacts)"
                                : "large (100,000 contacts)", leakproof ? MEASURED : MEASURED / 20);
                    }
                    System.out.println(plan(database, large));
                }
            }
        }
    }

    private static void measure(Database database, RecordMatcher matcher, TenantId tenant, String label, int runs) {
        Actor actor = Actor.user(tenant, new UserRepository(database.tenants()).list(tenant).stream()
                .filter(user -> user.role() != Role.VIEWER).findFirst().orElseThrow().id(), Role.REP);
        List<Message> messages = messages(database, tenant, new SplittableRandom(tenant.value().hashCode()));
        for (int i = 0; i < Math.min(WARM_UP, runs / 5); i++) {
            matcher.match(actor, messages.get(i % messages.size()).text(), List.of());
        }
        long[] nanos = new long[runs];
        long queried = Long.MAX_VALUE;
        int expected = 0;
        int first = 0;
        for (int i = 0; i < runs; i++) {
            Message message = messages.get(i % messages.size());
            long start = System.nanoTime();
            List<RecordMatch> matches = matcher.match(actor, message.text(), List.of());
            nanos[i] = System.nanoTime() - start;
            // "hi" names nothing and never reaches the database; the floor is that of a message that does.
            if (!MessageSpans.of(message.text()).isEmpty()) queried = Math.min(queried, nanos[i]);
            if (message.expected() == null) continue;
            expected++;
            // Records with the same name tie: the meant one counts as found when it is among the best of its kind.
            double best = matches.stream().filter(match -> match.kind().equals(message.kind()))
                    .mapToDouble(RecordMatch::score).max().orElse(-1);
            if (matches.stream().anyMatch(match -> match.id().equals(message.expected()) && match.score() == best)) {
                first++;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-26s %5d messages  min %5.1f ms  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms"
                        + "  max %6.1f ms  meant record among the best of its kind: %d%%%n", label, runs, queried / 1e6,
                nanos[runs / 2] / 1e6,
                nanos[runs * 9 / 10] / 1e6, nanos[runs * 99 / 100] / 1e6, nanos[runs - 1] / 1e6,
                expected == 0 ? 0 : first * 100 / expected);
    }

    /** Messages from the templates about the tenant's own records, typed the way reps type. */
    private static List<Message> messages(Database database, TenantId tenant, SplittableRandom random) {
        List<Map<String, Object>> people = database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                select c.id, c.first_name, c.last_name, c.email, co.id as company_id, co.name as company, co.domain
                  from contacts c join companies co on co.id = c.company_id
                 where c.deleted_at is null and c.email is not null order by md5(c.id::text) limit 300""")
                .mapToMap().list());
        List<Map<String, Object>> deals = database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select id, name from deals where deleted_at is null order by md5(id::text) limit 100").mapToMap().list());
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Map<String, Object> person = people.get(random.nextInt(people.size()));
            String name = (person.get("first_name") + " " + typo((String) person.get("last_name"), random))
                    .toLowerCase(Locale.ROOT);
            String company = ((String) person.get("company")).toLowerCase(Locale.ROOT);
            UUID contactId = (UUID) person.get("id");
            UUID companyId = (UUID) person.get("company_id");
            Map<String, Object> deal = deals.get(random.nextInt(deals.size()));
            int template = i % TEMPLATES.length;
            messages.add(switch (template) {
                case 0, 1, 11 -> new Message(TEMPLATES[template].formatted(name), "contact", contactId);
                case 2 -> new Message(TEMPLATES[2].formatted(name, company, person.get("email")), "contact", contactId);
                case 3 -> new Message(TEMPLATES[3].formatted(((String) deal.get("name")).toLowerCase(Locale.ROOT)),
                        "deal", (UUID) deal.get("id"));
                case 4, 6 -> new Message(TEMPLATES[template].formatted(company), "company", companyId);
                case 5 -> new Message(TEMPLATES[5].formatted(name, company), "contact", contactId);
                case 7 -> new Message(TEMPLATES[7].formatted(person.get("first_name")), "contact", null);
                case 8 -> new Message(TEMPLATES[8].formatted(person.get("domain")), "company", companyId);
                default -> new Message(TEMPLATES[template], "none", null);
            });
        }
        return messages;
    }

    /** One typo in every third last name: a dropped letter. */
    private static String typo(String word, SplittableRandom random) {
        if (word.length() < 5 || random.nextInt(3) != 0) return word;
        int at = 1 + random.nextInt(word.length() - 2);
        return word.substring(0, at) + word.substring(at + 1);
    }

    private static String plan(Database database, TenantId tenant) {
        return database.tenants().inTenant(tenant, handle -> String.join("\n", handle.createQuery("""
                        explain (analyze, costs off, timing off, summary on)
                        select id from contacts where 'jane park' <% name_text and deleted_at is null limit 50""")
                .mapTo(String.class).list()));
    }

    /** 10 users, 10,000 companies, 100,000 contacts (about 30,000 distinct full names), 20,000 deals. */
    private static void seedLarge(Database database, TenantId tenant) {
        new UserRepository(database.tenants()).create(tenant, "rep@large.example", "Robin Rep", Role.REP, "UTC", null);
        for (int i = 1; i < 10; i++) {
            new UserRepository(database.tenants()).create(tenant, "user" + i + "@large.example", "User Number" + i,
                    Role.REP, "UTC", null);
        }
        database.tenants().useTenant(tenant, handle -> {
            handle.execute("""
                    create temporary table bench_words on commit drop as
                    select regexp_split_to_array('Acme Vela Orbitel Globex Initech Umbrella Stark Wayne Wonka Hooli Piper Soylent
                      Tyrell Cyberdyne Aperture Mesa Massive Vandelay Kramerica Dunder Mifflin Sterling Oceanic Nakatomi
                      Monarch Axiom Nimbus Zenith Apex Summit Pinnacle Horizon Vertex Quantum Fusion Nova Stellar Lunar
                      Solar Polar Arctic Tropic Coastal Harbor Bridge River Lake Forest Meadow Valley Ridge Canyon Desert
                      Prairie Granite Copper Silver Golden Iron Steel Cobalt Crimson Azure Emerald Amber Ivory Onyx Jade
                      Ruby Sapphire Topaz Falcon Eagle Hawk Raven Otter Badger Lynx Bison Heron Maple Cedar Birch Aspen',
                      '\\s+') as company_words,
                      regexp_split_to_array('James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William
                      Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy
                      Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna
                      Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy Deborah Ronald
                      Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas
                      Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole Brandon
                      Helen Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Frank Rachel Patrick
                      Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather Tyler Diane Aaron Ruth Jose Julie
                      Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria Zachary Kelly Peter Lauren Kyle Christina
                      Ethan Joan Walter Evelyn Noah Judith Jeremy Megan Christian Andrea Keith Cheryl Roger Hannah Priya
                      Jane Ben Amelia Tom Grace Wei Mei Arjun Sofia Lucas Mateo Chloe Yuki Hiro Omar Fatima Leila Ivan',
                      '\\s+') as first_names,
                      regexp_split_to_array('Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez
                      Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White
                      Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
                      Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans
                      Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez
                      Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks
                      Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long
                      Ross Foster Jimenez Park Raman Liu Connor Doe Schmidt Muller Rossi Russo Silva Santos Dubois Moreau
                      Laurent Novak Horvat Kowalski Nowak Jensen Hansen Larsen Berg Lindqvist Virtanen Tanaka Suzuki
                      Takahashi Watanabe Chen Wang Zhang Huang Zhao Singh Kumar Sharma Gupta Khan Ali Hassan Ahmed',
                      '\\s+') as last_names""");
            handle.execute("""
                    insert into companies (tenant_id, name, domain)
                    select crm_current_tenant(),
                           w.company_words[1 + n % array_length(w.company_words, 1)] || ' '
                             || w.company_words[1 + (n / array_length(w.company_words, 1)) % array_length(w.company_words, 1)]
                             || (array[' Corp', ' Systems', ' Labs', '', ' Group', ' Ltd'])[1 + (n / array_length(
                                 w.company_words, 1) ^ 2)::int % 6],
                           'c' || n || '.example'
                      from generate_series(0, 9999) n, bench_words w""");
            handle.execute("""
                    create temporary table bench_companies on commit drop as
                    select row_number() over (order by id) - 1 as n, id, domain from companies""");
            // Temporary tables get no statistics by themselves: without them the planner may join 100,000
            // generated rows to 10,000 companies in a nested loop, which takes tens of minutes on a busy machine.
            handle.execute("create index on bench_companies (n)");
            handle.execute("analyze bench_companies");
            handle.execute("analyze bench_words");
            handle.execute("""
                    insert into contacts (tenant_id, company_id, first_name, last_name, email, lifecycle_stage)
                    select crm_current_tenant(), bc.id, f, l, lower(f || '.' || l || g.i) || '@' || bc.domain,
                           (array['lead', 'qualified', 'customer', 'lost'])[1 + g.i % 4]
                      from generate_series(0, 99999) g(i)
                      cross join bench_words w
                      cross join lateral (select w.first_names[1 + (g.i::bigint * 7919) % array_length(w.first_names, 1)] as f,
                                                 w.last_names[1 + (g.i::bigint * 104729 / 7) % array_length(w.last_names, 1)] as l) names
                      join bench_companies bc on bc.n = g.i % 10000""");
            handle.execute("""
                    insert into deals (tenant_id, name, company_id, amount, stage)
                    select crm_current_tenant(), co.name || ' ' || (array['renewal', 'expansion', 'pilot', 'licence'])[1 + g.i % 4],
                           co.id, 1000 + g.i::bigint * 37 % 200000,
                           (array['prospecting', 'qualification', 'proposal', 'negotiation'])[1 + g.i % 4]
                      from generate_series(0, 19999) g(i) join bench_companies bc on bc.n = g.i % 10000
                      join companies co on co.id = bc.id""");
        });
    }
}
