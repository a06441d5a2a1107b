-- When each deal entered its current stage, for "days in stage" on the pipeline board. Set on insert,
-- and by a trigger whenever the stage changes, whichever path writes (API, agent, workflow, import).
alter table deals add column stage_changed_at timestamptz;
-- The owner runs migrations with no tenant set; under forced row-level security the backfill would
-- see no deal and the not-null below would fail on any database that has deals.
alter table deals no force row level security;
update deals set stage_changed_at = coalesce(closed_at, updated_at);
alter table deals force row level security;
alter table deals alter column stage_changed_at set default now();
alter table deals alter column stage_changed_at set not null;

create function crm_deal_stage_changed() returns trigger language plpgsql as $$
begin
    if new.stage is distinct from old.stage then
        new.stage_changed_at := now();
    end if;
    return new;
end
$$;
create trigger deals_stage_changed before update of stage on deals
    for each row execute function crm_deal_stage_changed();
