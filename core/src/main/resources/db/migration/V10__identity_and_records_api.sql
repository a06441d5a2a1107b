-- A login session: access tokens carry its id, so logout (revocation) takes effect at once.
create table sessions (
    tenant_id    uuid not null references tenants (id) on delete cascade,
    id           uuid not null default gen_random_uuid(),
    user_id      uuid not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    user_agent   text,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index sessions_user on sessions (tenant_id, user_id);
select crm_isolate_tenant('sessions');

-- Rotating refresh tokens: each is used once; reusing a spent one revokes the whole session.
create table refresh_tokens (
    tenant_id   uuid not null references tenants (id) on delete cascade,
    id          uuid not null default gen_random_uuid(),
    session_id  uuid not null,
    secret_hash text not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, session_id) references sessions (tenant_id, id) on delete cascade
);
select crm_isolate_tenant('refresh_tokens');

create table api_keys (
    tenant_id    uuid not null references tenants (id) on delete cascade,
    id           uuid not null default gen_random_uuid(),
    name         text not null check (length(name) between 1 and 100),
    role         text not null check (role in ('admin', 'manager', 'rep')),
    user_id      uuid not null,
    secret_hash  text not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
select crm_isolate_tenant('api_keys');

create table invitations (
    tenant_id   uuid not null references tenants (id) on delete cascade,
    id          uuid not null default gen_random_uuid(),
    user_id     uuid not null,
    secret_hash text not null,
    created_by  uuid,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
    foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
);
select crm_isolate_tenant('invitations');

-- A merged-away contact points at its survivor.
alter table contacts add column merged_into uuid;

-- Trigram search over company names is used by the contact list's free-text filter.
create index companies_name_lower on companies (tenant_id, lower(name));
create index interactions_contact_type on interactions (tenant_id, contact_id, type, occurred_at desc);
create index deals_page_updated on deals (tenant_id, updated_at desc, id desc);
create index companies_page_updated on companies (tenant_id, updated_at desc, id desc);

-- Erasure keeps only the fact that it happened: audit diffs of the erased records lose their
-- content. The app role cannot update the audit log, so this runs as the owner; forced RLS
-- still limits it to the calling transaction's tenant.
create function crm_redact_audit(target_type text, target_ids uuid[]) returns integer
    language sql volatile security definer
    set search_path = public
as $$
    with redacted as (
        update audit_log set diff = '{"redacted": "erased"}'::jsonb
         where tenant_id = crm_current_tenant() and entity_type = target_type and entity_id = any(target_ids)
        returning 1)
    select count(*)::integer from redacted
$$;
revoke all on function crm_redact_audit(text, uuid[]) from public;
grant execute on function crm_redact_audit(text, uuid[]) to ${app_role};
