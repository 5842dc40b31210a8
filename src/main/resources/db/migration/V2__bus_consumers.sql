-- Messages a consumer could not process: kept with the reason, replayable (never dropped).
create table parked_message (
    id        bigint generated always as identity primary key,
    consumer  text        not null,
    topic     text        not null,
    message_key text,
    payload   text        not null,
    reason    text        not null,
    parked_at timestamptz not null default now()
);

-- Statistics of Đ14.3 fed by the case-event bus: counts of events per day, body, channel and outcome.
create table case_event_tally (
    day      date   not null,
    agency   text   not null,
    channel  text   not null,
    action   text   not null,
    to_state text   not null,
    events   bigint not null,
    primary key (day, agency, channel, action, to_state)
);
