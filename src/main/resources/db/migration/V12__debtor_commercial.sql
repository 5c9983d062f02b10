-- Is the debtor a trader (commerçant)? The court of an order to pay depends on it: the tribunal
-- de commerce between traders (C. com. L721-3), the tribunal judiciaire for a professional who is
-- not one (liberal profession, SCI, association, farmer) or a consumer. Debtors already recorded
-- get the default the intake applies: a business with a SIREN is taken for a trader, a business
-- without one is not (nothing shows it is registered), a consumer never is. A collector corrects
-- it when the debtor is a non-trading business.
alter table debtor add column commercial boolean;
update debtor set commercial = case when type = 'BUSINESS' and siren is not null then true else false end;
alter table debtor alter column commercial set not null;
