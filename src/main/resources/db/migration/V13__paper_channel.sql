-- Letters received on paper (Đ7.1b), registered by the clerk's office and scanned: each scan kept
-- once (by content), encrypted, with the clerk's data, the text read from it page by page, the
-- letter's fields, and what became of it. A letter the hub cannot read well enough waits here for a
-- person (VERIFY) before it becomes a case.
create table paper_scan (
    id               uuid        primary key,
    file_name        text        not null,
    media_type       text        not null,
    content_hash     text        not null unique,   -- sha-256: the same file dropped twice is one letter
    content_enc      bytea       not null,
    size_bytes       integer     not null,
    sidecar_enc      bytea,                          -- what the scanning station wrote (JSON or XML)
    register_number  text,                           -- số đến
    received_at      timestamptz not null,           -- official receipt: starts the deadlines
    status           text        not null check (status in ('RECEIVED', 'VERIFY', 'OPENED', 'FAILED')),
    reason           text,                           -- why a person must look, or why it failed
    pages_enc        bytea,                          -- per page: text, source (text layer / OCR), confidence
    letter_enc       bytea,                          -- the fields read from the letter
    case_code        text,
    attempts         integer     not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    released_by      text,
    released_at      timestamptz
);
create index paper_scan_by_status on paper_scan (status, created_at);

-- every read of a scan or its text by a person is logged (Đ17)
create table paper_access (
    id         bigint generated always as identity primary key,
    scan_id    uuid        not null references paper_scan (id),
    actor      text        not null,
    what       text        not null,
    at         timestamptz not null
);
