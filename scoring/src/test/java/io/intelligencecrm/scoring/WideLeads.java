package io.intelligencecrm.scoring;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.ScoringSettings;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.contact.transfer.ContactImport;
import io.intelligencecrm.core.contact.transfer.ImportReport;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.scoring.model.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tenant filled the way a team moving in fills one: {@link LeadCsv} web leads imported through the
 * CSV import, "Select" declared as missing, outcomes recorded on some rows and the rest left open.
 */
public final class WideLeads {
    /** The columns {@link LeadCsv} writes as custom attributes before any extra ones. */
    public static final int OWN_ATTRIBUTES = 29;

    /** @param rows every imported row; {@code seconds} the import took */
    public record Loaded(Database database, TenantId tenant, Actor manager, CoreServices core, ScoringServices scoring,
                         LeadCsv.Generated truth, int rows, double seconds) {

        /** The AUC of the open leads' stored scores against the outcomes drawn for them but never imported. */
        public double heldOutAuc() {
            Map<String, Double> scores = new HashMap<>();
            database.tenants().useTenant(tenant, handle -> handle.createQuery(
                            "select email, score from contacts where score is not null and lifecycle_stage = 'lead'")
                    .setFetchSize(5_000)
                    .map((rs, ctx) -> Map.entry(rs.getString("email"), rs.getDouble("score")))
                    .forEach(entry -> scores.put(entry.getKey(), entry.getValue())));
            List<String> open = truth.open();
            double[] predicted = new double[open.size()];
            boolean[] won = new boolean[open.size()];
            for (int i = 0; i < open.size(); i++) {
                predicted[i] = scores.getOrDefault(open.get(i), -1.0);
                won[i] = truth.won().get(open.get(i));
            }
            return Metrics.auc(predicted, won);
        }
    }

    private WideLeads() {
    }

    /** @param attributes custom attributes per lead, at least {@link #OWN_ATTRIBUTES} */
    public static Loaded load(Database database, Clock clock, String slug, int rows, double closedShare, int attributes,
                              long seed) {
        return load(database, clock, slug, rows, closedShare, attributes, seed, List.of("Select"));
    }

    /** @param missingValues cell values the import is told mean missing */
    public static Loaded load(Database database, Clock clock, String slug, int rows, double closedShare, int attributes,
                              long seed, List<String> missingValues) {
        return load(database, clock, slug, rows, closedShare, attributes, seed, missingValues, 0);
    }

    /**
     * @param rowOrder 0 imports the rows in the order generated; any other value shuffles them with
     *                 it as seed (the same leads arriving in another order)
     */
    public static Loaded load(Database database, Clock clock, String slug, int rows, double closedShare, int attributes,
                              long seed, List<String> missingValues, long rowOrder) {
        CoreServices core = CoreServices.create(database, Settings.from(Map.of()), clock, List.of(), List.of(),
                InvitationSender.NONE, SessionRevocations.NONE);
        ScoringServices scoring = ScoringServices.create(database, core, new ScoringSettings(24, false, false), clock);
        TenantId tenant = TestTenants.create(database, slug).tenantId();
        User boss = new UserRepository(database.tenants()).create(tenant, "boss@" + slug + ".example", "Boss",
                Role.MANAGER, "UTC", null);
        Actor manager = Actor.user(tenant, boss.id(), Role.MANAGER);
        LeadCsv.Generated generated = new LeadCsv(seed).generate(rows, attributes - OWN_ATTRIBUTES, closedShare, slug);
        String csv = rowOrder == 0 ? generated.csv() : shuffled(generated.csv(), rowOrder);
        long start = System.nanoTime();
        ImportReport report = core.contactImport().run(manager, csv, Map.of(), missingValues, false,
                ContactImport.OnDuplicate.SKIP);
        if (report.created() != rows) throw new IllegalStateException("import created " + report.created() + ": " + report);
        return new Loaded(database, tenant, manager, core, scoring, generated, rows, (System.nanoTime() - start) / 1e9);
    }

    /** The header, then the rows in another order ({@link LeadCsv} writes one line per row). */
    private static String shuffled(String csv, long seed) {
        List<String> lines = new ArrayList<>(List.of(csv.split("\n")));
        Collections.shuffle(lines.subList(1, lines.size()), new Random(seed));
        return String.join("\n", lines) + "\n";
    }
}
