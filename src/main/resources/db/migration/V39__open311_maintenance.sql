-- Open311 GeoReport v2 client applications and the requests they posted; maintenance and incident notices (Đ16).
-- Maintenance windows and incidents as operators announce them (Đ16.2, Đ16.4): published, mailed to
-- the bodies, and read live by the working-day calendar (Đ16.3), so an announcement needs no restart.
create table maintenance_notice (
    id              uuid        primary key,
    kind            text        not null check (kind in ('MAINTENANCE', 'INCIDENT')),
    -- Đ16.2: PLANNED needs 3 working days of notice, URGENT 24 hours, SECURITY (a cyber-security
    -- emergency) none; incidents are announced when they happen (Đ16.4)
    notice          text        not null check (notice in ('PLANNED', 'URGENT', 'SECURITY', 'INCIDENT')),
    starts_at       timestamptz not null,
    -- an incident may still be going on
    ends_at         timestamptz,
    title_vi        text        not null,
    message_vi      text        not null,
    message_en      text,
    announced_at    timestamptz not null,
    announced_by    text        not null,
    -- API: announced through /api/v1/maintenance; FILE: the operators' seed file, copied at start-up
    source          text        not null check (source in ('API', 'FILE')),
    check (ends_at is null or ends_at > starts_at),
    check (kind = 'INCIDENT' or ends_at is not null)
);
create unique index maintenance_notice_file_once on maintenance_notice (starts_at, ends_at) where source = 'FILE';
create index maintenance_notice_ends on maintenance_notice (coalesce(ends_at, 'infinity'::timestamptz));

-- Open311 GeoReport v2: one API key per client application (a civic-report app, FixMyStreet), kept as a
-- SHA-256 hash like the machine credentials; a client's key lets it follow the requests it posted.
create table open311_client (
    id          bigint generated always as identity primary key,
    name        text        not null,
    key_hash    bytea       not null unique,
    created_at  timestamptz not null default now(),
    created_by  text        not null,
    revoked_at  timestamptz,
    revoked_by  text
);

create table open311_request (
    case_code   text        primary key,
    client_id   bigint      not null references open311_client (id),
    created_at  timestamptz not null default now()
);
create index open311_request_client on open311_request (client_id, created_at);
