-- Rate limits shared by every node (Bucket4j's PostgreSQL store: one row per bucket, its state, and when
-- it may be forgotten, in milliseconds since the epoch).
create table rate_limit_bucket (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);

-- Operators' measures against abuse (Đ19): a warning, a lock for a period, or a revocation, on a client
-- address range or on a submitter (the keyed hash of an e-mail address or phone number, never the value).
-- Measures are lifted, never deleted: who took and who lifted each, when and why, stays.
create table abuse_measure (
    id          uuid        primary key,
    target_kind text        not null check (target_kind in ('ADDRESS', 'SUBMITTER')),
    address     cidr,
    submitter   bytea,
    label       text        not null,      -- what operators see: the range, or the masked address or phone
    action      text        not null check (action in ('WARN', 'LOCK', 'REVOKE')),
    reason      text        not null,
    until       timestamptz,               -- a LOCK's end; WARN and REVOKE last until lifted
    taken_by    text        not null,
    taken_at    timestamptz not null,
    lifted_by   text,
    lifted_at   timestamptz,
    lift_reason text,
    check ((target_kind = 'ADDRESS') = (address is not null)),
    check ((target_kind = 'SUBMITTER') = (submitter is not null))
);
create index abuse_measure_active on abuse_measure (target_kind) where lifted_at is null;
