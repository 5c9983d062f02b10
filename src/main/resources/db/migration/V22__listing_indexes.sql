-- Listings at scale (issue 14 §4): a page of cases of one status, newest first (GET /api/cases?status=),
-- walks this index instead of sorting every case of the status.
create index ix_case_status_id on collection_case (status, id);
