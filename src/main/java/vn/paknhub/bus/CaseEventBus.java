package vn.paknhub.bus;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.springframework.stereotype.Component;

/**
 * The case-event backbone: committed outbox rows go to Kafka (at least once), and consumers read
 * them with manual offset commits, so a crash at any point replays rather than loses an event;
 * each consumer dedupes by event id ({@link ConsumerInbox}).
 */
@Component
public class CaseEventBus extends RouteBuilder {

    public static final String TOPIC = "{{hub.bus.case-events-topic}}";

    /**
     * Kafka endpoint for a consumer of case events: its own group, offsets committed by hand only
     * after the message is applied, and a failed message retried in place instead of skipped.
     */
    public static String consumerUri(String consumer) {
        return "kafka:" + TOPIC + "?groupId={{hub.bus.consumer-group}}-" + consumer
                + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
                // asynchronous: a lost commit only redelivers, and the consumer dedupes by event id
                + "&kafkaManualCommitFactory=#class:org.apache.camel.component.kafka.consumer.DefaultKafkaManualAsyncCommitFactory";
    }

    /** Commits the consumer offset once the message is applied (or parked). */
    public static void commitOffset(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
    }

    @Override
    public void configure() {
        from("timer:outbox-relay?delay=1000&period={{hub.bus.relay-interval-ms}}")
                .routeId("outbox-relay")
                .autoStartup("{{hub.bus.relay-enabled}}")
                .transacted()
                .bean(OutboxRelay.class, "claimBatch")
                .filter(simple("${body.size} > 0"))
                    .to("kafka:" + TOPIC + "?requestRequiredAcks=all")
                    .bean(OutboxRelay.class, "markPublished")
                .end();
    }
}
