-- Every lifecycle stage a contact entered, and when. Lead scoring reads a closed lead as of the
-- moment before it closed, which needs to know when that was; the current stage alone cannot say.
create table contact_stage_history (
    tenant_id  uuid not null references tenants (id) on delete cascade,
    id         bigint generated always as identity,
    contact_id uuid not null,
    stage      text not null check (stage in ('lead', 'qualified', 'customer', 'lost')),
    entered_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete cascade
);
create index contact_stage_history_contact on contact_stage_history (tenant_id, contact_id, entered_at desc);
create index contact_stage_history_recent on contact_stage_history (tenant_id, entered_at);
select crm_isolate_tenant('contact_stage_history');

-- A trigger, so no write path (API, import, agent, workflow, bulk change) can forget it. A new contact
-- enters its first stage when it is created (a seeded or imported past keeps its creation time).
create function crm_record_stage_change() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        insert into contact_stage_history (tenant_id, contact_id, stage, entered_at)
        values (new.tenant_id, new.id, new.lifecycle_stage, new.created_at);
    elsif new.lifecycle_stage is distinct from old.lifecycle_stage then
        insert into contact_stage_history (tenant_id, contact_id, stage, entered_at)
        values (new.tenant_id, new.id, new.lifecycle_stage, now());
    end if;
    return null;
end
$$;
create trigger contacts_stage_history after insert or update of lifecycle_stage on contacts
    for each row execute function crm_record_stage_change();

-- Backfill what can be known: the first stage at creation (from the creation audit entry, else the
-- first audited change's old value, else the current stage), every audited change, and the current
-- stage at the last update when it was reached without an audit entry. Row-level security is lifted
-- for the owner while it runs: no tenant is set during a migration.
alter table contacts no force row level security;
alter table audit_log no force row level security;
alter table contact_stage_history no force row level security;

insert into contact_stage_history (tenant_id, contact_id, stage, entered_at)
select c.tenant_id, c.id,
       case when created.stage in ('lead', 'qualified', 'customer', 'lost') then created.stage
            when first_change.stage in ('lead', 'qualified', 'customer', 'lost') then first_change.stage
            else c.lifecycle_stage end,
       c.created_at
  from contacts c
  left join lateral (select a.diff ->> 'lifecycle_stage' as stage from audit_log a
                      where a.tenant_id = c.tenant_id and a.entity_type = 'contact' and a.entity_id = c.id
                        and a.action = 'contact.create' and jsonb_typeof(a.diff -> 'lifecycle_stage') = 'string'
                      order by a.occurred_at, a.id limit 1) created on true
  left join lateral (select a.diff -> 'lifecycle_stage' ->> 0 as stage from audit_log a
                      where a.tenant_id = c.tenant_id and a.entity_type = 'contact' and a.entity_id = c.id
                        and a.action = 'contact.update' and jsonb_typeof(a.diff -> 'lifecycle_stage') = 'array'
                      order by a.occurred_at, a.id limit 1) first_change on true;

insert into contact_stage_history (tenant_id, contact_id, stage, entered_at)
select a.tenant_id, a.entity_id, a.diff -> 'lifecycle_stage' ->> 1, a.occurred_at
  from audit_log a
  join contacts c on c.tenant_id = a.tenant_id and c.id = a.entity_id
 where a.entity_type = 'contact' and a.action = 'contact.update' and jsonb_typeof(a.diff -> 'lifecycle_stage') = 'array'
   and a.diff -> 'lifecycle_stage' ->> 1 in ('lead', 'qualified', 'customer', 'lost')
 order by a.occurred_at, a.id;

insert into contact_stage_history (tenant_id, contact_id, stage, entered_at)
select c.tenant_id, c.id, c.lifecycle_stage, greatest(c.updated_at, c.created_at)
  from contacts c
 where c.lifecycle_stage is distinct from (select h.stage from contact_stage_history h
                                             where h.tenant_id = c.tenant_id and h.contact_id = c.id
                                             order by h.entered_at desc, h.id desc limit 1);

alter table contacts force row level security;
alter table audit_log force row level security;
alter table contact_stage_history force row level security;

-- Custom attributes keep the column label they were imported under ("Page Views Per Visit" for
-- page_views_per_visit), so explanations and the model description speak the user's words.
create table contact_attribute_labels (
    tenant_id uuid not null references tenants (id) on delete cascade,
    name      text not null,
    label     text not null check (length(label) between 1 and 200),
    primary key (tenant_id, name)
);
select crm_isolate_tenant('contact_attribute_labels');

-- Values that mean "missing" in this tenant's data ("Select", "N/A", "-"): scoring treats them as empty.
create table missing_value_tokens (
    tenant_id uuid not null references tenants (id) on delete cascade,
    token     text not null check (length(token) between 1 and 100 and token = lower(btrim(token))),
    primary key (tenant_id, token)
);
select crm_isolate_tenant('missing_value_tokens');

-- A rescoring job reports its training phase too, not only the leads scored afterwards.
alter table scoring_jobs add column phase text not null default 'training'
    check (phase in ('training', 'scoring', 'finished'));
alter table scoring_jobs add column step text;
alter table scoring_jobs add column reason text;
