-- The partner's own answer to a delivery, kept as evidence beside the hub's receipt (Đ9.1): the bytes it
-- sent back, when, its HTTP status, and its signature with the timestamp it signed (X-Pakn-Signature over
-- "<timestamp>.<body>" with the connector's key, when the partner signs its answers) and whether that
-- signature held. The DELIVERED event in the case history carries the answer's SHA-256 and the
-- signature's verdict, so the sealed history vouches for this row.
alter table delivery add column partner_answer jsonb;
