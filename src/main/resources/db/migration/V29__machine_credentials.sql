-- The bearer tokens of partner systems and bodies' machines, kept as SHA-256 hashes only (a dump of this
-- table opens nothing). Issued, rotated and revoked through the operator API without a restart; the
-- hashes named in the configuration (HUB_AGENCIES_TOKENHASHES_<CODE>) are brought in at start-up once,
-- and a revocation made here stands even while the configuration still names the hash.
create table machine_credential (
    id          bigint      generated always as identity primary key,
    agency      text        not null,
    label       text        not null,
    token_hash  bytea       not null unique,
    created_at  timestamptz not null default now(),
    created_by  text        not null,
    expires_at  timestamptz,
    revoked_at  timestamptz,
    revoked_by  text,
    revoke_reason text,
    last_used_at timestamptz
);
create index machine_credential_agency on machine_credential (agency);
