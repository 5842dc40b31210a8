package vn.paknhub.operations;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Looks at the Kafka cluster from the outside: whether it answers, and how far each of the hub's
 * consumer groups is behind the end of its partitions (the events routing, status sync and
 * notifications have yet to read). One admin connection, used on the operations timer only.
 */
@Component
class BusProbe implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(BusProbe.class);

    /** What the last look found. */
    record Reading(boolean reachable, String problem, Map<String, Long> lagByGroup) {
    }

    private static final long TIMEOUT_MS = 3000;

    private final Admin admin;
    private final String groupPrefix;
    private final String brokers;
    private volatile Reading last = new Reading(true, null, Map.of());

    BusProbe(@Value("${camel.component.kafka.brokers}") String brokers,
            @Value("${hub.bus.consumer-group}") String groupPrefix) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, groupPrefix + "-operations");
        this.admin = Admin.create(p);
        this.groupPrefix = groupPrefix;
        this.brokers = brokers;
    }

    Reading look() {
        try {
            admin.describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<String, Long> lag = new HashMap<>();
            for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                if (g.groupId().startsWith(groupPrefix + "-")) {
                    lag.put(g.groupId(), lagOf(g.groupId()));
                }
            }
            if (!last.reachable()) {
                LOG.info("Kafka at {} is reachable again: the outbox drains", brokers);
            }
            last = new Reading(true, null, lag);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            if (last.reachable()) {
                // once per outage: the Kafka client's own per-second connection warnings are turned off
                LOG.warn("Kafka at {} is unreachable ({}): intake goes on, events wait in the outbox", brokers, problem);
            }
            last = new Reading(false, problem, last.lagByGroup());
        }
        return last;
    }

    Reading last() {
        return last;
    }

    private long lagOf(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (committed.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
            if (e.getValue() != null && ends.containsKey(e.getKey())) {
                lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
            }
        }
        return lag;
    }

    @Override
    public void destroy() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
