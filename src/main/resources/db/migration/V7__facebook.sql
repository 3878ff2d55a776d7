-- Facebook: the post or comment a comment answers (the conversation), withdrawn items, and the id
-- of our reply on the Graph API once published (exactly once: reconciled before any retry).
alter table complaint add column parent_external_id text;
alter table complaint add column withdrawn_at timestamptz;
alter table reply add column external_id text;
alter table reply add column outcome_unknown boolean not null default false;
create table removed_item (
    source          text        not null,
    external_id     text        not null,
    at              timestamptz not null,
    primary key (source, external_id)
);
