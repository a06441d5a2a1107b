package io.intelligencecrm.scoring;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.ScoringSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.scoring.similarity.ClosedLeadNeighbours;
import io.intelligencecrm.scoring.similarity.TextSimilarityNeighbours;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Lead scoring's objects, built once by the composition root. Give {@link RescoreSubscriber} to the
 * change feed and {@link #rescoreHandler()} to the outbox dispatcher; close on shutdown.
 */
public record ScoringServices(ScoringService scoring, ScoreQueries queries, ScoreHistory history, RescoreJobs jobs,
                              RescoreHandler rescoreHandler, OutcomeWatch outcomes,
                              ExecutorService background)
        implements AutoCloseable {

    public static ScoringServices create(Database database, CoreServices core, ScoringSettings settings, Clock clock) {
        return create(database, core.directory(), core.changes(), settings, clock,
                new TextSimilarityNeighbours(database.tenants(), clock));
    }

    /** With another notion of similarity, e.g. pgvector embeddings from the knowledge module. */
    public static ScoringServices create(Database database, TenantDirectory directory, ChangeFeed changes,
                                         ScoringSettings settings, Clock clock, ClosedLeadNeighbours neighbours) {
        ScoringService scoring = new ScoringService(database.tenants(), directory, changes, neighbours,
                new TemplatedRationale(), clock);
        // Virtual threads: an idle instance holds no thread, and a run blocked on the database costs none.
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        RescoreJobs jobs = new RescoreJobs(scoring, database.tenants(), background);
        OutcomeWatch outcomes = new OutcomeWatch(scoring, jobs, Duration.ofSeconds(settings.retrainDelaySeconds()));
        return new ScoringServices(scoring, new ScoreQueries(database.tenants(), clock), new ScoreHistory(database.tenants()),
                jobs, new RescoreHandler(scoring, database.tenants(), outcomes), outcomes, background);
    }

    @Override
    public void close() {
        outcomes.close();
        background.shutdownNow();
        try {
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
