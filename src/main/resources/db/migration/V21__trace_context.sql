-- The W3C trace context (traceparent) of the work that made an outbox row or a delivery, carried on as a
-- Kafka header and into the partner's call when tracing is on (HUB_TRACING_ENABLED); null otherwise.
alter table outbox add column traceparent text;
alter table delivery add column traceparent text;
