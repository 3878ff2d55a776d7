-- Each complaint is escalated at most once per reason (severe after hours, SLA breach).
create table escalation (
    complaint_id    uuid        not null references complaint (id),
    reason          text        not null,
    at              timestamptz not null,
    on_call         text,
    primary key (complaint_id, reason)
);
create index complaint_waiting on complaint (received_at) where kind = 'complaint';
