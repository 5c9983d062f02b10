-- The strategy each case started under (issue 16 §4): the version tags analysts give the case
-- process, the processes it calls and the decisions, one line "key tag" each (engine.StrategyInForce),
-- named by the SHA-256 of those lines. The KPIs « par version de stratégie » group the cases by it,
-- so that a table deployed with a new version tag shows up as a new group. Written by the cases
-- package when a case process starts; cases opened before have none (the KPIs then read the case
-- process's definition from history). Same script on H2 and PostgreSQL.
create table strategy_version (
    fingerprint   varchar(64) primary key,
    models        text        not null,
    first_used_at timestamp   not null
);

alter table collection_case add column strategy_version varchar(64) references strategy_version (fingerprint);
