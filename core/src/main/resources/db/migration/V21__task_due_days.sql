-- A task due on a day without a time ("by Friday") is all-day: due_at holds the start of that day
-- in its user's time zone, and the task is overdue only once the day is over.
alter table tasks add column all_day boolean not null default false;
