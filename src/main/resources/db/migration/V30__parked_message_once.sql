-- A record that is not a case event is parked once per consumer, however often the bus hands it over again
-- (at-least-once delivery: a rebalance before the offset is committed gives the same record a second time).
-- The record's place on the topic identifies it; messages parked by name only (no place) are left as they are.
alter table parked_message add column kafka_partition integer, add column kafka_offset bigint;
create unique index parked_message_once on parked_message (consumer, topic, kafka_partition, kafka_offset)
    where kafka_offset is not null;
