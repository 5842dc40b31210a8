package vn.paknhub.devstack;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real in-process Kafka broker (KRaft, no ZooKeeper), started once per JVM. */
final class EmbeddedKafkaServer {

    private static EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer() {
    }

    static synchronized String bootstrapServers(int port) {
        if (broker == null) {
            EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, 1);
            if (port > 0) {
                b.kafkaPorts(port);
            }
            // the hub creates its own topics; a rebalance need not wait for more members in a one-node cluster
            b.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
            b.afterPropertiesSet();
            broker = b;
        }
        return broker.getBrokersAsString();
    }

    static synchronized void stop() {
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }
}
