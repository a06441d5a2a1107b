-- The agent: read-only seats, proposals awaiting a person's approval, model token usage, and chat
-- memory windows over the stored conversation history.

-- Viewers read every record of the tenant and change nothing (the agent offers them no write tools).
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in ('admin', 'manager', 'rep', 'viewer'));
alter table api_keys drop constraint api_keys_role_check;
alter table api_keys add constraint api_keys_role_check check (role in ('admin', 'manager', 'rep', 'viewer'));

-- Messages stay for the conversation's history; those that slid out of the model's memory window are
-- marked, not deleted.
alter table messages add column evicted boolean not null default false;
create index messages_window on messages (tenant_id, conversation_id, id) where not evicted;

-- A side effect with reach (send, bulk change, delete, reassigning someone else's records) waits here
-- until its user approves it. The arguments executed are exactly the stored ones; the hash lets an
-- approval prove it saw them.
create table proposals (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    id              uuid not null default gen_random_uuid(),
    user_id         uuid not null,
    conversation_id uuid,
    action          text not null,
    arguments       jsonb not null,
    arguments_hash  text not null,
    summary         text not null,
    status          text not null default 'pending'
        check (status in ('pending', 'executing', 'executed', 'failed', 'rejected', 'expired')),
    outcome         jsonb,
    expires_at      timestamptz not null,
    created_at      timestamptz not null default now(),
    decided_at      timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id)
        on delete set null (conversation_id)
);
create index proposals_pending on proposals (tenant_id, user_id, created_at desc) where status = 'pending';
create index proposals_conversation on proposals (tenant_id, conversation_id, created_at);
select crm_isolate_tenant('proposals');

-- One row per model call, for per-tenant accounting and the daily token budget.
create table model_usage (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    id              bigint generated always as identity,
    user_id         uuid,
    conversation_id uuid,
    provider        text not null,
    model           text not null,
    input_tokens    integer not null default 0 check (input_tokens >= 0),
    output_tokens   integer not null default 0 check (output_tokens >= 0),
    created_at      timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index model_usage_recent on model_usage (tenant_id, created_at);
select crm_isolate_tenant('model_usage');
revoke update, delete, truncate on model_usage from ${app_role};
