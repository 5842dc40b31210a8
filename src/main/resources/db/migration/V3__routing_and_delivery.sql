-- The latest routing of each case: what the classifier found and what Đ10 decided. The history of
-- decisions is in case_event; this row is what the triage queue and the dispatch message read.
create table case_routing (
    case_id        uuid primary key references case_file (id),
    case_code      text        not null unique,
    classification jsonb       not null,
    decision       jsonb       not null,
    -- waiting for a person at the Central Party Office (Đ10.1, Đ10.4, Đ11.2c, low confidence)
    triage         boolean     not null,
    -- staff's own classification, once given through the triage API
    manual         jsonb,
    decided_at     timestamptz not null
);
create index case_routing_triage on case_routing (decided_at) where triage;

-- One row per destination of a routing step (a multi-body item has several). Its id is the
-- idempotency key partners see on every attempt. system 'inbox' = the hub's agency inbox API.
create table delivery (
    id                 uuid primary key,
    case_id            uuid        not null references case_file (id),
    case_code          text        not null,
    case_version       integer     not null,
    agency             text        not null,
    system             text        not null,
    role               text        not null check (role in ('LEAD', 'COORDINATING')),
    -- the routing step's rule, reason, bodies and classification, as sent in the dispatch message
    routing            jsonb       not null,
    status             text        not null check (status in ('PENDING', 'DELIVERED', 'PARKED')),
    attempts           integer     not null default 0,
    next_attempt_at    timestamptz not null,
    lease_until        timestamptz,
    last_error         text,
    receipt            jsonb,
    external_reference text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    delivered_at       timestamptz,
    unique (case_code, case_version, agency)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_case on delivery (case_code);
create index delivery_agency on delivery (agency, case_code);
create index delivery_parked on delivery (updated_at) where status = 'PARKED';
