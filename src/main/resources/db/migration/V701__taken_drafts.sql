-- "Take" a draft on the channel page: others see who has it, and it leaves their queue until it is
-- released or its holder has been idle for ydmyk.approval.take-idle (10 minutes).
alter table draft add column taken_by text;
alter table draft add column taken_at timestamptz;
