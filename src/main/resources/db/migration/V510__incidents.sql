-- A storm: many complaints about one thing at once, answered with one public statement and a
-- personal acknowledgement to every member.
create table incident (
    id              uuid primary key,
    status          text        not null,           -- open | resolved
    title           text        not null,
    topics          text[]      not null,
    -- the Facebook post the storm gathers under, when it does
    thread          text,
    formed_at       timestamptz not null,
    first_at        timestamptz not null,
    last_at         timestamptz not null,
    size            int         not null default 0,
    -- the growth milestone last announced (100, 1000, ...)
    announced       int         not null default 0,
    -- an agent's standing decision: later members' acknowledgements are approved on arrival
    auto_approve_by text,
    auto_approve_at timestamptz,
    resolved_at     timestamptz,
    resolved_by     text,
    note            text
);
create index incident_open on incident (formed_at) where status = 'open';

alter table complaint add column incident_id uuid references incident (id);
create index complaint_by_incident on complaint (incident_id, received_at) where incident_id is not null;

-- Statements, acknowledgements and report-backs of an incident; the statement is anchored on the
-- incident's first complaint, so it travels the one publishing pipeline like every other message.
alter table draft add column incident_id uuid references incident (id);
create index draft_by_incident on draft (incident_id, purpose, status) where incident_id is not null;
