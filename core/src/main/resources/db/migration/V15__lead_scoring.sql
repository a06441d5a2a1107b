-- A tenant's lead-scoring model: learned from its own won and lost leads, one row per training.
-- The newest row is the model in use; older ones stay so a score's model_version can be explained.
create table scoring_models (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    version         integer not null check (version > 0),
    kind            text not null check (kind in ('logistic', 'prior')),
    trained_at      timestamptz not null default now(),
    closed_leads    integer not null check (closed_leads >= 0),
    won_leads       integer not null check (won_leads >= 0),
    -- evidence tables, feature scaling and coefficients: everything needed to score and explain
    parameters      jsonb not null,
    -- AUC, Brier score and calibration table of the cross-validated backtest; {} for the prior
    backtest        jsonb not null default '{}',
    primary key (tenant_id, version)
);
select crm_isolate_tenant('scoring_models');

-- "Rescore all" runs in the background; its progress is read here by whoever asked.
create table scoring_jobs (
    tenant_id    uuid not null references tenants (id) on delete cascade,
    id           uuid not null default gen_random_uuid(),
    requested_by uuid,
    status       text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
    total        integer not null default 0,
    done         integer not null default 0,
    error        text,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, requested_by) references users (tenant_id, id) on delete set null (requested_by)
);
select crm_isolate_tenant('scoring_jobs');


-- Rescoring writes thousands of scores in one statement: copy the latest of each contact onto the
-- contact once per statement instead of once per row (same result as V11's row trigger).
drop trigger lead_scores_copy_latest on lead_scores;
create function crm_copy_latest_scores() returns trigger
    language plpgsql
as $$
begin
    update contacts c
       set score = latest.score, score_calculated_at = latest.calculated_at
      from (select distinct on (tenant_id, contact_id) tenant_id, contact_id, score, calculated_at
              from inserted
             order by tenant_id, contact_id, calculated_at desc) latest
     where c.tenant_id = latest.tenant_id and c.id = latest.contact_id
       and (c.score_calculated_at is null or c.score_calculated_at <= latest.calculated_at);
    return null;
end
$$;
create trigger lead_scores_copy_latest after insert on lead_scores
    referencing new table as inserted
    for each statement execute function crm_copy_latest_scores();
