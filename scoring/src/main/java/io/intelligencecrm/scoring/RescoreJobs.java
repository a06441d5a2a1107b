package io.intelligencecrm.scoring;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.logging.LogContext;
import io.intelligencecrm.core.metrics.CrmMetrics;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.jdbi.v3.core.mapper.RowMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrains and rescores every open lead of a tenant in the background; progress is written to
 * {@code scoring_jobs} at every training step and after each chunk of scored leads, so whoever
 * asked can watch it from any node.
 */
public final class RescoreJobs {
    private static final Logger log = LoggerFactory.getLogger(RescoreJobs.class);
    private static final RowMapper<RescoreJob> MAPPER = (rs, ctx) -> new RescoreJob(rs.getObject("id", UUID.class),
            rs.getString("status"), rs.getString("phase"), rs.getString("step"), rs.getInt("total"), rs.getInt("done"),
            rs.getString("error"), rs.getString("reason"), rs.getTimestamp("started_at").toInstant(),
            instant(rs.getTimestamp("finished_at")));

    private final ScoringService scoring;
    private final TenantTransactions transactions;
    private final ExecutorService executor;

    public RescoreJobs(ScoringService scoring, TenantTransactions transactions, ExecutorService executor) {
        this.scoring = scoring;
        this.transactions = transactions;
        this.executor = executor;
    }

    /** Starts a run unless one is already running for the tenant; managers and admins. */
    public RescoreJob start(Actor actor) {
        Permissions.requireManager(actor, "rescore every lead");
        return start(actor.tenant(), actor.userId(), "asked for");
    }

    /** Starts a run nobody asked for (outcomes changed a lot), unless one is already running. */
    public RescoreJob startAutomatic(TenantId tenant, String reason) {
        return start(tenant, null, reason);
    }

    private RescoreJob start(TenantId tenant, UUID requestedBy, String reason) {
        Started started = transactions.inTenant(tenant, handle -> {
            // One run at a time per tenant: a second request joins the run already going.
            handle.execute("select pg_advisory_xact_lock(hashtext('scoring_jobs:' || crm_current_tenant()::text))");
            return handle.createQuery("select * from scoring_jobs where status = 'running' order by started_at desc limit 1")
                    .map(MAPPER).findOne().map(running -> new Started(running, false))
                    .orElseGet(() -> new Started(handle.createQuery("""
                                    insert into scoring_jobs (tenant_id, requested_by, total, step, reason)
                                    values (crm_current_tenant(), :user, :total, 'waiting to start', :reason) returning *""")
                            .bind("user", requestedBy).bind("total", scoring.openLeadCount(tenant)).bind("reason", reason)
                            .map(MAPPER).one(), true));
        });
        if (started.isNew()) executor.submit(() -> run(tenant, started.job().id()));
        return started.job();
    }

    private record Started(RescoreJob job, boolean isNew) {
    }

    public RescoreJob get(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("select * from scoring_jobs where id = :id")
                .bind("id", id).map(MAPPER).findOne().orElseThrow(() -> CrmException.notFound("Rescoring job")));
    }

    private void run(TenantId tenant, UUID id) {
        try (var context = LogContext.with(LogContext.JOB, "rescoring", LogContext.RUN_ID, id.toString(),
                LogContext.TENANT_ID, tenant.value().toString())) {
            scoring.trainTenant(tenant, step -> update(tenant, id, "training", step, null, null, null));
            int done = scoring.rescoreOpenLeads(tenant,
                    progress -> update(tenant, id, "scoring", "scoring open leads", progress, null, null));
            update(tenant, id, "finished", "done", done, "succeeded", null);
            CrmMetrics.rescoringJob(true);
        } catch (RuntimeException e) {
            CrmMetrics.rescoringJob(false);
            log.warn("Rescoring job {} of tenant {} failed: {}", id, tenant, e.getMessage(), e);
            update(tenant, id, "finished", "stopped", null, "failed", "Rescoring stopped: " + e.getMessage());
        }
    }

    private void update(TenantId tenant, UUID id, String phase, String step, Integer done, String status, String error) {
        transactions.useTenant(tenant, handle -> handle.createUpdate("""
                        update scoring_jobs
                           set phase = :phase, step = :step,
                               done = coalesce(cast(:done as integer), done),
                               status = coalesce(cast(:status as text), status), error = cast(:error as text),
                               total = greatest(total, coalesce(cast(:done as integer), done)),
                               finished_at = case when cast(:status as text) is null then null else now() end
                         where id = :id""")
                .bind("phase", phase).bind("step", step)
                .bind("done", done).bind("status", status).bind("error", error).bind("id", id).execute());
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
