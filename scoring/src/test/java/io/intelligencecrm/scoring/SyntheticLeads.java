package io.intelligencecrm.scoring;

import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.contact.StageHistory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.scoring.model.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Leads with a known ground truth: each lead's hidden probability of converting is a logistic
 * function of its fields (source, seniority, free mail, country), its CSV-style custom attributes
 * (company size with a sweet spot, plan interest, segment; one attribute is pure noise), its
 * engagement (inbound messages, meetings, silence) and the topic its conversations are about,
 * which only shows in their words. Closed leads get an outcome drawn from that probability, so the
 * best any model can do is the AUC of the hidden probabilities themselves.
 */
public final class SyntheticLeads {
    private static final String[] SOURCES = {"referral", "partner", "webinar", "website", "trade show", "cold outreach"};
    private static final double[] SOURCE_EFFECT = {0.9, 0.5, 0.2, 0.0, -0.1, -0.7};
    private static final String[] TITLES = {"CEO", "Founder", "VP Sales", "VP Engineering", "Head of Marketing",
            "Director of IT", "Engineering Manager", "Sales Manager", "Software Engineer", "Analyst",
            "Marketing Specialist", "Intern"};
    private static final double[] TITLE_EFFECT = {0.8, 0.8, 0.6, 0.6, 0.4, 0.4, 0.1, 0.1, -0.2, -0.2, -0.2, -0.8};
    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "BR", "IN"};
    private static final double[] COUNTRY_EFFECT = {0.1, 0.0, 0.1, -0.1, -0.3, -0.2};
    private static final String[] PLANS = {"starter", "growth", "enterprise"};
    private static final double[] PLAN_EFFECT = {-0.3, 0.2, 0.5};
    private static final String[] SEGMENTS = {"retail", "fintech", "health", "logistics", "media", "energy",
            "education", "public"};
    private static final double[] SEGMENT_EFFECT = {-0.3, 0.3, 0.2, 0.0, -0.2, 0.1, -0.1, -0.3};
    private static final String[] COLOURS = {"red", "green", "blue", "yellow"};
    private static final String[][] TOPICS = {
            {"pricing", "quote", "discount", "licence", "seats", "invoice", "contract", "procurement"},
            {"integration", "api", "webhook", "sync", "connector", "sandbox", "endpoint", "export"},
            {"security", "sso", "audit", "compliance", "encryption", "gdpr", "soc2", "pentest"},
            {"freeze", "budget", "postponed", "cuts", "hiring", "layoffs", "cashflow", "delay"},
            {"browsing", "curious", "student", "research", "newsletter", "blog", "article", "someday"},
            {"competitor", "incumbent", "switching", "comparison", "alternative", "migration", "renewal", "lockin"}};
    private static final double[] TOPIC_EFFECT = {0.8, 0.5, 0.3, -1.0, -0.9, -0.3};
    private static final String[] FILLER = ("thanks call meeting follow week team update next good time question "
            + "regarding product demo chat monday friday morning afternoon share notes agenda plan review project "
            + "details send slides deck calendar invite confirm reply message checking again hope well earlier "
            + "mentioned office colleague manager board quarter year goals priorities process").split(" ");
    private static final double INTERCEPT = -1.25;

    /** @param truth hidden probability of every lead; {@code won} outcomes of the closed ones */
    public record Result(Map<UUID, Double> truth, Map<UUID, Boolean> won, List<UUID> open, List<UUID> closed) {

        /** The AUC of the hidden probabilities on the closed leads: the best any model can reach. */
        public double optimalAuc() {
            return hiddenAuc(truth, won, closed);
        }
    }

    private final Random random;
    private final Instant now;

    public SyntheticLeads(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    /** Writes {@code open} open and {@code closed} closed leads into the tenant, with their interactions. */
    public Result generate(TenantTransactions transactions, TenantId tenant, int open, int closed) {
        Map<UUID, Double> truth = new HashMap<>();
        Map<UUID, Boolean> won = new HashMap<>();
        List<UUID> openIds = new ArrayList<>();
        List<UUID> closedIds = new ArrayList<>();
        ContactRows contacts = new ContactRows();
        InteractionRows interactions = new InteractionRows();
        String run = Long.toString(Math.abs(random.nextLong()), 36);
        for (int i = 0; i < open + closed; i++) {
            boolean isClosed = i < closed;
            UUID id = UUID.randomUUID();
            Instant end = isClosed ? now.minus(Duration.ofHours(24 + random.nextInt(24 * 200))) : now;
            double logit = INTERCEPT;
            int source = random.nextInt(SOURCES.length);
            int title = random.nextInt(TITLES.length);
            int country = random.nextInt(COUNTRIES.length);
            boolean freeMail = random.nextDouble() < 0.25;
            double employees = Math.round(Math.pow(10, 0.7 + random.nextDouble() * 3.6));
            int plan = random.nextInt(PLANS.length);
            int segment = random.nextInt(SEGMENTS.length);
            int topic = random.nextInt(TOPICS.length);
            logit += SOURCE_EFFECT[source] + TITLE_EFFECT[title] + COUNTRY_EFFECT[country] + (freeMail ? -0.6 : 0)
                    + 0.5 - 0.25 * Math.pow(Math.log10(employees) - 2.5, 2) + PLAN_EFFECT[plan]
                    + SEGMENT_EFFECT[segment] + TOPIC_EFFECT[topic];

            double interest = random.nextGaussian();
            int inbound30 = poisson(0.8 * Math.exp(0.6 * interest));
            int meetings = poisson(0.3 * Math.exp(0.7 * interest));
            int older = poisson(1.0 + 0.5 * Math.exp(0.3 * interest));
            int outbound30 = poisson(1.0);
            // The first conversation, about the lead's topic, is there for everyone.
            List<Instant> times = new ArrayList<>();
            Instant first = end.minus(Duration.ofHours(1 + random.nextInt(24 * 120)));
            interactions.add(id, "note", "internal", topicText(topic, 8), first);
            times.add(first);
            for (int k = 0; k < inbound30; k++) times.add(interactions.add(id, "email", "inbound", topicText(topic, 4),
                    end.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 30)))));
            for (int k = 0; k < outbound30; k++) times.add(interactions.add(id, "email", "outbound", fillerText(10),
                    end.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 30)))));
            for (int k = 0; k < meetings; k++) times.add(interactions.add(id, "meeting", "outbound", topicText(topic, 3),
                    end.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 90)))));
            for (int k = 0; k < older; k++) times.add(interactions.add(id, "call", "outbound", fillerText(10),
                    end.minus(Duration.ofMinutes(60 * 24 * 30 + random.nextInt(60 * 24 * 60)))));
            Instant last = times.stream().max(Instant::compareTo).orElseThrow();
            double silenceDays = Duration.between(last, end).toMinutes() / 1440.0;
            logit += 0.7 * Math.log1p(inbound30) + 0.6 * Math.log1p(meetings) - 0.25 * Math.log1p(silenceDays);
            double p = 1 / (1 + Math.exp(-logit));
            truth.put(id, p);
            String stage;
            if (isClosed) {
                boolean converted = random.nextDouble() < p;
                won.put(id, converted);
                closedIds.add(id);
                stage = converted ? "customer" : "lost";
            } else {
                openIds.add(id);
                stage = random.nextBoolean() ? "lead" : "qualified";
            }
            Map<String, Object> custom = Map.of("employees", (long) employees, "plan_interest", PLANS[plan],
                    "segment", SEGMENTS[segment], "favourite_colour", COLOURS[random.nextInt(COLOURS.length)]);
            String email = "lead" + i + "." + run + "@" + (freeMail ? "gmail.com" : "company" + random.nextInt(5000) + ".example");
            contacts.add(id, "Lead", "Number " + i, email, TITLES[title], stage, SOURCES[source], COUNTRIES[country],
                    custom, first.minus(Duration.ofDays(1)), end);
        }
        contacts.insert(transactions, tenant);
        interactions.insert(transactions, tenant);
        contacts.closeInThePast(transactions, tenant);
        return new Result(truth, won, openIds, closedIds);
    }

    private String topicText(int topic, int topicWords) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < topicWords; w++) text.append(TOPICS[topic][random.nextInt(TOPICS[topic].length)]).append(' ');
        return text.append(fillerText(8)).toString();
    }

    private String fillerText(int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) text.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
        return text.toString().strip();
    }

    /** The AUC of hidden probabilities against the outcomes drawn from them, over the given leads. */
    static <K> double hiddenAuc(Map<K, Double> truth, Map<K, Boolean> won, List<K> leads) {
        double[] predicted = new double[leads.size()];
        boolean[] outcomes = new boolean[leads.size()];
        for (int i = 0; i < leads.size(); i++) {
            predicted[i] = truth.get(leads.get(i));
            outcomes[i] = won.get(leads.get(i));
        }
        return Metrics.auc(predicted, outcomes);
    }

    private int poisson(double lambda) {
        return poisson(random, lambda);
    }

    static int poisson(Random random, double lambda) {
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Column arrays inserted with one unnest per chunk: far faster than row-by-row inserts. */
    private static final class ContactRows {
        private final List<Object[]> rows = new ArrayList<>();

        void add(UUID id, String first, String last, String email, String title, String stage, String source,
                 String country, Map<String, Object> custom, Instant created, Instant updated) {
            rows.add(new Object[] {id, first, last, email, title, stage, source, country,
                    io.intelligencecrm.core.json.Json.mapper().valueToTree(custom).toString(), created.toString(),
                    updated.toString()});
        }

        void insert(TenantTransactions transactions, TenantId tenant) {
            for (int from = 0; from < rows.size(); from += 10_000) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 10_000));
                transactions.useTenant(tenant, handle -> handle.createUpdate("""
                                insert into contacts (tenant_id, id, first_name, last_name, email, title, lifecycle_stage,
                                                      source, country, custom, created_at, updated_at)
                                select crm_current_tenant(), id, f, l, e, t, s, src, c, cast(j as jsonb),
                                       cast(cr as timestamptz), cast(up as timestamptz)
                                  from unnest(:ids, :first, :last, :email, :title, :stage, :source, :country, :custom,
                                              :created, :updated) as r(id, f, l, e, t, s, src, c, j, cr, up)""")
                        .bind("ids", column(chunk, 0, UUID[]::new))
                        .bind("first", column(chunk, 1, String[]::new))
                        .bind("last", column(chunk, 2, String[]::new))
                        .bind("email", column(chunk, 3, String[]::new))
                        .bind("title", column(chunk, 4, String[]::new))
                        .bind("stage", column(chunk, 5, String[]::new))
                        .bind("source", column(chunk, 6, String[]::new))
                        .bind("country", column(chunk, 7, String[]::new))
                        .bind("custom", column(chunk, 8, String[]::new))
                        .bind("created", column(chunk, 9, String[]::new))
                        .bind("updated", column(chunk, 10, String[]::new))
                        .execute());
            }
        }

        /** Closed leads were leads from their creation until they closed (their last update). */
        void closeInThePast(TenantTransactions transactions, TenantId tenant) {
            List<StageHistory.Entry> history = new ArrayList<>();
            for (Object[] row : rows) {
                LifecycleStage stage = LifecycleStage.valueOf(((String) row[5]).toUpperCase(java.util.Locale.ROOT));
                if (stage != LifecycleStage.CUSTOMER && stage != LifecycleStage.LOST) continue;
                history.add(new StageHistory.Entry((UUID) row[0], LifecycleStage.LEAD, Instant.parse((String) row[9])));
                history.add(new StageHistory.Entry((UUID) row[0], stage, Instant.parse((String) row[10])));
            }
            for (int from = 0; from < history.size(); from += 20_000) {
                List<StageHistory.Entry> chunk = history.subList(from, Math.min(history.size(), from + 20_000));
                transactions.useTenant(tenant, handle -> StageHistory.replace(handle, chunk));
            }
        }
    }

    private static final class InteractionRows {
        private final List<Object[]> rows = new ArrayList<>();

        Instant add(UUID contact, String type, String direction, String content, Instant at) {
            rows.add(new Object[] {contact, type, direction, content, at.toString()});
            return at;
        }

        void insert(TenantTransactions transactions, TenantId tenant) {
            for (int from = 0; from < rows.size(); from += 20_000) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 20_000));
                transactions.useTenant(tenant, handle -> handle.createUpdate("""
                                insert into interactions (tenant_id, contact_id, type, direction, content, occurred_at)
                                select crm_current_tenant(), c, t, d, x, cast(o as timestamptz)
                                  from unnest(:contacts, :types, :directions, :contents, :at) as r(c, t, d, x, o)""")
                        .bind("contacts", column(chunk, 0, UUID[]::new))
                        .bind("types", column(chunk, 1, String[]::new))
                        .bind("directions", column(chunk, 2, String[]::new))
                        .bind("contents", column(chunk, 3, String[]::new))
                        .bind("at", column(chunk, 4, String[]::new))
                        .execute());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int index, java.util.function.IntFunction<T[]> array) {
        T[] values = array.apply(rows.size());
        for (int i = 0; i < rows.size(); i++) values[i] = (T) rows.get(i)[index];
        return values;
    }
}
