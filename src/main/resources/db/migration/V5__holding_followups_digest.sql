-- A complaint can now get more than one reply: the first answer, then report-backs.
alter table draft add column purpose text not null default 'reply';
alter table complaint add column report_back_note text;
alter table reply drop constraint reply_pkey;
alter table reply add primary key (draft_id);
create index reply_by_complaint on reply (complaint_id);

-- The holding reply sent out of hours under an administrator's standing approval.
create table holding_reply (
    complaint_id    uuid primary key references complaint (id),
    text            text        not null,
    approved_by     text        not null,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text
);

-- What a sent reply promised to come back about, and when.
create table follow_up (
    id              uuid primary key,
    complaint_id    uuid        not null references complaint (id),
    draft_id        uuid        not null references draft (id),
    due_at          timestamptz not null,
    status          text        not null,
    created_at      timestamptz not null,
    fixed_by        text,
    fixed_at        timestamptz,
    note            text,
    reminded_at     timestamptz
);
create index follow_up_open on follow_up (due_at) where status = 'open';

-- One morning digest a day, however many instances run.
create table digest (
    day             date primary key,
    at              timestamptz not null
);
