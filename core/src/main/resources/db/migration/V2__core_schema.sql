-- Tenants are the directory the login resolves before any tenant is known: readable by the
-- app role, changed only by provisioning (owner) or by the tenant itself.
create table tenants (
    id         uuid primary key default gen_random_uuid(),
    slug       text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name       text not null check (length(name) between 1 and 200),
    domain     text unique,
    settings   jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
alter table tenants enable row level security;
alter table tenants force row level security;
create policy tenants_directory on tenants for select using (true);
create policy tenants_self_update on tenants for update
    using (id = crm_current_tenant()) with check (id = crm_current_tenant());
-- Provisioning runs as the owner (the migrating role), which RLS is forced on too.
create policy tenants_provisioning on tenants for all to current_user using (true) with check (true);
revoke insert, delete on tenants from ${app_role};
create trigger tenants_touch before update on tenants for each row execute function crm_touch_updated_at();

create table users (
    tenant_id     uuid not null references tenants (id) on delete cascade,
    id            uuid not null default gen_random_uuid(),
    email         text not null check (email ~ '^[^@\s]+@[^@\s]+$'),
    full_name     text not null default '',
    password_hash text,
    role          text not null check (role in ('admin', 'manager', 'rep')),
    timezone      text not null default 'UTC',
    active        boolean not null default true,
    last_login_at timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index users_email on users (tenant_id, lower(email));
select crm_isolate_tenant('users');
create trigger users_touch before update on users for each row execute function crm_touch_updated_at();

create table companies (
    tenant_id  uuid not null references tenants (id) on delete cascade,
    id         uuid not null default gen_random_uuid(),
    name       text not null check (length(name) between 1 and 300),
    domain     text,
    industry   text,
    size_band  text,
    country    text,
    website    text,
    owner_id   uuid,
    custom     jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users (tenant_id, id) on delete set null (owner_id)
);
create index companies_name_trgm on companies using gin (lower(name) gin_trgm_ops);
create index companies_domain on companies (tenant_id, lower(domain)) where domain is not null;
create index companies_page on companies (tenant_id, created_at desc, id desc);
select crm_isolate_tenant('companies');
create trigger companies_touch before update on companies for each row execute function crm_touch_updated_at();

create table contacts (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    id              uuid not null default gen_random_uuid(),
    company_id      uuid,
    owner_id        uuid,
    first_name      text not null default '' check (length(first_name) <= 200),
    last_name       text not null default '' check (length(last_name) <= 200),
    email           text check (email ~ '^[^@\s]+@[^@\s]+$'),
    phone           text,
    title           text,
    lifecycle_stage text not null default 'lead' check (lifecycle_stage in ('lead', 'qualified', 'customer', 'lost')),
    source          text,
    country         text,
    custom          jsonb not null default '{}',
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    deleted_at      timestamptz,
    search_text     text generated always as (
        lower(first_name || ' ' || last_name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, ''))) stored,
    primary key (tenant_id, id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id) on delete set null (company_id),
    foreign key (tenant_id, owner_id) references users (tenant_id, id) on delete set null (owner_id),
    check (first_name <> '' or last_name <> '' or email is not null)
);
create unique index contacts_email on contacts (tenant_id, lower(email)) where email is not null and deleted_at is null;
create index contacts_search_trgm on contacts using gin (search_text gin_trgm_ops);
create index contacts_page_created on contacts (tenant_id, created_at desc, id desc);
create index contacts_page_updated on contacts (tenant_id, updated_at desc, id desc);
create index contacts_owner on contacts (tenant_id, owner_id, created_at desc);
create index contacts_company on contacts (tenant_id, company_id);
create index contacts_stage on contacts (tenant_id, lifecycle_stage, created_at desc);
create index contacts_custom on contacts using gin (custom jsonb_path_ops);
select crm_isolate_tenant('contacts');
create trigger contacts_touch before update on contacts for each row execute function crm_touch_updated_at();

create table deals (
    tenant_id           uuid not null references tenants (id) on delete cascade,
    id                  uuid not null default gen_random_uuid(),
    name                text not null check (length(name) between 1 and 300),
    contact_id          uuid,
    company_id          uuid,
    owner_id            uuid,
    stage               text not null default 'prospecting'
        check (stage in ('prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost')),
    amount              numeric(14, 2) not null default 0 check (amount >= 0),
    currency            char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    expected_close_date date,
    closed_at           timestamptz,
    lost_reason         text,
    description         text,
    custom              jsonb not null default '{}',
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    deleted_at          timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete set null (contact_id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id) on delete set null (company_id),
    foreign key (tenant_id, owner_id) references users (tenant_id, id) on delete set null (owner_id),
    check ((stage in ('won', 'lost')) = (closed_at is not null))
);
create index deals_stage on deals (tenant_id, stage, expected_close_date);
create index deals_contact on deals (tenant_id, contact_id);
create index deals_company on deals (tenant_id, company_id);
create index deals_owner on deals (tenant_id, owner_id);
create index deals_page on deals (tenant_id, created_at desc, id desc);
select crm_isolate_tenant('deals');
create trigger deals_touch before update on deals for each row execute function crm_touch_updated_at();

create table interactions (
    tenant_id   uuid not null references tenants (id) on delete cascade,
    id          uuid not null default gen_random_uuid(),
    contact_id  uuid not null,
    deal_id     uuid,
    type        text not null check (type in ('note', 'call', 'email', 'meeting', 'chat', 'sms')),
    direction   text not null default 'internal' check (direction in ('inbound', 'outbound', 'internal')),
    subject     text,
    content     text not null default '' check (length(content) <= 100000),
    occurred_at timestamptz not null default now(),
    author_id   uuid,
    metadata    jsonb not null default '{}',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    deleted_at  timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete cascade,
    foreign key (tenant_id, deal_id) references deals (tenant_id, id) on delete set null (deal_id),
    foreign key (tenant_id, author_id) references users (tenant_id, id) on delete set null (author_id)
);
create index interactions_recent on interactions (tenant_id, contact_id, occurred_at desc);
create index interactions_timeline on interactions (tenant_id, occurred_at desc, id desc);
create index interactions_content_fts on interactions
    using gin (to_tsvector('english', coalesce(subject, '') || ' ' || content));
select crm_isolate_tenant('interactions');
create trigger interactions_touch before update on interactions for each row execute function crm_touch_updated_at();

-- History is kept: one row per scoring, the latest is the current score.
create table lead_scores (
    tenant_id     uuid not null references tenants (id) on delete cascade,
    id            uuid not null default gen_random_uuid(),
    contact_id    uuid not null,
    score         numeric(5, 2) not null check (score between 0 and 100),
    metadata      jsonb not null default '{}',
    model_version text not null,
    calculated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete cascade
);
create index lead_scores_latest on lead_scores (tenant_id, contact_id, calculated_at desc);
select crm_isolate_tenant('lead_scores');

create table workflows (
    tenant_id  uuid not null references tenants (id) on delete cascade,
    id         uuid not null default gen_random_uuid(),
    owner_id   uuid not null,
    name       text not null check (length(name) between 1 and 200),
    definition jsonb not null,
    version    integer not null default 1,
    active     boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users (tenant_id, id) on delete cascade
);
select crm_isolate_tenant('workflows');
create trigger workflows_touch before update on workflows for each row execute function crm_touch_updated_at();

create table workflow_runs (
    tenant_id        uuid not null references tenants (id) on delete cascade,
    id               uuid not null default gen_random_uuid(),
    workflow_id      uuid not null,
    workflow_version integer not null,
    status           text not null default 'running'
        check (status in ('running', 'waiting', 'succeeded', 'failed', 'cancelled')),
    trigger_event    jsonb not null default '{}',
    steps            jsonb not null default '[]',
    error            text,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, workflow_id) references workflows (tenant_id, id) on delete cascade
);
create index workflow_runs_recent on workflow_runs (tenant_id, workflow_id, started_at desc);
select crm_isolate_tenant('workflow_runs');

