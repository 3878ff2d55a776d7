-- Drafts waiting to be posted to Slack, and the Slack message of each once posted. A row is made
-- when a draft is created and survives restarts: each draft is posted once, in order, ~1 per second.
create table slack_message (
    draft_id        uuid primary key references draft (id),
    channel         text        not null,
    ts              text,
    created_at      timestamptz not null,
    posted_at       timestamptz,
    needs_update    boolean     not null default false,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text
);
create index slack_message_due on slack_message (next_attempt_at) where ts is null or needs_update;
