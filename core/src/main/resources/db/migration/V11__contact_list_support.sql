-- The latest score lives on the contact too, so lists can filter and sort by it without a
-- lateral lookup per row. lead_scores stays the history; this trigger keeps the copy current.
alter table contacts add column score numeric(5, 2), add column score_calculated_at timestamptz;

create function crm_copy_latest_score() returns trigger
    language plpgsql
as $$
begin
    update contacts set score = new.score, score_calculated_at = new.calculated_at
     where tenant_id = new.tenant_id and id = new.contact_id
       and (score_calculated_at is null or score_calculated_at <= new.calculated_at);
    return null;
end
$$;
create trigger lead_scores_copy_latest after insert on lead_scores
    for each row execute function crm_copy_latest_score();

-- A new score is not an edit: only changes to the contact's own fields move updated_at.
drop trigger contacts_touch on contacts;
create trigger contacts_touch before update of company_id, owner_id, first_name, last_name, email, phone, title,
    lifecycle_stage, source, country, custom, deleted_at, merged_into on contacts
    for each row execute function crm_touch_updated_at();

create index contacts_page_name on contacts (tenant_id, (lower(last_name || ' ' || first_name)), id);
create index contacts_page_score on contacts (tenant_id, (coalesce(score, -1)) desc, id desc);
