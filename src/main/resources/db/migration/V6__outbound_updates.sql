-- What happens on the hub's side of a case (a supplement, a withdrawal request, an appeal, a rating,
-- rework, a re-assignment) is sent to the system handling it (Đ23) with the same guarantees as a
-- dispatch: a delivery of kind UPDATE, one per case event, carrying that event.
alter table delivery add column kind text not null default 'DISPATCH' check (kind in ('DISPATCH', 'UPDATE'));
alter table delivery add column event_id uuid;
alter table delivery drop constraint delivery_case_code_case_version_agency_key;
alter table delivery add constraint delivery_step unique (case_code, case_version, agency, kind);
