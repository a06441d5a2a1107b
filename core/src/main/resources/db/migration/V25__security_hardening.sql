-- Security hardening: Slack requests accepted once, personal bot addresses kept only as hashes, and
-- erasure that leaves nothing of a person but a hashed "do not contact".

-- A signed Slack request is accepted once: its signature is remembered until its timestamp is too old
-- to pass the five-minute freshness check, so a copy replayed within that window is refused.
create table slack_request_signatures (
    tenant_id  uuid not null,
    signature  text not null,
    expires_at timestamptz not null,
    primary key (tenant_id, signature)
);
alter table slack_request_signatures add foreign key (tenant_id) references tenants (id) on delete cascade;
create index slack_request_signatures_expiry on slack_request_signatures (tenant_id, expires_at);
select crm_isolate_tenant('slack_request_signatures');

-- A personal bot address (bot+token@domain) works like a password: keep only a SHA-256 of its token.
-- Rows are rewritten by the owner, which forced row-level security would hide them from.
alter table email_bot_user_tokens add column token_hash text;
alter table email_bot_user_tokens no force row level security;
update email_bot_user_tokens set token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex');
alter table email_bot_user_tokens force row level security;
alter table email_bot_user_tokens alter column token_hash set not null;
alter table email_bot_user_tokens drop column token;
alter table email_bot_user_tokens add constraint email_bot_user_tokens_token_hash unique (tenant_id, token_hash);

-- Erasure. A person may be erased with addresses nobody may contact again: the suppression list keeps
-- a hash of them (reason 'erased') instead of the address.
alter table suppressions drop constraint suppressions_reason_check;
alter table suppressions add constraint suppressions_reason_check
    check (reason in ('unsubscribed', 'hard_bounce', 'complaint', 'manual', 'erased'));

-- A text as a regular expression that matches exactly it.
create function crm_regex_literal(value text) returns text
    language sql immutable parallel safe
as $$ select regexp_replace(value, '([!$()*+.:<=>?[\\\]^{|}-])', '\\\1', 'g') $$;

-- What erasing these contacts (a person and the duplicates merged into them) must find, as
-- case-insensitive regular expressions:
--   identifying: their email, phone and full name where no other contact or user has them: replaced
--                wherever they appear in the tenant;
--   personal:    all of those and each word of their name: replaced in rows about them (rows naming
--                them by id or by an identifying value, and their conversations);
--   linking:     their ids and the identifying values: what makes a row one about them.
-- A pattern with nothing to find is '(?!)', which matches nothing. Row-level security limits every read
-- to the calling transaction's tenant.
create function crm_erasure_patterns(people uuid[])
    returns table (identifying text, personal text, linking text)
    language plpgsql stable
    set search_path = public
as $$
declare
    person record;
    digits text;
    unique_values text[] := '{}';
    all_values text[] := '{}';
    words text[] := '{}';
    id_values text[] := '{}';
    candidate text;
