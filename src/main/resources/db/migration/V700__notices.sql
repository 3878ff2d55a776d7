-- The channel page's notices tray: every notice and escalation, kept until each agent dismisses it.
create table notice (
    id              bigserial   primary key,
    kind            text        not null,
    title           text        not null,
    lines           text[]      not null default '{}',
    author          text,
    complaint_id    uuid        references complaint (id),
    draft_id        uuid,
    urgent          boolean     not null default false,
    created_at      timestamptz not null
);
create index notice_recent on notice (created_at desc);

create table notice_dismissal (
    notice_id       bigint      not null references notice (id) on delete cascade,
    agent           text        not null,
    at              timestamptz not null,
    primary key (notice_id, agent)
);
