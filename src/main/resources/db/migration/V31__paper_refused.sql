-- A letter that is a complaint or denunciation (Đ1.2) is refused by a clerk, not opened as a case:
-- it is answered by a letter pointing to the competent authority, kept where the acknowledgement
-- would be (acknowledgement_enc holds the letter posted back, whichever it is).
alter table paper_scan drop constraint paper_scan_status_check;
alter table paper_scan add constraint paper_scan_status_check
    check (status in ('RECEIVED', 'VERIFY', 'OPENED', 'FAILED', 'REFUSED'));
alter table paper_scan add column refused_by text;
alter table paper_scan add column refused_at timestamptz;
