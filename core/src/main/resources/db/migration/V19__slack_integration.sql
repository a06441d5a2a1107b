-- Slack: a tenant connects its own Slack app (one workspace per tenant), Slack users are linked to CRM
-- users, and Slack's event retries are recognised by event id on every node.

-- The directory from a Slack workspace (team id) to the tenant that connected it. Like the tenants
-- table it holds no tenant data, only what is needed to find the tenant of an incoming request before
-- any tenant is known; the secrets stay in the tenant's own row of slack_workspaces below.
create table slack_teams (
    team_id      text primary key,
    tenant_id    uuid not null unique references tenants (id) on delete cascade,
    connected_at timestamptz not null default now()
);

create table slack_workspaces (
    tenant_id             uuid primary key references tenants (id) on delete cascade,
    team_id               text not null,
    team_name             text not null,
    bot_user_id           text not null,
    bot_token_sealed      text not null,
    signing_secret_sealed text not null,
    connected_by          uuid,
    connected_at          timestamptz not null default now(),
    foreign key (tenant_id, connected_by) references users (tenant_id, id) on delete set null (connected_by)
);
select crm_isolate_tenant('slack_workspaces');

-- Who a Slack user is in the CRM: matched by a verified email, linked by an admin, or confirmed by the
-- user entering in the CRM the code the bot showed them privately in Slack.
create table slack_user_links (
    tenant_id     uuid not null references tenants (id) on delete cascade,
    slack_user_id text not null,
    user_id       uuid not null,
    method        text not null check (method in ('email', 'admin', 'confirmed')),
    created_at    timestamptz not null default now(),
    primary key (tenant_id, slack_user_id),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index slack_user_links_user on slack_user_links (tenant_id, user_id);
select crm_isolate_tenant('slack_user_links');

-- The one-time codes shown to unlinked Slack users; only a hash is kept, and only for minutes.
create table slack_link_codes (
    tenant_id     uuid not null references tenants (id) on delete cascade,
    code_hash     text not null,
    slack_user_id text not null,
    expires_at    timestamptz not null,
    primary key (tenant_id, code_hash)
);
select crm_isolate_tenant('slack_link_codes');

-- Slack retries an event it thinks was not acknowledged; the first delivery claims the event id.
create table slack_events (
    tenant_id   uuid not null references tenants (id) on delete cascade,
    event_id    text not null,
    received_at timestamptz not null default now(),
    primary key (tenant_id, event_id)
);
create index slack_events_age on slack_events (tenant_id, received_at);
select crm_isolate_tenant('slack_events');
