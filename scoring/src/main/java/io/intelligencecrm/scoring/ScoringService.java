package io.intelligencecrm.scoring;

import io.intelligencecrm.core.contact.AttributeVocabulary;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.scoring.model.BacktestReport;
import io.intelligencecrm.scoring.model.ColdStartPrior;
import io.intelligencecrm.scoring.model.LeadFacts;
import io.intelligencecrm.scoring.model.LeadModel;
import io.intelligencecrm.scoring.model.ModelTrainer;
import io.intelligencecrm.scoring.model.Outcome;
import io.intelligencecrm.scoring.model.Prediction;
import io.intelligencecrm.scoring.similarity.ClosedLeadNeighbours;
import io.intelligencecrm.scoring.similarity.Neighbour;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains each tenant's lead-scoring model from its closed leads and scores leads with it (or with
 * the cold-start prior until there is enough to learn from), storing every score with its evidence
 * and announcing score changes on the change feed as {@code ("contact", id, "scored", {"score": [old, new]})}.
 * Stateless apart from its collaborators; thread-safe.
 */
public final class ScoringService {
    private static final Logger log = LoggerFactory.getLogger(ScoringService.class);
    static final int SHOWN_FACTORS = 6;
    static final int SHOWN_NEIGHBOURS = 5;
    /** Below this backtest AUC the model barely beats guessing, and its scores say so. */
    static final double WEAK_AUC = 0.6;
    private static final int CHUNK = 2_000;
    /** Fewer outcome changes than this never retrain early, however small the tenant. */
    static final int MIN_OUTCOME_CHANGES = 10;

    private final TenantTransactions transactions;
    private final TenantDirectory directory;
    private final ChangeFeed changes;
    private final ClosedLeadNeighbours neighbours;
    private final ScoreRationale rationale;
    private final Clock clock;

    public ScoringService(TenantTransactions transactions, TenantDirectory directory, ChangeFeed changes,
                          ClosedLeadNeighbours neighbours, ScoreRationale rationale, Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.changes = changes;
        this.neighbours = neighbours;
        this.rationale = rationale;
        this.clock = clock;
    }

    /** Retrains the caller's tenant now; managers and admins. */
    public TrainingReport train(Actor actor) {
        Permissions.requireManager(actor, "retrain lead scoring");
        return trainTenant(actor.tenant());
    }

    /** The scheduled job: every tenant retrained and its open leads rescored; one tenant's failure stops no other. */
    public void trainAll() {
        for (TenantId tenant : directory.allTenantIds()) {
            try {
                trainTenant(tenant);
                rescoreOpenLeads(tenant, done -> { });
            } catch (RuntimeException e) {
                log.warn("Lead scoring training failed for tenant {}: {}", tenant, e.getMessage(), e);
            }
        }
    }

    public TrainingReport trainTenant(TenantId tenant) {
        return trainTenant(tenant, step -> { });
    }

    /**
     * Learns a new model from the tenant's closed leads, backtests it and stores it as the one in use.
     *
     * @param progress told each step as it is reached ("reading closed leads", "backtest: 3 of 6 fits done")
     */
    public TrainingReport trainTenant(TenantId tenant, Consumer<String> progress) {
        Instant now = clock.instant();
        progress.accept("reading closed leads");
        TrainingInput input = transactions.inTenant(tenant, handle -> new TrainingInput(
                LeadFactsReader.all(handle, now, LeadFactsReader.Which.CLOSED), AttributeVocabulary.missingTokens(handle),
                AttributeVocabulary.labels(handle)));
        List<LeadFacts> closed = input.closed();
        int won = won(closed);
        if (!ColdStartPrior.enoughToLearn(closed.size(), won)) return prior(closed, now);
        Set<UUID> ids = new HashSet<>();
        closed.forEach(lead -> ids.add(lead.contactId()));
        progress.accept("finding similar closed leads");
        // Three times as many as the model uses, so each backtest fold still finds enough among its training folds.
        Map<UUID, List<Neighbour>> similar = neighbours.nearest(tenant, ids, ids, 3 * ModelTrainer.NEIGHBOURS);
        progress.accept("fitting the model and its backtest");
        LeadModel trained = ModelTrainer.trainWithBacktest(closed, similar, input.missingTokens(), input.labels(), now,
                step -> progress.accept("fitting the model and its backtest: " + step));
        LeadModel stored = transactions.inTenant(tenant, handle -> {
            LeadModel numbered = trained.numbered(ModelStore.nextVersion(handle), trained.backtest());
            ModelStore.save(handle, numbered);
            return numbered;
        });
        return TrainingReport.of(stored);
    }

