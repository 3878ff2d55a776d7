-- E-mail: the message each e-mailed complaint arrived in, so that the reply goes to the right
-- address, threaded under it (In-Reply-To, References, "Re:" subject).
create table email_message (
    complaint_id    uuid        primary key references complaint (id),
    message_id      text        not null,
    reply_to        text        not null,
    subject         text,
    references_ids  text[]      not null,
    attachments     text[]      not null
);
-- Messages that are not drafted (auto-replies, bounces, read receipts, mailing lists, messages
-- without text, unreadable ones): recorded with the reason, so that nothing is dropped silently.
create table email_passed_over (
    message_id      text        primary key,
    from_address    text,
    subject         text,
    reason          text        not null,
    received_at     timestamptz not null
);
