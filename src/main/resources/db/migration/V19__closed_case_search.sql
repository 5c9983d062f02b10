-- The auditors' search of closed cases (/app/audit) lists PAID and WRITTEN_OFF cases newest
-- closing first, a page at a time: this index serves the filter and the order without a sort.
create index ix_case_closed on collection_case (status, closed_at);
