-- The case store: PostgreSQL is the source of truth (ARCHITECTURE.md, principle 1).

create sequence case_code_seq;

-- One PAKN-SKGP item (hồ sơ). Personal data is stored only encrypted (AES-GCM, *_enc);
-- the keyed hashes (*_hash, HMAC-SHA256) allow exact lookups without decrypting.
create table case_file (
    id                      uuid primary key,
    code                    text        not null unique,
    lookup_secret_hash      bytea       not null,
    channel                 text        not null check (channel in ('WEB', 'EMAIL', 'PAPER')),
    state                   text        not null,
    resume_state            text,
    version                 integer     not null,
    title                   text        not null,
    content                 text        not null,
    field_code              text,
    addressee               text,
    assigned_agency         text,
    consent_to_publish      boolean     not null,
    submitter_name_enc      bytea       not null,
    submitter_org_enc       bytea,
    submitter_address_enc   bytea       not null,
    submitter_phone_enc     bytea,
    submitter_email_enc     bytea,
    submitter_id_number_enc bytea,
    submitter_phone_hash    bytea,
    submitter_email_hash    bytea,
    content_fingerprint     bytea       not null,
    appeal_used             boolean     not null default false,
    rating_score            smallint,
    rating_agree            boolean,
    received_at             timestamptz not null,
    result_posted_at        timestamptz,
    updated_at              timestamptz not null
);
create index case_file_agency_state on case_file (assigned_agency, state, received_at);
create index case_file_email_hash on case_file (submitter_email_hash) where submitter_email_hash is not null;
create index case_file_phone_hash on case_file (submitter_phone_hash) where submitter_phone_hash is not null;
create index case_file_fingerprint on case_file (content_fingerprint);

-- Append-only history of every case: the audit log and, where public, the history the submitter
-- sees (who, what, when, why). Reads of personal data are recorded here too (Đ17).
create table case_event (
    seq         bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    case_id     uuid        not null references case_file (id),
    action      text        not null,
    from_state  text,
    to_state    text        not null,
    actor_kind  text        not null,
    actor_id    text,
    reason      text,
    details     jsonb       not null default '{}'::jsonb,
    public      boolean     not null,
    occurred_at timestamptz not null
);
create index case_event_case on case_event (case_id, seq);

create function refuse_history_rewrite() returns trigger language plpgsql as $$
begin
    raise exception 'case_event is append-only: % refused', tg_op;
end;
$$;
create trigger case_event_append_only before update or delete on case_event
    for each row execute function refuse_history_rewrite();
create trigger case_event_no_truncate before truncate on case_event
    for each statement execute function refuse_history_rewrite();

-- Attachments are content-addressed: one blob per SHA-256, however many cases carry it.
create table attachment_blob (
    sha256     bytea primary key,
    size       bigint      not null,
    content    bytea       not null,
    created_at timestamptz not null default now()
);

create table case_attachment (
    case_id    uuid        not null references case_file (id),
    sha256     bytea       not null references attachment_blob (sha256),
    file_name  text        not null,
    media_type text        not null,
    size       bigint      not null,
    event_id   uuid        not null,
    added_at   timestamptz not null,
    primary key (case_id, sha256, file_name)
);

-- Transactional outbox: written in the same transaction as the case change, relayed to Kafka.
-- A row is deleted once the broker has acknowledged it.
create table outbox (
    id         bigint generated always as identity primary key,
    event_id   uuid        not null unique,
    case_code  text        not null,
    topic      text        not null,
    payload    jsonb       not null,
    created_at timestamptz not null default now()
);
create index outbox_case_order on outbox (case_code, id);

-- A retried POST with the same Idempotency-Key gets the first answer back (encrypted: it holds
-- the lookup secret).
create table idempotency_key (
    scope        text        not null,
    key          text        not null,
    request_hash bytea       not null,
    case_code    text        not null,
    response_enc bytea       not null,
    created_at   timestamptz not null default now(),
    primary key (scope, key)
);

-- Consumer-side dedupe: a message is applied at most once per consumer, in the same transaction
-- as its effect.
create table processed_message (
    consumer     text        not null,
    message_id   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, message_id)
);
