-- Published answers (Đ12.4b): what the public sees of an item whose submitter consented (Đ5.1), written in the
-- transaction of the PUBLISH step with the text the reviewer approved (personal data removed). A projection: the
-- case file and its history stay the record; this table only serves the public listing, search and open data.
create extension if not exists pg_trgm;

create table published_item (
    case_code     text primary key references case_file (code),
    title         text not null,
    content       text not null,
    answer        text not null,
    field_code    text,
    agency        text,
    received_at   timestamptz not null,
    answered_at   timestamptz,
    published_at  timestamptz not null,
    -- changes when an appeal's answer is published again (Đ14.1): feeds and ETags follow it
    updated_at    timestamptz not null,
    -- title, content and answer folded by VietnameseText.fold (no diacritics, đ as d, lower case): a query typed
    -- with or without diacritics is folded the same way, so both find the same items
    search_folded text not null
);

-- trigram matching on the folded text: substring search of every word of a query (pg_trgm's GIN index serves
-- LIKE '%...%'); PostgreSQL's built-in text search has no Vietnamese configuration, and tone marks would split
-- its lexemes, which folding makes moot
create index published_item_search_trgm on published_item using gin (search_folded gin_trgm_ops);
create index published_item_recent on published_item (published_at desc, case_code);
create index published_item_field on published_item (field_code, published_at desc);
create index published_item_agency on published_item (agency, published_at desc);

-- Notices owed to submitters reachable only by post (a paper letter's writer with no e-mail and no phone): a printed
-- letter per notice, kept encrypted (it carries the name and address) until a clerk posts it.
alter table notification drop constraint notification_channel_check;
alter table notification add constraint notification_channel_check check (channel in ('EMAIL', 'SMS', 'LETTER'));
create table notification_letter (
    notification_id uuid primary key references notification (id),
    case_code       text        not null,
    template        text        not null,
    pdf_enc         bytea       not null,
    created_at      timestamptz not null,
    posted_at       timestamptz,
    posted_by       text
);
create index notification_letter_waiting on notification_letter (created_at) where posted_at is null;
