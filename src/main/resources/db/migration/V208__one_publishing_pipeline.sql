-- One publishing pipeline for every message that goes out. Each message has its own id, the root
-- of its Message-ID and Idempotency-Key: a reply's is its draft's id, a holding reply gets one here.
alter table holding_reply add column id uuid;
update holding_reply set id = gen_random_uuid();
alter table holding_reply alter column id set not null;
alter table holding_reply add constraint holding_reply_id unique (id);
-- The same bookkeeping columns as reply, so the pipeline treats both alike.
alter table holding_reply rename column attempts to publish_attempts;
alter table holding_reply alter column next_attempt_at drop not null;
alter table holding_reply add column external_id text;

-- Publishing gives up after ydmyk.publishing.max-attempts failures or a permanent error: the message
-- stays approved, marked failed with its reason in last_error.
alter table reply add column failures int not null default 0;
alter table reply add column failed_at timestamptz;
alter table holding_reply add column failures int not null default 0;
alter table holding_reply add column failed_at timestamptz;
