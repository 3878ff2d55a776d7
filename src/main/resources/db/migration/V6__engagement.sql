-- Likes + comments + shares as the source last reported them, and how fast they grow (per hour).
alter table complaint add column engagement int;
alter table complaint add column engagement_at timestamptz;
alter table complaint add column engagement_per_hour double precision;
