-- A provider callback that arrives before what it reports on is known (an acknowledgement of
-- receipt before the registered letter's tracking number is recorded, a bailiff report before the
-- mission's provider id is) is kept UNMATCHED with the key it waits for, and applied once when
-- that key gets recorded (review M5).
alter table callback_event add match_key varchar(128);
create index ix_callback_event_waiting on callback_event (source, match_key, result);
