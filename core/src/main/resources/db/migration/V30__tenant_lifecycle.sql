-- Tenant lifecycle. A suspended tenant keeps its data but nobody signs in and no token or key works.
alter table tenants add column suspended_at timestamptz;

-- The operator's record of provisioning, suspension, import and deletion. It outlives the tenants it
-- names (no foreign key): after a deletion it is the proof of what was removed, when and by whom, and
-- holds only the tenant's id, slug and row counts, none of its records. Operators only.
create table tenant_events (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    -- Not named tenant_id: this is no tenant's table (no row-level security; operators only).
    subject_id  uuid not null,
    tenant_slug text not null,
    action      text not null check (action in ('create', 'suspend', 'resume', 'import', 'export', 'delete')),
    actor       text not null,
    detail      jsonb not null default '{}'
);
create index tenant_events_subject on tenant_events (subject_id, occurred_at);
revoke all on tenant_events from ${app_role};

-- An admin may withdraw an invitation; its link then stops working.
alter table invitations add column revoked_at timestamptz;

-- A suspended tenant is also out of reach of Slack and mail to its bot, and its queued side effects
-- (mail, embeddings, workflow steps) wait until it is resumed. Same functions as V3, V19 and V20,
-- with suspended tenants left out.
create or replace function crm_outbox_due_tenants(kinds text[]) returns setof uuid
    language sql stable security definer
    set search_path = public
as $$
    select distinct o.tenant_id
      from outbox o
     where o.kind = any(kinds) and o.status in ('pending', 'processing') and o.available_at <= now()
       and not exists (select 1 from tenants t where t.id = o.tenant_id and t.suspended_at is not null)
$$;

create or replace function crm_slack_team_tenant(team text) returns uuid
    language sql stable security definer
    set search_path = public
as $$
    select w.tenant_id from slack_workspaces w
     where w.team_id = team
       and not exists (select 1 from tenants t where t.id = w.tenant_id and t.suspended_at is not null)
$$;

create or replace function crm_slack_connected_tenants() returns setof uuid
    language sql stable security definer
    set search_path = public
as $$
    select w.tenant_id from slack_workspaces w
     where not exists (select 1 from tenants t where t.id = w.tenant_id and t.suspended_at is not null)
     order by w.connected_at desc
$$;

create or replace function crm_email_bot_tenant(bot_address text) returns uuid
    language sql stable security definer
    set search_path = public
as $$
    select s.tenant_id from email_bot_settings s
     where s.address = lower(bot_address)
       and not exists (select 1 from tenants t where t.id = s.tenant_id and t.suspended_at is not null)
$$;
