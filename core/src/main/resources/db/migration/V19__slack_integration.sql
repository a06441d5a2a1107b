-- Slack: a tenant connects its own Slack app (one workspace per tenant), Slack users are linked to CRM
-- users, and Slack's event retries are recognised by event id on every node.

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
-- One workspace answers to one tenant.
create unique index slack_workspaces_team on slack_workspaces (team_id);
select crm_isolate_tenant('slack_workspaces');

-- A request from Slack names its workspace (team id) before any tenant is known. As for the outbox
-- (V3), the owner may read the rows, and only these definer functions use that: they return tenant
-- ids, never credentials.
create policy slack_workspaces_directory on slack_workspaces for select to current_user using (true);

create function crm_slack_team_tenant(team text) returns uuid
    language sql stable security definer
    set search_path = public
as $$
    select tenant_id from slack_workspaces where team_id = team
$$;
revoke all on function crm_slack_team_tenant(text) from public;
grant execute on function crm_slack_team_tenant(text) to ${app_role};

-- Slack's URL verification names no team: the most recently connected workspaces are tried first.
create function crm_slack_connected_tenants() returns setof uuid
    language sql stable security definer
    set search_path = public
as $$
    select tenant_id from slack_workspaces order by connected_at desc
$$;
revoke all on function crm_slack_connected_tenants() from public;
grant execute on function crm_slack_connected_tenants() to ${app_role};

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
