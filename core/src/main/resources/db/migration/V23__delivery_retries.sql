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
