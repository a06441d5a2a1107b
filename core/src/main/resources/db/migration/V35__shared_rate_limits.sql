-- Token buckets shared by every app node, so N nodes allow the configured limit, not N times it.
-- Unlogged: a crash empties it (every bucket full again), which only forgives a minute of throttling,
-- and saves WAL on a table written on every request. The key is a hash: no emails at rest here.
-- No index besides the key and room left in each page, so the update on every request stays a HOT
-- update; the periodic delete of idle buckets scans a table as small as the number of active callers.
create unlogged table rate_limit_buckets (
    key        text             primary key,
    tokens     double precision not null,
    consumed   boolean          not null,
    updated_at timestamptz      not null
) with (fillfactor = 70);
