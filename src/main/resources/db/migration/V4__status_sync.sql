-- Status updates from the systems that handle cases (Đ23): every one is kept with what became of it,
-- applied or not, so that a partner's question ("what happened to my update?") is answered from the
-- record, and a parked one can be applied once its mapping is fixed.
create table status_update (
    message_id      uuid primary key,             -- the sender's event id: a second copy is a duplicate
    system          text        not null,
    case_code       text,
    sequence        bigint,
    status          text,                         -- the hub's status vocabulary; null when not understood
    external_status text,
    via             text        not null check (via in ('WEBHOOK', 'KAFKA', 'POLLING')),
    outcome         text        not null check (outcome in ('APPLIED', 'RECORDED', 'STALE', 'REFUSED', 'PARKED')),
    reason          text,
    message         jsonb       not null,
    received_at     timestamptz not null
);
create index status_update_case on status_update (case_code, system, sequence);
create index status_update_parked on status_update (received_at) where outcome = 'PARKED';

-- The last sequence applied per case and sending system: an update at or below it is stale.
create table status_sequence (
    case_code     text   not null,
    system        text   not null,
    last_sequence bigint not null,
    primary key (case_code, system)
);
