-- Outbound webhooks: admins subscribe URLs to record events; every delivery is signed, logged with each
-- attempt, retried with backoff and kept ordered per record. MCP clients get their own chat channel.

create table webhook_subscriptions (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    id              uuid not null default gen_random_uuid(),
    url             text not null check (length(url) between 8 and 2000),
    description     text not null default '',
    events          text[] not null check (cardinality(events) > 0),
    -- contact.score_crossed fires when a lead score passes this value, up or down
    score_threshold numeric(5, 2) not null default 70 check (score_threshold between 0 and 100),
    secret_sealed   text not null,
    active          boolean not null default true,
    -- set when deliveries kept failing for the whole retry window; an admin re-enables the subscription
    failing_since   timestamptz,
    created_by      uuid,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
);
create index webhook_subscriptions_active on webhook_subscriptions (tenant_id) where active;
create trigger webhook_subscriptions_touch before update on webhook_subscriptions
    for each row execute function crm_touch_updated_at();
select crm_isolate_tenant('webhook_subscriptions');

-- One event for one subscription. The id is the webhook-id receivers deduplicate on: the same for every
-- retry and redelivery. sequence orders deliveries of one record (the event's outbox id).
create table webhook_deliveries (
    tenant_id        uuid not null references tenants (id) on delete cascade,
    id               uuid not null,
    subscription_id  uuid not null,
    event_type       text not null,
    record_type      text not null,
    record_id        uuid not null,
    -- the person the payload is about (contact, their interactions, tasks, scores): erasing them redacts it
    contact_id       uuid,
    sequence         bigint not null,
    payload          jsonb not null,
    status           text not null default 'pending'
        check (status in ('pending', 'delivered', 'failed', 'cancelled')),
    attempts         integer not null default 0,
    first_attempt_at timestamptz,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    response_status  integer,
    response_millis  integer,
    last_error       text,
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, subscription_id) references webhook_subscriptions (tenant_id, id) on delete cascade
);
create index webhook_deliveries_log on webhook_deliveries (tenant_id, subscription_id, created_at desc);
create index webhook_deliveries_order on webhook_deliveries (tenant_id, subscription_id, record_id, sequence)
    where status = 'pending';
create index webhook_deliveries_person on webhook_deliveries (tenant_id, contact_id) where contact_id is not null;
select crm_isolate_tenant('webhook_deliveries');

create table webhook_attempts (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    delivery_id     uuid not null,
    number          integer not null,
    attempted_at    timestamptz not null,
    response_status integer,
    response_millis integer not null,
    error           text,
    primary key (tenant_id, delivery_id, number),
    foreign key (tenant_id, delivery_id) references webhook_deliveries (tenant_id, id) on delete cascade
);
select crm_isolate_tenant('webhook_attempts');

-- Proposals and workflow runs change state in several code paths; these triggers publish the transitions
-- webhooks announce, in the same transaction, and only for tenants with an active subscription. The payload
-- has the change feed's shape (V2's outbox, kind webhook.event).
create function crm_webhook_status_change() returns trigger
    language plpgsql
as $$
declare
    kind   text := tg_argv[0];
    action text := tg_argv[1];
begin
    if new.status is not distinct from old.status or not (new.status = any(tg_argv[2]::text[])) then
        return new;
    end if;
    if not exists (select 1 from webhook_subscriptions where tenant_id = new.tenant_id and active) then
        return new;
    end if;
    insert into outbox (tenant_id, kind, payload, idempotency_key)
    values (new.tenant_id, 'webhook.event',
            jsonb_build_object('entityType', kind, 'entityId', new.id, 'action', action,
                               'changes', jsonb_build_object('status', jsonb_build_array(old.status, new.status))),
            'webhook.event:' || kind || ':' || new.id || ':' || new.status);
    return new;
end
$$;

create trigger proposals_decided_webhook after update of status on proposals
    for each row execute function crm_webhook_status_change('proposal', 'decided', '{executed,failed,rejected}');
create trigger workflow_runs_finished_webhook after update of status on workflow_runs
    for each row execute function crm_webhook_status_change('workflow_run', 'finished', '{succeeded,failed,cancelled}');

-- Outside assistants (MCP clients) act in a conversation of their own, where their proposals wait.
alter table conversations drop constraint conversations_channel_check;
alter table conversations add constraint conversations_channel_check
    check (channel in ('web', 'api', 'slack', 'email', 'workflow', 'mcp'));