    private record TrainingInput(List<LeadFacts> closed, Set<String> missingTokens, Map<String, String> labels) {
    }

    /** The model the tenant's scores currently come from, with its backtest, features and what it left out. */
    public TrainingReport currentModel(Actor actor) {
        Instant now = clock.instant();
        return transactions.inTenant(actor.tenant(), handle -> ModelStore.latest(handle).map(TrainingReport::of)
                .orElseGet(() -> prior(LeadFactsReader.all(handle, now, LeadFactsReader.Which.CLOSED), null)));
    }

    /** The values this tenant declared as meaning "missing". */
    public List<String> missingValues(Actor actor) {
        return transactions.inTenant(actor.tenant(), handle -> List.copyOf(AttributeVocabulary.missingTokens(handle)));
    }

    /** Replaces the tenant's missing-value tokens (managers and admins); they count from the next training. */
    public List<String> declareMissingValues(Actor actor, List<String> tokens) {
        Permissions.requireManager(actor, "declare missing values");
        if (tokens.size() > AttributeVocabulary.MAX_TOKENS) {
            throw CrmException.invalid("values", "at most " + AttributeVocabulary.MAX_TOKENS + " values");
        }
        for (String token : tokens) {
            if (token != null && token.strip().length() > 100) throw CrmException.invalid("values", "at most 100 characters each");
        }
        return transactions.inTenant(actor.tenant(), handle -> {
            AttributeVocabulary.replaceMissingTokens(handle, tokens);
            return List.copyOf(AttributeVocabulary.missingTokens(handle));
        });
    }

    /**
     * Why the tenant's model should be retrained now rather than at the next scheduled run, if it
     * should: enough closed leads to learn from and no model yet, or at least a tenth of the closed
     * leads the model learned from (and {@link #MIN_OUTCOME_CHANGES}) were won, lost or reopened since.
     */
    public Optional<String> outcomeDrift(TenantId tenant) {
        Instant now = clock.instant();
        return transactions.inTenant(tenant, handle -> {
            Optional<ModelStore.Trained> model = ModelStore.latestTraining(handle);
            if (model.isEmpty()) {
                Map<UUID, Outcome> outcomes = LeadFactsReader.closedOutcomes(handle, now);
                long won = outcomes.values().stream().filter(outcome -> outcome == Outcome.WON).count();
                return ColdStartPrior.enoughToLearn(outcomes.size(), (int) won)
                        ? Optional.of("there are now " + outcomes.size() + " closed leads to learn from") : Optional.empty();
            }
            int changed = LeadFactsReader.outcomeChangesSince(handle, model.get().trainedAt());
            int threshold = Math.max(MIN_OUTCOME_CHANGES, (int) Math.ceil(0.1 * model.get().closedLeads()));
            return changed >= threshold ? Optional.of(changed + " leads were won, lost or reopened since the model was"
                    + " trained on " + model.get().closedLeads() + " closed leads") : Optional.empty();
        });
    }

    /** Scores one contact now, storing the score: any role that writes (viewers read the stored scores). */
    public ScoredLead score(Actor actor, UUID contactId) {
        Permissions.requireWriter(actor);
        return scoreContact(actor.tenant(), contactId);
    }

