-- Customers' data rights (GDPR Art. 15 and 17). An erased complaint keeps its row with the anonymous
-- facts the reports count (source, kind, severity, language, topics, times); erased_at says when its
-- personal data went, on request or by retention (ydmyk.retention.personal-data).
alter table complaint add column erased_at timestamptz;
create index complaint_by_customer on complaint (source, lower(author_handle)) where author_handle is not null;
create index complaint_keeping_personal_data on complaint (received_at) where erased_at is null;

-- An export or an erasure concerns a customer, not one complaint: its audit event names no complaint.
alter table audit_event alter column complaint_id drop not null;
create index audit_by_time on audit_event (at);
