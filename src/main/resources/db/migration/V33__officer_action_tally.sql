-- Statistics by person: every action taken through the console or the API counted under who took it — an
-- officer as BODY/subject (name), a body's system by its code — and the body they act for. Filled by the
-- statistics consumer of the case-event bus in the transaction that fills case_event_tally, so neither counts
-- an event the other missed. (V40, not V31: numbers below are left to work under way on the main branch.)
create table officer_action_tally (
    day    date    not null,
    agency text    not null,
    actor  text    not null,
    action text    not null,
    events integer not null,
    primary key (day, agency, actor, action)
);
