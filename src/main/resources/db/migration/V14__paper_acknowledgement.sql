-- The printable acknowledgement letter posted to someone who wrote on paper (PDF, encrypted): made
-- when the case opens, it is the only place the lookup secret is written down.
alter table paper_scan add column acknowledgement_enc bytea;
