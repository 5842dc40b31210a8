package vn.paknhub.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the case-event topic from the beginning, as an independent observer of what the hub published. */
public final class CaseEventsReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    private final String topic;

    public CaseEventsReader(String brokers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-observer-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        this.topic = topic;
        assignPartitions(Duration.ofSeconds(30));
    }

    /** The topic's partitions, from the beginning; none yet when the hub has not written to the topic yet. */
    private void assignPartitions(Duration wait) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, wait).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything read so far (one short poll more) whose key is {@code caseCode}. */
    public List<ConsumerRecord<String, String>> recordsFor(String caseCode) {
        if (consumer.assignment().isEmpty()) {
            // an error topic appears with its first message, which may come after this reader was made
            assignPartitions(Duration.ofMillis(200));
        }
        if (!consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(r -> caseCode.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
