package vn.paknhub.bus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the case-event topic before the routes start, with the partition count the hub is
 * configured for (partitions bound how many nodes consume in parallel). A broker that is down is
 * not fatal: intake goes on, events wait in the outbox, and the relay publishes nothing until this
 * has made the topic, tried again every few seconds. Otherwise the first record sent to a broker that
 * came back would create the topic with the broker's default partitions (one, on a stock broker), and
 * routing would be done by one consumer on one node for good.
 */
@Component
class CaseEventTopic implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(CaseEventTopic.class);
    private static final long RETRY_MS = 5000;

    private final String brokers;
    private final String topic;
    private final int partitions;
    private final short replicationFactor;
    private volatile boolean made;
    private volatile long nextAttempt;

    CaseEventTopic(@Value("${camel.component.kafka.brokers}") String brokers,
            @Value("${hub.bus.case-events-topic}") String topic, @Value("${hub.bus.partitions}") int partitions,
            @Value("${hub.bus.replication-factor}") short replicationFactor) {
        this.brokers = brokers;
        this.topic = topic;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        make(15_000);
    }

    /**
     * Whether the topic exists with its partitions, so that events may be published. While it does not,
     * one attempt to make it every few seconds, short enough to hold nothing up.
     */
    boolean ready() throws InterruptedException {
        if (!made && System.currentTimeMillis() >= nextAttempt) {
            make(3000);
        }
        return made;
    }

    private synchronized void make(int timeoutMs) throws InterruptedException {
        if (made) {
            return;
        }
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs));
        try (admin) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor))).all()
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
            LOG.info("Created topic {} with {} partitions", topic, partitions);
            made = true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                warnIfFewerPartitions(admin);
                made = true;
            } else if (nextAttempt == 0) {
                LOG.warn("Could not create topic {} ({}); events stay in the outbox until the broker is reachable",
                        topic, e.getCause().toString());
            }
        } catch (TimeoutException e) {
            if (nextAttempt == 0) {
                LOG.warn("Kafka at {} did not answer; events stay in the outbox until it does", brokers);
            }
        } finally {
            nextAttempt = System.currentTimeMillis() + RETRY_MS;
        }
    }

    /**
     * A topic made by an earlier version (3 partitions) lets at most that many consumers of a group work
     * at once, whatever the number of nodes. Partitions are not added here: a case's later events could
     * then be read before its earlier ones; an operator adds them with the relay paused.
     */
    private void warnIfFewerPartitions(Admin admin) throws InterruptedException {
        try {
            int existing = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            if (existing < partitions) {
                LOG.warn("Topic {} has {} partitions, fewer than hub.bus.partitions={}: at most {} consumers of each"
                        + " group work at once across all nodes. To spread the work, pause the relay"
                        + " (HUB_BUS_RELAY_ENABLED=false), let the consumers drain, then"
                        + " kafka-topics.sh --alter --topic {} --partitions {}", topic, existing, partitions, existing,
                        topic, partitions);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Could not describe topic {}: {}", topic, e.toString());
        }
    }
}
