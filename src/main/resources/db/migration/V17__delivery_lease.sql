-- An attempt in flight holds a lease: another executor of the same step (a Cockpit "Retry" while
-- the job executor runs it, a second node after a lock expired) does not send while it is live;
-- only an expired lease is taken for a crashed attempt.
alter table communication add column lease_owner varchar(64);
alter table communication add column lease_until timestamp;
alter table bailiff_mission add column lease_until timestamp;
