-- Self-service sign-ups waiting for their email address to be confirmed. No tenant exists yet, so
-- these rows belong to none; only the owner role (sign-up runs as provisioning does) reads them.
create table tenant_signups (
    id           uuid primary key default gen_random_uuid(),
    slug         text not null,
    name         text not null,
    email        text not null,
    admin_name   text not null default '',
    secret_hash  text not null,
    expires_at   timestamptz not null,
    confirmed_at timestamptz,
    created_at   timestamptz not null default now()
);
create index tenant_signups_pending on tenant_signups (slug) where confirmed_at is null;
revoke all on tenant_signups from ${app_role};
