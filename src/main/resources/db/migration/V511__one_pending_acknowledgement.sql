-- A customer gets one acknowledgement: the incident's formation and the complaint's own drafting
-- worker may both write it at the same moment; only one of them is kept.
create unique index draft_one_pending_acknowledgement on draft (complaint_id)
    where purpose = 'acknowledgement' and status = 'pending';
