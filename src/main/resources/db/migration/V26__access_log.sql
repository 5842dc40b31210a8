-- Every read and change made through the agency and operator APIs (Đ17): who (the calling body's
-- credential), what (method, path, query), when, from where, and what it was answered. Append-only like the
-- case history, and covered by the same signed checkpoints: each checkpoint also chains the access-log rows
-- written since the one before (0..0 in checkpoints made before this table existed).
create table access_log (
    id       bigint      generated always as identity primary key,
    at       timestamptz not null,
    actor    text        not null,
    method   text        not null,
    path     text        not null,
    query    text,
    status   integer     not null,
    address  text
);
create index access_log_actor on access_log (actor, at);
create trigger access_log_append_only before update or delete on access_log
    for each row execute function refuse_history_rewrite();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function refuse_history_rewrite();

alter table chain_checkpoint
    add column from_access_id bigint not null default 0,
    add column to_access_id   bigint not null default 0;
