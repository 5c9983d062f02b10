-- Prescription per invoice, and the act that set it (issue 10 §2). Written by the legal package
-- (PrescriptionService) whenever the case's prescription is recomputed; null while nothing is owed on
-- the invoice. prescription_date is also null while a court claim runs (C. civ. 2242): the act then
-- says ORDER_TO_PAY_SERVED.
alter table invoice add column prescription_date date;
alter table invoice add column prescription_act varchar(40);

-- Events recorded before this version, carried over to the types that now carry their meaning.
-- A small-claims title (CPCE L111-3 5°) is not a court decision: it was recorded as ENFORCEABLE_TITLE
-- (10 years) on the day of the debtor's agreement; it keeps the claim's own period.
update legal_event set type = 'SMALL_CLAIMS_TITLE'
 where type = 'ENFORCEABLE_TITLE'
   and exists (select 1 from legal_event a
                where a.case_id = legal_event.case_id and a.type = 'SMALL_CLAIMS_AGREED' and a.occurred_on = legal_event.occurred_on);
-- A judgment on opposition that the creditor lost voids the interruption (C. civ. 2243).
update legal_event set type = 'LAWSUIT_LOST'
 where type = 'LAWSUIT_DECIDED' and details like '%perdu%';
-- A seizure was recorded as an enforcement measure on the day it was requested; the act is what
-- interrupts (C. civ. 2244). A request never reported (withdrawn, or its report still awaited: the
-- report will record the act at its own date) becomes a mere request. A reported one keeps its row and
-- its request date: the act's own date was not kept, and the earlier date is the creditor's safe side.
update legal_event set type = 'ENFORCEMENT_REQUESTED'
 where type = 'ENFORCEMENT_MEASURE'
   and not exists (select 1 from bailiff_mission m
                    where m.case_id = legal_event.case_id and m.status = 'REPORTED'
                      and legal_event.details like concat('%(mission n° ', cast(m.id as varchar(20)), ')'));
