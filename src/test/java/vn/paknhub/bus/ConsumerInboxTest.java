package vn.paknhub.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubIntegrationTest;

@HubIntegrationTest
class ConsumerInboxTest {

    @Autowired
    ConsumerInbox inbox;
    @Autowired
    JdbcTemplate db;
    @Autowired
    CamelContext camel;

    @Test
    void first_deliveries_are_told_apart_from_redeliveries_in_one_statement() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();

        assertThat(inbox.firstDeliveries("test", List.of(a))).containsExactly(a);
        assertThat(inbox.firstDeliveries("test", List.of(a, b))).containsExactly(b);
        assertThat(inbox.firstDeliveries("other-consumer", List.of(a))).containsExactly(a);
        assertThat(inbox.firstDeliveries("test", List.of())).isEmpty();
    }

    /** At-least-once: a record that is not a case event, handed over again after a rebalance, is parked once. */
    @Test
    void a_record_that_is_not_a_case_event_is_parked_once_however_often_it_is_redelivered() {
        String key = "TEST-" + UUID.randomUUID();
        java.util.function.Supplier<org.apache.camel.Exchange> record = () -> {
            org.apache.camel.Exchange e = new org.apache.camel.support.DefaultExchange(camel);
            e.getMessage().setBody("{\"eventId\": 42");
            e.getMessage().setHeader(org.apache.camel.component.kafka.KafkaConstants.TOPIC, "hub.case-events");
            e.getMessage().setHeader(org.apache.camel.component.kafka.KafkaConstants.KEY, key);
            e.getMessage().setHeader(org.apache.camel.component.kafka.KafkaConstants.PARTITION, 7);
            e.getMessage().setHeader(org.apache.camel.component.kafka.KafkaConstants.OFFSET, 123_456L);
            return e;
        };
        assertThat(inbox.readOrPark("test", List.of(record.get()))).isEmpty();
        assertThat(inbox.readOrPark("test", List.of(record.get()))).isEmpty();
        assertThat(inbox.readOrPark("other-consumer", List.of(record.get()))).isEmpty();

        assertThat(db.queryForList("select consumer from parked_message where message_key = ? order by consumer", String.class,
                key)).containsExactly("other-consumer", "test");
    }

    @Test
    void dedupe_records_past_their_retention_are_forgotten_and_recent_ones_kept() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        db.update("insert into processed_message (consumer, message_id, processed_at) values"
                + " ('test', ?, now() - interval '15 days'), ('test', ?, now() - interval '13 days')", old, recent);

        assertThat(inbox.forgetExpired()).isGreaterThanOrEqualTo(1);

        assertThat(db.queryForList("select message_id from processed_message where message_id in (?, ?)",
                String.class, old, recent)).containsExactly(recent);
        assertThat(camel.getRoute("dedupe-housekeeping")).isNotNull();
    }
}
