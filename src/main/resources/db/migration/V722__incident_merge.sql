-- Two incidents that are one storm (the detector split it, an agent saw it): the one merged away keeps
-- its record, with status 'merged' and the incident its members, acknowledgements and report-backs went to.
alter table incident add column merged_into uuid references incident (id);
