-- The email bot: a per-tenant bot mailbox (read over IMAP, or posted by a provider's inbound
-- webhook), per-user secret addresses, and each inbound message claimed once by its Message-ID.

create table email_bot_settings (
    tenant_id             uuid primary key references tenants (id) on delete cascade,
    address               text not null check (address = lower(address) and address ~ '^[^@\s+]+@[^@\s]+$'),
    imap_host             text,
    imap_port             integer check (imap_port between 1 and 65535),
    imap_security         text not null default 'tls' check (imap_security in ('none', 'tls')),
    imap_username         text,
    imap_password_sealed  text,
    imap_folder           text not null default 'INBOX',
    trusted_authserv_id   text,
    create_leads          boolean not null default false,
    webhook_secret_sealed text,
    updated_at            timestamptz not null default now()
);
-- One bot address answers to one tenant: the webhook finds the tenant by the recipient address.
create unique index email_bot_settings_address on email_bot_settings (address);
select crm_isolate_tenant('email_bot_settings');
create trigger email_bot_settings_touch before update on email_bot_settings
    for each row execute function crm_touch_updated_at();

-- As for Slack (V19): a posted mail names its bot address before any tenant is known. Only this
-- definer function reads across tenants, and it returns a tenant id, never a credential.
create policy email_bot_settings_directory on email_bot_settings for select to current_user using (true);

create function crm_email_bot_tenant(bot_address text) returns uuid
    language sql stable security definer
    set search_path = public
as $$
    select tenant_id from email_bot_settings where address = lower(bot_address)
$$;
revoke all on function crm_email_bot_tenant(text) from public;
grant execute on function crm_email_bot_tenant(text) to ${app_role};

-- A user's secret address is bot+<token>@domain: mail to it proves the sender read mail from the bot.
create table email_bot_user_tokens (
    tenant_id  uuid not null references tenants (id) on delete cascade,
    user_id    uuid not null,
    token      text not null check (token ~ '^[a-z0-9]{16,64}$'),
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id),
    unique (tenant_id, token),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
select crm_isolate_tenant('email_bot_user_tokens');

-- Every inbound message, claimed by Message-ID before anything is done: a second delivery (IMAP
-- on another node, a provider's retry) finds the row and does nothing.
create table email_bot_messages (
    tenant_id   uuid not null references tenants (id) on delete cascade,
    message_id  text not null,
    sender      text not null,
    subject     text,
    outcome     text not null default 'received'
                check (outcome in ('received', 'command', 'interaction', 'lead', 'ignored', 'failed')),
    detail      text,
    received_at timestamptz not null default now(),
    primary key (tenant_id, message_id)
);
create index email_bot_messages_age on email_bot_messages (tenant_id, received_at);
select crm_isolate_tenant('email_bot_messages');
