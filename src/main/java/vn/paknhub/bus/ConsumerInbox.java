package vn.paknhub.bus;

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

    public ConsumerInbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time {@code consumer} sees {@code messageId}; false for every redelivery. */
    public boolean firstDelivery(String consumer, String messageId) {
        return jdbc.update("insert into processed_message (consumer, message_id) values (:consumer, :id)"
                + " on conflict do nothing", new MapSqlParameterSource("consumer", consumer).addValue("id", messageId)) == 1;
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
