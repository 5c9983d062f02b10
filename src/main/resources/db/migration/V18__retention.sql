-- GDPR (art. 5(1)(e)): a closed case's personal data is kept for the prescription that applied to it
-- plus a year, then anonymised; what remains (amounts, dates, outcome) feeds the KPIs.
alter table collection_case add column retention_until date;
alter table collection_case add column anonymised_at timestamp;
create index ix_case_retention on collection_case (retention_until);