begin
    for person in select c.id, c.first_name, c.last_name, c.email, c.phone from contacts c
                   where c.tenant_id = crm_current_tenant() and c.id = any(people) loop
        id_values := id_values || crm_regex_literal(person.id::text);
        if person.email is not null then
            candidate := '(?<![[:alnum:]._%+-])' || crm_regex_literal(person.email) || '(?![[:alnum:]-]|\.[[:alnum:]])';
            all_values := all_values || candidate;
            if not exists (select 1 from contacts o where o.tenant_id = crm_current_tenant() and not o.id = any(people)
                                                      and lower(o.email) = lower(person.email))
               and not exists (select 1 from users u where u.tenant_id = crm_current_tenant()
                                                       and lower(u.email) = lower(person.email)) then
                unique_values := unique_values || candidate;
            end if;
        end if;
        digits := regexp_replace(coalesce(person.phone, ''), '[^0-9]', '', 'g');
        if length(digits) >= 7 then
            candidate := '(?<![0-9])\+?' || array_to_string(regexp_split_to_array(digits, ''), '[ ./()-]{0,2}')
                         || '(?![0-9])';
            all_values := all_values || candidate;
            if not exists (select 1 from contacts o where o.tenant_id = crm_current_tenant() and not o.id = any(people)
                                                      and regexp_replace(coalesce(o.phone, ''), '[^0-9]', '', 'g') = digits) then
                unique_values := unique_values || candidate;
            end if;
        end if;
        if length(trim(person.first_name)) >= 2 then
            words := words || ('(?<![[:alnum:]_])' || crm_regex_literal(trim(person.first_name)) || '(?![[:alnum:]_])');
        end if;
        if length(trim(person.last_name)) >= 2 then
            words := words || ('(?<![[:alnum:]_])' || crm_regex_literal(trim(person.last_name)) || '(?![[:alnum:]_])');
        end if;
        if trim(person.first_name) <> '' and trim(person.last_name) <> '' then
            candidate := '(?<![[:alnum:]_])(' || crm_regex_literal(trim(person.first_name)) || '\s+'
                         || crm_regex_literal(trim(person.last_name)) || '|' || crm_regex_literal(trim(person.last_name))
                         || ',?\s+' || crm_regex_literal(trim(person.first_name)) || ')(?![[:alnum:]_])';
            all_values := all_values || candidate;
            if not exists (select 1 from contacts o where o.tenant_id = crm_current_tenant() and not o.id = any(people)
                                                      and lower(trim(o.first_name)) = lower(trim(person.first_name))
                                                      and lower(trim(o.last_name)) = lower(trim(person.last_name)))
               and not exists (select 1 from users u where u.tenant_id = crm_current_tenant()
                                                       and lower(trim(u.full_name)) = lower(trim(person.first_name)
                                                           || ' ' || trim(person.last_name))) then
                unique_values := unique_values || candidate;
            end if;
        end if;
    end loop;
    if cardinality(id_values) = 0 then
        return;
    end if;
    identifying := coalesce(nullif(array_to_string(unique_values, '|'), ''), '(?!)');
    personal := array_to_string(all_values || words, '|');
    linking := array_to_string(id_values || unique_values, '|');
    if personal = '' then personal := '(?!)'; end if;
    return next;
end
$$;
grant execute on function crm_regex_literal(text) to ${app_role};
grant execute on function crm_erasure_patterns(uuid[]) to ${app_role};

-- The audit log stays append-only for the app role. Erasure is its one narrow way in: this replaces the
-- person's own identifying values, wherever they appear, and their names in the entries about them (that
-- name them or belong to their conversations), with '[erased]' in the entries' diffs, and nothing else:
-- who did what, when, stays. The values come from the contacts themselves, so nothing else can be rewritten.
create function crm_erase_person_from_audit(people uuid[], conversations uuid[]) returns integer
    language plpgsql volatile security definer
    set search_path = public
as $$
declare
    patterns record;
    about integer;
    elsewhere integer;
begin
    select * into patterns from crm_erasure_patterns(people);
    if patterns is null or patterns.linking is null then
        return 0;
    end if;
    update audit_log
       set diff = regexp_replace(diff::text, patterns.personal, '[erased]', 'gi')::jsonb
     where tenant_id = crm_current_tenant()
       and (diff::text ~* patterns.linking or conversation_id = any(conversations));
    get diagnostics about = row_count;
    update audit_log
       set diff = regexp_replace(diff::text, patterns.identifying, '[erased]', 'gi')::jsonb
     where tenant_id = crm_current_tenant() and diff::text ~* patterns.identifying;
    get diagnostics elsewhere = row_count;
    return about + elsewhere;
end
$$;
revoke all on function crm_erase_person_from_audit(uuid[], uuid[]) from public;
grant execute on function crm_erase_person_from_audit(uuid[], uuid[]) to ${app_role};