-- Side effects (mail, embeddings, rescoring) are written here in the same transaction as the
-- change that causes them, and delivered afterwards by dispatchers: nothing lost, nothing twice.
create table outbox (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    id              bigint generated always as identity,
    kind            text not null,
    payload         jsonb not null default '{}',
    idempotency_key text not null,
    status          text not null default 'pending'
        check (status in ('pending', 'processing', 'done', 'failed', 'cancelled')),
    attempts        integer not null default 0,
    available_at    timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    processed_at    timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, idempotency_key)
);
create index outbox_due on outbox (tenant_id, kind, available_at) where status = 'pending';
select crm_isolate_tenant('outbox');

-- Append-only: the app role may add and read, never change or remove.
create table audit_log (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    id              bigint generated always as identity,
    occurred_at     timestamptz not null default now(),
    actor_type      text not null check (actor_type in ('user', 'api_key', 'agent', 'system', 'workflow')),
    actor_id        uuid,
    on_behalf_of    uuid,
    action          text not null,
    entity_type     text,
    entity_id       uuid,
    conversation_id uuid,
    diff            jsonb not null default '{}',
    primary key (tenant_id, id)
);
create index audit_log_entity on audit_log (tenant_id, entity_type, entity_id, occurred_at desc);
create index audit_log_recent on audit_log (tenant_id, occurred_at desc);
select crm_isolate_tenant('audit_log');
revoke update, delete, truncate on audit_log from ${app_role};

create table conversations (
    tenant_id    uuid not null references tenants (id) on delete cascade,
    id           uuid not null default gen_random_uuid(),
    user_id      uuid not null,
    title        text not null default 'New conversation',
    channel      text not null default 'web' check (channel in ('web', 'api', 'slack', 'email', 'workflow')),
    external_ref text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    deleted_at   timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index conversations_recent on conversations (tenant_id, user_id, updated_at desc);
create unique index conversations_external on conversations (tenant_id, channel, external_ref)
    where external_ref is not null;
select crm_isolate_tenant('conversations');
create trigger conversations_touch before update on conversations for each row execute function crm_touch_updated_at();

create table messages (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    id              bigint generated always as identity,
    conversation_id uuid not null,
    role            text not null check (role in ('system', 'user', 'ai', 'tool', 'event')),
    content         jsonb not null,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id) on delete cascade
);
create index messages_conversation on messages (tenant_id, conversation_id, id);
select crm_isolate_tenant('messages');
