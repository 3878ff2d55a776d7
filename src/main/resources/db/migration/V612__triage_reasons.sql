-- Why the triage read a post as it did where the signals disagreed ("kind words said ironically…"),
-- shown to the agent beside the uncertain and sarcasm flags.
alter table complaint add column triage_reasons text[] not null default '{}';
