-- A Slack message is claimed for a while (no transaction is held across the call to Slack); a decision
-- that arrives during the call bumps the version, so the message is updated again afterwards.
alter table slack_message add column claimed_until timestamptz;
alter table slack_message add column version integer not null default 0;
