-- Reconciliation with partners (issue 27): what the hub believes of a case and what the partner's
-- export says, where they differ. One open row per (system, case, kind); a drift no longer seen is
-- resolved, not deleted, so that the operator sees what was repaired and when.
create table reconciliation_drift (
    id            uuid primary key,
    system        text        not null,
    case_code     text        not null,
    kind          text        not null check (kind in ('MISSING_AT_PARTNER', 'DUPLICATED_AT_PARTNER',
                                                       'DIFFERENT_STATE', 'UNKNOWN_AT_HUB')),
    hub_value     text,
    partner_value text,
    -- what the hub did about it: RESENT (the dispatch again, same idempotency key) or NONE (for a person)
    repair        text        not null,
    detected_at   timestamptz not null,
    last_seen_at  timestamptz not null,
    resolved_at   timestamptz
);
create unique index reconciliation_drift_open on reconciliation_drift (system, case_code, kind) where resolved_at is null;
create index reconciliation_drift_system on reconciliation_drift (system, detected_at desc);
