package vn.paknhub.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Consumer-side dedupe. Called inside the consumer's own transaction, together with its effect,
 * so that a redelivered event is recognised and the effect happens exactly once.
 */
@Repository
public class ConsumerInbox {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final int retentionDays;

    public ConsumerInbox(NamedParameterJdbcTemplate jdbc, ObjectMapper json,
            @Value("${hub.bus.dedupe-retention-days}") int retentionDays) {
        this.jdbc = jdbc;
        this.json = json;
        this.retentionDays = retentionDays;
    }

    /**
     * The case events of a batch, in order; a record that is not a case event is parked with the
     * reason (in the caller's transaction) instead of stopping the consumer for good.
     */
    public List<CaseEventMessage> readOrPark(String consumer, List<Exchange> records) {
        List<CaseEventMessage> events = new ArrayList<>();
        for (Exchange record : records) {
            Message m = record.getMessage();
            String payload = m.getBody(String.class);
            try {
                events.add(parse(payload));
            } catch (IllegalArgumentException malformed) {
                parkRecord(consumer, m.getHeader(KafkaConstants.TOPIC, String.class), m.getHeader(KafkaConstants.KEY, String.class),
                        payload, malformed.getMessage(), m.getHeader(KafkaConstants.PARTITION, Integer.class),
                        m.getHeader(KafkaConstants.OFFSET, Long.class));
            }
        }
        return events;
    }

    /**
     * The case events of a batch that {@code consumer} wants and sees for the first time, in order
     * and once each; records that are not case events are parked. Call it in the transaction that
     * applies them, so that the dedupe records and the effects commit together.
     */
    public List<CaseEventMessage> firstSeen(String consumer, List<Exchange> records, Predicate<CaseEventMessage> wanted) {
        Map<String, CaseEventMessage> events = new LinkedHashMap<>();
        for (CaseEventMessage e : readOrPark(consumer, records)) {
            if (wanted.test(e)) {
                events.putIfAbsent(e.eventId().toString(), e);
            }
        }
        Set<String> fresh = new HashSet<>(firstDeliveries(consumer, new ArrayList<>(events.keySet())));
        return events.values().stream().filter(e -> fresh.contains(e.eventId().toString())).toList();
    }

    private CaseEventMessage parse(String payload) {
        try {
            CaseEventMessage e = json.readValue(payload, CaseEventMessage.class);
            if (e.eventId() == null || e.occurredAt() == null || e.action() == null || e.toState() == null) {
                throw new IllegalArgumentException("case event lacks eventId, occurredAt, action or toState");
            }
            return e;
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not a case event: " + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * Forgets processed-message ids older than the retention, which must exceed the topic's retention
     * (Kafka's default is 7 days): a message the broker no longer holds cannot come back.
     */
    public int forgetExpired() {
        return jdbc.update("delete from processed_message where processed_at < now() - make_interval(days => :days)",
                new MapSqlParameterSource("days", retentionDays));
    }

    /** Of {@code messageIds}, those {@code consumer} sees for the first time; redeliveries are left out. */
    public List<String> firstDeliveries(String consumer, List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("""
                insert into processed_message (consumer, message_id)
                select :consumer, unnest(cast(:ids as text[])) on conflict do nothing returning message_id""",
                new MapSqlParameterSource("consumer", consumer).addValue("ids", messageIds.toArray(String[]::new)),
                String.class);
    }

    /** A record of the bus kept once however often it is redelivered (its partition and offset name it). */
    private void parkRecord(String consumer, String topic, String key, String payload, String reason, Integer partition,
            Long offset) {
        jdbc.update("""
                insert into parked_message (consumer, topic, message_key, payload, reason, kafka_partition, kafka_offset)
                values (:consumer, :topic, :key, :payload, :reason, :partition, :offset) on conflict do nothing""",
                new MapSqlParameterSource("consumer", consumer).addValue("topic", topic).addValue("key", key)
                        .addValue("payload", payload).addValue("reason", reason).addValue("partition", partition)
                        .addValue("offset", offset));
    }

    /** Keeps a message that cannot be applied, with the reason, for an operator to inspect and replay. */
    public void park(String consumer, String topic, String key, String payload, String reason) {
        jdbc.update("""
                insert into parked_message (consumer, topic, message_key, payload, reason)
                values (:consumer, :topic, :key, :payload, :reason)""",
                new MapSqlParameterSource("consumer", consumer).addValue("topic", topic).addValue("key", key)
                        .addValue("payload", payload).addValue("reason", reason));
    }
}
