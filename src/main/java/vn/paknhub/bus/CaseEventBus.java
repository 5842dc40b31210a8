package vn.paknhub.bus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
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
                // a consumer must not create the topic (with the broker's default partitions) before the hub does
                + "&additionalProperties.allow.auto.create.topics=false"
                + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
                + "&fetchMinBytes={{hub.bus.fetch-min-bytes}}&fetchWaitMaxMs={{hub.bus.fetch-max-wait-ms}}"
                // synchronous (the asynchronous factory left offsets uncommitted in batching mode, see
                // CaseEventTallyTest); with batching it is one commit per partition per poll
                + "&kafkaManualCommitFactory=#class:org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory";
    }

    /**
     * The same, delivering a batch of records as one exchange whose body is their list, so that a
     * consumer can apply them in one database transaction. Camel closes a batch when it is full or when
     * a poll comes back empty; under a steady flow neither happens for seconds (500 records at 70 a
     * second), so the batch interval closes it as well, whatever has come.
     */
    public static String batchConsumerUri(String consumer) {
        return consumerUri(consumer) + "&batching=true&maxPollRecords={{hub.bus.consumer-batch-size}}"
                + "&pollTimeoutMs=200&batchingIntervalMs={{hub.bus.batch-interval-ms}}";
    }

    /**
     * Commits, once a batch is applied (or parked), the offset of the last record of every partition
     * in it: a batch spans partitions, and each record's commit handle covers only its own.
     */
    public static void commitBatch(Exchange batch) {
        commitRecords(batch.getMessage().getBody(List.class));
    }

    /** The same, for a poll's records kept aside while the exchange carries something else. */
    public static void commitRecords(List<?> records) {
        Map<Integer, KafkaManualCommit> lastPerPartition = new LinkedHashMap<>();
        for (Object record : records) {
            Message m = ((Exchange) record).getMessage();
            lastPerPartition.put(m.getHeader(KafkaConstants.PARTITION, Integer.class),
                    m.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
        }
        lastPerPartition.values().forEach(KafkaManualCommit::commit);
    }

    @Override
    public void configure() {
        from("timer:outbox-relay?delay=1000&period={{hub.bus.relay-interval-ms}}")
                .routeId("outbox-relay")
                .autoStartup("{{hub.bus.relay-enabled}}")
                .filter(method("caseEventTopic", "ready"))
                .to("direct:outbox-relay-batch");

        from("direct:outbox-relay-batch")
                .routeId("outbox-relay-batch")
                .transacted()
                .bean(OutboxRelay.class, "claimBatch")
                .filter(simple("${body.size} > 0"))
                    // each event with its own headers (its id, its trace), not the batch exchange's
                    .to("kafka:" + TOPIC + "?requestRequiredAcks=all&batchWithIndividualHeaders=true")
                    .bean(OutboxRelay.class, "markPublished")
                .end();

        from("timer:dedupe-housekeeping?delay=60000&period={{hub.housekeeping.period-ms}}")
                .routeId("dedupe-housekeeping")
                .bean(ConsumerInbox.class, "forgetExpired");
    }
}
