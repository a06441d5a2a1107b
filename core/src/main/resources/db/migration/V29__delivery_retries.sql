-- Mail a server refused for now waits as 'deferred' (no longer 'sending' for ever), with when it is
-- tried next and since when the recipient's server has refused it (the retry period runs from there;
-- connection failures do not start it). 'sending' holds only while its lease runs: a row whose lease
-- ended belongs to a node that stopped mid-send and no longer counts against the daily cap.
alter table deliveries drop constraint deliveries_status_check;
alter table deliveries add constraint deliveries_status_check
    check (status in ('sending', 'deferred', 'sent', 'suppressed', 'failed', 'bounced'));
alter table deliveries
    add column lease_until      timestamptz,
    add column retry_at         timestamptz,
    add column first_refused_at timestamptz,
    add column deferrals        integer not null default 0;
update deliveries set lease_until = coalesce(sent_at, created_at) + interval '5 minutes' where status = 'sending';

-- A tenant's DKIM key, made by the product: the private half sealed like the passwords, the public
-- half kept to show the DNS record an admin publishes.
alter table mail_settings
    add column dkim_domain             text check (dkim_domain ~ '^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$'),
    add column dkim_selector           text check (dkim_selector ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    add column dkim_private_key_sealed text,
    add column dkim_public_key         text;

-- How the last read of each mailbox the product watches went (the bounce mailbox, the email bot's), so
-- settings show one that cannot be reached, and since when. Keyed like the mailboxes table (V34: tenant
-- and purpose), which keeps the mailbox itself.
create table mailbox_checks (
    tenant_id     uuid not null references tenants (id) on delete cascade,
    purpose       text not null check (purpose in ('bounces', 'email_bot')),
    checked_at    timestamptz not null,
    error         text,
    failing_since timestamptz,
    primary key (tenant_id, purpose)
);
select crm_isolate_tenant('mailbox_checks');

-- A tenant has a time zone (tenants.settings ->> 'timezone', UTC when unset); a user without one of their
-- own follows it. Users still at the old default follow the tenant's (UTC until an admin sets another).
alter table users alter column timezone drop not null, alter column timezone drop default;
update users set timezone = null where timezone = 'UTC';
create function crm_tenant_timezone() returns text language sql stable as $$
    select settings ->> 'timezone' from tenants where id = crm_current_tenant()
$$;
grant execute on function crm_tenant_timezone() to ${app_role};

-- SMS as a channel: a tenant's own provider account (Twilio), the auth token sealed like the passwords;
-- without one the product's (CRM_SMS_TWILIO_*) is used. Texts wait outside the quiet hours (local time
-- of the contact, else of the tenant). The provider's status callbacks mark a text delivered.
create table sms_settings (
    tenant_id         uuid primary key references tenants (id) on delete cascade,
    account_sid       text check (account_sid ~ '^[A-Za-z0-9]{2,64}$'),
    auth_token_sealed text,
    from_number       text check (from_number ~ '^\+[1-9][0-9]{6,14}$'),
    quiet_start       smallint check (quiet_start between 0 and 23),
    quiet_end         smallint check (quiet_end between 0 and 23),
    help_text         text check (length(help_text) <= 320),
    updated_at        timestamptz not null default now()
);
select crm_isolate_tenant('sms_settings');
create trigger sms_settings_touch before update on sms_settings for each row execute function crm_touch_updated_at();

alter table deliveries drop constraint deliveries_status_check;
alter table deliveries add constraint deliveries_status_check
    check (status in ('sending', 'deferred', 'sent', 'delivered', 'suppressed', 'failed', 'bounced'));
create index deliveries_provider_ref on deliveries (tenant_id, provider_ref) where provider_ref is not null;
