-- Is the debtor a trader (commerçant)? The court of an order to pay depends on it: the tribunal
-- de commerce between traders (C. com. L721-3), the tribunal judiciaire for a professional who is
-- not one (liberal profession, SCI, association, farmer) or a consumer. Debtors already recorded
-- get the default the intake applies: a business with a SIREN is taken for a trader, a business
-- without one is not (nothing shows it is registered), a consumer never is. A collector corrects
-- it when the debtor is a non-trading business.
alter table debtor add column commercial boolean;
update debtor set commercial = case when type = 'BUSINESS' and siren is not null then true else false end;
alter table debtor alter column commercial set not null;

-- Consumer mediation: only the consumer refers a dispute to the consumer mediator (C. consom.
-- L612-1, L616-1); the creditor records that referral. Prescription is suspended from the day the
-- parties agree to mediate (the consumer's referral and the creditor's written agreement), or
-- failing a written agreement from the first meeting (C. civ. 2238): started_on keeps that day,
-- as before; these columns keep what it was computed from. Mediations already recorded were
-- referred by the creditor.
alter table mediation add column referred_by varchar(16) default 'CREDITOR' not null;
alter table mediation add column creditor_agreed_on date;
alter table mediation add column first_meeting_on date;
