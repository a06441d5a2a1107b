-- One home for the IMAP mailboxes the product reads, one row per tenant and use: the bounce mailbox
-- (until now columns of mail_settings) and the email bot's (columns of email_bot_settings). Both
-- settings forms read and write their mailbox here, with one set of rules.
create table mailboxes (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    purpose         text not null check (purpose in ('bounces', 'email_bot')),
    host            text,
    port            integer check (port between 1 and 65535),
    security        text not null default 'tls' check (security in ('none', 'tls')),
    username        text,
    password_sealed text,
    folder          text not null default 'INBOX',
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, purpose)
);
select crm_isolate_tenant('mailboxes');
create trigger mailboxes_touch before update on mailboxes for each row execute function crm_touch_updated_at();

-- Copied for every tenant: row-level security is lifted for the owner while this runs (no tenant is set).
alter table mail_settings no force row level security;
alter table email_bot_settings no force row level security;
alter table mailboxes no force row level security;

insert into mailboxes (tenant_id, purpose, host, port, security, username, password_sealed, folder, updated_at)
select tenant_id, 'bounces', imap_host, imap_port, imap_security, imap_username, imap_password_sealed, imap_folder,
       updated_at
  from mail_settings
 where coalesce(imap_host, imap_username, imap_password_sealed) is not null or imap_port is not null;

insert into mailboxes (tenant_id, purpose, host, port, security, username, password_sealed, folder, updated_at)
select tenant_id, 'email_bot', imap_host, imap_port, imap_security, imap_username, imap_password_sealed, imap_folder,
       updated_at
  from email_bot_settings
 where coalesce(imap_host, imap_username, imap_password_sealed) is not null or imap_port is not null;

-- The old columns stay (migrations only add) but are emptied, so no second copy of a password is kept.
update mail_settings set imap_host = null, imap_port = null, imap_username = null, imap_password_sealed = null
 where coalesce(imap_host, imap_username, imap_password_sealed) is not null or imap_port is not null;
update email_bot_settings set imap_host = null, imap_port = null, imap_username = null, imap_password_sealed = null
 where coalesce(imap_host, imap_username, imap_password_sealed) is not null or imap_port is not null;

alter table mail_settings force row level security;
alter table email_bot_settings force row level security;
alter table mailboxes force row level security;

comment on column mail_settings.imap_host is 'unused since V34: the bounce mailbox is in mailboxes';
comment on column email_bot_settings.imap_host is 'unused since V34: the bot mailbox is in mailboxes';
