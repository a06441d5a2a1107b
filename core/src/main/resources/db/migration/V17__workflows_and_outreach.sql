-- Workflows (scheduled and event-driven agent automations) and outreach (mail and SMS delivered
-- exactly once, with suppression, caps and bounce handling).

-- A workflow is proposed (draft) until its owner confirms it, then active or paused.
alter table workflows add column status text not null default 'draft'
    check (status in ('draft', 'active', 'paused'));
update workflows set status = 'active' where active;
alter table workflows drop column active;
alter table workflows add column trigger_type text not null default 'manual'
    check (trigger_type in ('cron', 'event', 'score_threshold', 'deal_idle', 'manual'));
create index workflows_triggers on workflows (tenant_id, trigger_type) where status = 'active' and deleted_at is null;

-- A run advances step by step through the outbox (kind workflow.step): its position and what the
-- steps produced live here, so a crash resumes where it stopped. One run per firing (trigger_key).
alter table workflow_runs add column trigger_key text;
alter table workflow_runs add column next_step text;
alter table workflow_runs add column context jsonb not null default '{}';
alter table workflow_runs add column wait_until timestamptz;
alter table workflow_runs add column waiting_for jsonb;
alter table workflow_runs add column updated_at timestamptz not null default now();
create unique index workflow_runs_firing on workflow_runs (tenant_id, workflow_id, trigger_key);
create index workflow_runs_waiting_reply on workflow_runs (tenant_id, status) where status = 'waiting';
create trigger workflow_runs_touch before update on workflow_runs for each row execute function crm_touch_updated_at();

-- Things to do, created by people or workflows, with a due time (a reminder is a task with one).
create table tasks (
    tenant_id    uuid not null references tenants (id) on delete cascade,
    id           uuid not null default gen_random_uuid(),
    assignee_id  uuid not null,
    title        text not null check (length(title) between 1 and 300),
    notes        text not null default '',
    contact_id   uuid,
    deal_id      uuid,
    due_at       timestamptz,
    done_at      timestamptz,
    source       text not null default 'user',
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, assignee_id) references users (tenant_id, id) on delete cascade,
    foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete set null (contact_id),
    foreign key (tenant_id, deal_id) references deals (tenant_id, id) on delete set null (deal_id)
);
create index tasks_open on tasks (tenant_id, assignee_id, due_at) where done_at is null;
select crm_isolate_tenant('tasks');
create trigger tasks_touch before update on tasks for each row execute function crm_touch_updated_at();

-- In-app notices for one user (a workflow telling its owner something).
create table notifications (
    tenant_id  uuid not null references tenants (id) on delete cascade,
    id         uuid not null default gen_random_uuid(),
    user_id    uuid not null,
    title      text not null check (length(title) between 1 and 300),
    body       text not null default '',
    link       text,
    source     text not null default 'workflow',
    read_at    timestamptz,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index notifications_unread on notifications (tenant_id, user_id, created_at desc) where read_at is null;
select crm_isolate_tenant('notifications');

-- A tenant's own mail server and bounce mailbox; passwords are sealed (AES-GCM) by the application.
create table mail_settings (
    tenant_id             uuid primary key references tenants (id) on delete cascade,
    smtp_host             text,
    smtp_port             integer check (smtp_port between 1 and 65535),
    smtp_security         text not null default 'starttls' check (smtp_security in ('none', 'starttls', 'tls')),
    smtp_username         text,
    smtp_password_sealed  text,
    from_address          text check (from_address ~ '^[^@\s]+@[^@\s]+$'),
    from_name             text,
    daily_cap             integer check (daily_cap > 0),
    imap_host             text,
    imap_port             integer check (imap_port between 1 and 65535),
    imap_security         text not null default 'tls' check (imap_security in ('none', 'tls')),
    imap_username         text,
    imap_password_sealed  text,
    imap_folder           text not null default 'INBOX',
    updated_at            timestamptz not null default now()
);
select crm_isolate_tenant('mail_settings');
create trigger mail_settings_touch before update on mail_settings for each row execute function crm_touch_updated_at();

-- Addresses nothing may be sent to: checked at send time on every path.
create table suppressions (
    tenant_id  uuid not null references tenants (id) on delete cascade,
    address    text not null check (address = lower(address) and length(address) between 3 and 320),
    channel    text not null default 'email' check (channel in ('email', 'sms')),
    reason     text not null check (reason in ('unsubscribed', 'hard_bounce', 'complaint', 'manual')),
    detail     text,
    created_at timestamptz not null default now(),
    primary key (tenant_id, address)
);
select crm_isolate_tenant('suppressions');

-- One row per outbox send: what was decided and done for it. 'sending' is written and committed
-- before the SMTP conversation starts, 'sent' after it; a redelivered message that finds 'sent'
-- does nothing, which is what makes a crash between delivery and the outbox settling harmless.
create table deliveries (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    idempotency_key text not null,
    channel         text not null check (channel in ('email', 'sms')),
    recipient       text not null,
    message_id      text not null,
    status          text not null check (status in ('sending', 'sent', 'suppressed', 'failed', 'bounced')),
    attempts        integer not null default 0,
    last_error      text,
    provider_ref    text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    primary key (tenant_id, idempotency_key)
);
create index deliveries_sent_today on deliveries (tenant_id, channel, sent_at) where status in ('sending', 'sent');
create index deliveries_message on deliveries (tenant_id, message_id);
create index deliveries_recipient on deliveries (tenant_id, recipient);
select crm_isolate_tenant('deliveries');

-- The development mail capture: mail of tenants without an SMTP server lands here, complete
-- (raw MIME with every header), and is shown in the app instead of leaving the machine.
create table captured_mails (
    tenant_id   uuid not null references tenants (id) on delete cascade,
    id          bigint generated always as identity,
    message_id  text not null,
    sender      text not null,
    recipients  text not null,
    subject     text not null default '',
    raw         text not null,
    captured_at timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index captured_mails_recent on captured_mails (tenant_id, captured_at desc, id desc);
select crm_isolate_tenant('captured_mails');

-- Delivery results find the interaction that logged the email by its outbox key.
create index interactions_outbox_key on interactions (tenant_id, (metadata ->> 'outboxKey'));
