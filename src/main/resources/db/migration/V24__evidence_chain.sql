-- Tamper evidence for the case history (Đ9.1, Đ17). Each event gets a seal in the same transaction: a
-- SHA-256 over its content, numbered in the order seals are written, so that a changed, removed,
-- slipped-in or reordered event shows. Checkpoints chain the seals of all cases in that order and are
-- signed (Ed25519) with the hub's key, whose private half is encrypted under the master key: whoever
-- owns the database but not that key cannot re-seal a forged history without the signatures showing it.
create table case_event_seal (
    seal_seq  bigint generated always as identity primary key,
    event_id  uuid        not null unique,
    case_id   uuid        not null,
    hash      bytea       not null,
    sealed_at timestamptz not null default clock_timestamp()
);
create index case_event_seal_case on case_event_seal (case_id, seal_seq);

create table signing_key (
    id              text        primary key,   -- hex of the first 8 bytes of SHA-256 of the public key
    algorithm       text        not null,
    public_key      bytea       not null,      -- X.509 SubjectPublicKeyInfo (DER)
    private_key_enc bytea       not null,      -- PKCS#8, encrypted with the personal data's keys
    created_at      timestamptz not null default now()
);

create table chain_checkpoint (
    id            bigint generated always as identity primary key,
    from_seal_seq bigint      not null,        -- exclusive
    to_seal_seq   bigint      not null,        -- inclusive
    seals         integer     not null,
    prev_digest   bytea,
    digest        bytea       not null,        -- SHA-256 over prev_digest and the range's seal hashes in order
    key_id        text        not null references signing_key (id),
    signature     bytea       not null,
    signed_at     timestamptz not null
);

create trigger case_event_seal_append_only before update or delete on case_event_seal
    for each row execute function refuse_history_rewrite();
create trigger case_event_seal_no_truncate before truncate on case_event_seal
    for each statement execute function refuse_history_rewrite();
create trigger chain_checkpoint_append_only before update or delete on chain_checkpoint
    for each row execute function refuse_history_rewrite();