    /** Scores one live contact of the tenant now; not-found for anyone else's. */
    public ScoredLead scoreContact(TenantId tenant, UUID contactId) {
        Instant now = clock.instant();
        List<LeadFacts> facts = transactions.inTenant(tenant, handle -> LeadFactsReader.of(handle, now, List.of(contactId)));
        if (facts.isEmpty()) throw CrmException.notFound("Contact");
        return scoreAndStore(tenant, facts, context(tenant, now)).getFirst();
    }

    /**
     * Rescores the given contacts that are still leads or qualified (the incremental path after a
     * change); unknown, deleted, customer and lost ones are skipped.
     */
    public int rescore(TenantId tenant, Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) return 0;
        Instant now = clock.instant();
        List<LeadFacts> open = transactions.inTenant(tenant, handle -> LeadFactsReader.of(handle, now, contactIds))
                .stream().filter(LeadFacts::scorable).toList();
        return open.isEmpty() ? 0 : scoreAndStore(tenant, open, context(tenant, now)).size();
    }

    /** "Score my leads": rescores the caller's own open leads now. */
    public int scoreLeadsOf(Actor actor) {
        Permissions.requireWriter(actor);
        List<UUID> mine = transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select id from contacts
                         where owner_id = :owner and deleted_at is null and lifecycle_stage in ('lead', 'qualified')""")
                .bind("owner", actor.userId()).mapTo(UUID.class).list());
        return rescore(actor.tenant(), mine);
    }

    /**
     * Rescores every open lead of the tenant, reporting how many are done after each chunk. A chunk
     * is written while the next is computed, so the database and the model work side by side.
     */
    public int rescoreOpenLeads(TenantId tenant, IntConsumer progress) {
        Instant now = clock.instant();
        List<LeadFacts> open = transactions.inTenant(tenant,
                handle -> LeadFactsReader.all(handle, now, LeadFactsReader.Which.SCORABLE));
        Context context = context(tenant, now);
        CompletableFuture<Integer> written = CompletableFuture.completedFuture(0);
        try (ExecutorService writer = Executors.newSingleThreadExecutor()) {
            for (int from = 0; from < open.size(); from += CHUNK) {
                List<ScoredLead> scored = score(tenant, open.subList(from, Math.min(open.size(), from + CHUNK)), context);
                int before = written.join();
                progress.accept(before);
                written = CompletableFuture.supplyAsync(() -> {
                    store(tenant, scored);
                    return before + scored.size();
                }, writer);
            }
            int done = written.join();
            progress.accept(done);
            return done;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Scores and explains leads of the tenant without storing anything (checks over a whole tenant). */
    List<ScoredLead> explainAll(TenantId tenant, LeadFactsReader.Which which) {
        Instant now = clock.instant();
        List<LeadFacts> leads = transactions.inTenant(tenant, handle -> LeadFactsReader.all(handle, now, which));
        return score(tenant, leads, context(tenant, now));
    }

    /** How many open leads "rescore all" will go through. */
    public int openLeadCount(TenantId tenant) {
        Instant now = clock.instant();
        return transactions.inTenant(tenant, handle -> LeadFactsReader.countScorable(handle, now));
    }

    private record Context(LeadModel model, Map<UUID, Outcome> closed, Instant now) {
    }

    private Context context(TenantId tenant, Instant now) {
        return transactions.inTenant(tenant, handle -> {
            LeadModel model = ModelStore.latest(handle).orElse(null);
            return new Context(model, model == null ? Map.of() : LeadFactsReader.closedOutcomes(handle, now), now);
        });
    }

    private List<ScoredLead> scoreAndStore(TenantId tenant, List<LeadFacts> leads, Context context) {
        List<ScoredLead> scored = score(tenant, leads, context);
        store(tenant, scored);
        return scored;
    }

    /** Scores with explanations, without writing anything. */
    private List<ScoredLead> score(TenantId tenant, List<LeadFacts> leads, Context context) {
        LeadModel model = context.model();
        Map<UUID, List<Neighbour>> similar = model == null ? Map.of()
                : neighbours.nearest(tenant, leads.stream().map(LeadFacts::contactId).toList(), context.closed().keySet(),
                        model.neighbours());
        List<Prediction> predictions = new ArrayList<>(leads.size());
        Set<UUID> shownNeighbours = new HashSet<>();
        for (LeadFacts lead : leads) {
            List<Neighbour> near = similar.getOrDefault(lead.contactId(), List.of());
            predictions.add(model == null ? ColdStartPrior.predict(lead) : model.predict(lead, near, context.closed()));
            near.stream().limit(SHOWN_NEIGHBOURS).forEach(n -> shownNeighbours.add(n.contactId()));
        }
        Map<UUID, String> names = transactions.inTenant(tenant, handle -> NeighbourNames.of(handle, shownNeighbours));
        List<ScoredLead> scored = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            LeadFacts lead = leads.get(i);
            Prediction prediction = predictions.get(i);
            ScoreExplanation explanation = explanation(model, prediction,
                    similar.getOrDefault(lead.contactId(), List.of()), context.closed(), names, lead);
            explanation = explanation.withRationale(rationale.write(lead.name(), prediction.score(), explanation));
            scored.add(new ScoredLead(lead.contactId(), lead.name(), prediction.score(), explanation, context.now()));
        }
        return scored;
    }

    /** Appends the scores to the history and announces the ones that moved, in one transaction. */
    private void store(TenantId tenant, List<ScoredLead> scored) {
        transactions.useTenant(tenant, handle -> {
            List<RecordChange> moved = ScoreStore.store(handle, scored);
            if (!moved.isEmpty()) changes.publishAll(tenant, moved);
        });
    }

    private ScoreExplanation explanation(LeadModel model, Prediction prediction, List<Neighbour> near,
                                         Map<UUID, Outcome> closed, Map<UUID, String> names, LeadFacts lead) {
        List<SimilarLead> shown = new ArrayList<>();
        for (Neighbour neighbour : near) {
            if (shown.size() >= SHOWN_NEIGHBOURS) break;
            Outcome outcome = closed.get(neighbour.contactId());
            if (outcome == null) continue;
            shown.add(new SimilarLead(neighbour.contactId(), names.getOrDefault(neighbour.contactId(), "a closed lead"),
                    outcome.label(), Math.round(neighbour.similarity() * 1000) / 1000.0));
        }
        var factors = prediction.factors().stream().limit(SHOWN_FACTORS).toList();
        if (model == null) {
            return new ScoreExplanation(prediction.probability(), prediction.baseline(), "low", ColdStartPrior.VERSION,
                    "prior", factors, shown,
                    new ModelQuality(null, null, 0, 0, "not enough won and lost leads to learn from yet"), null);
        }
        BacktestReport backtest = model.backtest();
        boolean weak = backtest == null || backtest.auc() < WEAK_AUC;
        return new ScoreExplanation(prediction.probability(), prediction.baseline(), weak ? "low" : "normal",
                model.versionLabel(), "logistic", factors, shown, new ModelQuality(backtest == null ? null : backtest.auc(),
                backtest == null ? null : backtest.brier(), model.closedLeads(), model.wonLeads(),
                weak ? "the backtest shows the model barely beats guessing" : "learned from this team's closed leads"),
                null);
    }

    private static int won(List<LeadFacts> closed) {
        return (int) closed.stream().filter(lead -> lead.outcome() == Outcome.WON).count();
    }

    /** What the cold-start prior rests on, and what learning still waits for. */
    private static TrainingReport prior(List<LeadFacts> closed, Instant at) {
        int won = won(closed);
        return TrainingReport.prior(at, closed.size(), won,
                "learning starts at " + ColdStartPrior.MIN_CLOSED + " closed leads with at least " + ColdStartPrior.MIN_EACH
                        + " won and " + ColdStartPrior.MIN_EACH + " lost; there are " + closed.size() + " (" + won + " won)");
    }
}
