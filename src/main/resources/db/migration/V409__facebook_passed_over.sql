-- Facebook changes that could not be taken (no usable id, data the database refuses): recorded
-- with the reason, so that one bad change costs only itself and nothing is dropped silently.
create table facebook_passed_over (
    id              bigserial   primary key,
    external_id     text,
    reason          text        not null,
    change          text        not null,
    received_at     timestamptz not null
);
