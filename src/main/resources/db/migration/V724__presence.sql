-- Who is looking at which draft, shared by every instance: a page that opens on any instance sees the
-- colleagues already looking, not only those it heard about since it started. A row lives until the agent
-- looks away or stops saying so (the page says it every 20 s; rows older than 45 s are gone).
create table presence (
    login    text primary key,
    name     text not null,
    draft_id uuid not null,
    seen_at  timestamptz not null
);
