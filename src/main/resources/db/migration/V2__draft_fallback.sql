-- Why a draft was written by the guideline drafter although the model was chosen (timeout,
-- rate-limited, guardrail, circuit-open...). Null for drafts written by the chosen drafter.
alter table draft add column fallback_cause text;
create index draft_pending_fallback on draft (created_at) where status = 'pending' and fallback_cause is not null;
