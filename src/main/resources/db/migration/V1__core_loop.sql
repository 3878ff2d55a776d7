-- A complaint as it arrived, its triage, and its place in the drafting queue.
create table complaint (
    id              uuid primary key,
    source          text        not null,
    external_id     text        not null,
    author_name     text,
    author_handle   text,
    text            text        not null,
    url             text,
    posted_at       timestamptz,
    language_hint   text,
    received_at     timestamptz not null,
    -- triage, filled in by the drafting worker
    language        text,
    kind            text,
    severity        text,
    topics          text[],
    flags           text[],
    triaged_at      timestamptz,
    -- drafting queue: true until a draft exists (or triage decided none is owed, e.g. spam)
    needs_draft     boolean     not null default true,
    redraft_hint    text,
    claim_token     uuid,
    claimed_until   timestamptz,
    constraint complaint_source_external_id unique (source, external_id)
);
create index complaint_waiting_for_draft on complaint (received_at) where needs_draft;

create table draft (
    id              uuid primary key,
    complaint_id    uuid        not null references complaint (id),
    status          text        not null,
    language        text        not null,
    text            text        not null,
    drafter         text        not null,
    hint            text,
    tone_moves      text[]      not null,
    tone_findings   jsonb       not null,
    created_at      timestamptz not null,
    decided_by      text,
    decided_at      timestamptz,
    decision_note   text
);
create index draft_by_complaint on draft (complaint_id, created_at);
create index draft_pending on draft (created_at) where status = 'pending';

-- The reply that went out, signed by the approving agent. One per complaint.
create table reply (
    complaint_id    uuid primary key references complaint (id),
    draft_id        uuid        not null references draft (id),
    text            text        not null,
    agent           text        not null,
    approved_at     timestamptz not null,
    sent_at         timestamptz,
    publish_attempts int        not null default 0,
    next_attempt_at timestamptz,
    last_error      text
);
create index reply_unsent on reply (next_attempt_at) where sent_at is null;

-- Who did what to which draft, and when.
create table audit_event (
    id              bigserial primary key,
    complaint_id    uuid        not null references complaint (id),
    draft_id        uuid,
    action          text        not null,
    actor           text        not null,
    at              timestamptz not null,
    detail          text
);
create index audit_by_complaint on audit_event (complaint_id, at);
