package vn.paknhub.devstack;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real in-process Kafka broker (KRaft, no ZooKeeper), started once per JVM. */
final class EmbeddedKafkaServer {

    private static EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer() {
    }

    static synchronized String bootstrapServers(int port, int partitions, String... topics) {
        if (broker == null) {
            EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, partitions, topics);
            if (port > 0) {
                b.kafkaPorts(port);
            }
            b.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "num.partitions", String.valueOf(partitions)));
            b.afterPropertiesSet();
            broker = b;
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafkaServer::stop, "embedded-kafka-stop"));
        }
        return broker.getBrokersAsString();
    }

    private static synchronized void stop() {
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }
}
