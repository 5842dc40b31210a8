package vn.paknhub.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * The bus consumer applies each event once however often it is delivered, and parks what it cannot read; the
 * actions of officers and bodies are counted under who took them.
 */
@HubIntegrationTest
class CaseEventTallyTest {

    @Value("${camel.component.kafka.brokers}")
    String brokers;
    @Value("${hub.bus.case-events-topic}")
    String topic;
    @Value("${hub.bus.consumer-group}")
    String consumerGroup;
    @Autowired
    JdbcTemplate db;
    @LocalServerPort
    int port;

    KafkaProducer<String, String> producer;
    String action;

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new StringSerializer());
        action = "TEST_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    private String event(UUID id, String caseCode) {
        return """
                {"schema":"pakn-hub/case-event/v1","eventId":"%s","caseCode":"%s","caseVersion":1,"action":"%s",
                 "toState":"SUBMITTED","channel":"WEB","actorKind":"SUBMITTER","occurredAt":"2026-11-20T09:15:00+07:00"}"""
                .formatted(id, caseCode, action);
    }

    private String eventBy(UUID id, String caseCode, String actorKind, String actorId) {
        return """
                {"schema":"pakn-hub/case-event/v1","eventId":"%s","caseCode":"%s","caseVersion":2,"action":"%s",
                 "fromState":"FORWARDED","toState":"ACCEPTED","channel":"WEB","assignedAgency":"BKHCN",
                 "actorKind":"%s","actorId":%s,"occurredAt":"2026-11-20T16:40:00+07:00"}"""
                .formatted(id, caseCode, action, actorKind, actorId == null ? "null" : "\"" + actorId + "\"");
    }

    private void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private long tallied() {
        return db.queryForObject("select coalesce(sum(events), 0) from case_event_tally where action = ?",
                Long.class, action);
    }

    @Test
    void an_event_delivered_three_times_is_counted_once() throws Exception {
        UUID duplicated = UUID.randomUUID();
        String code = "TEST-" + duplicated;
        send(code, event(duplicated, code));
        send(code, event(duplicated, code));
        send(code, event(duplicated, code));
        UUID next = UUID.randomUUID();
        send(code, event(next, code));

        // same key, same partition: once the later event is applied, all three copies have been seen
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "select count(*) from processed_message where consumer = 'statistics' and message_id = ?",
                Integer.class, next.toString()) == 1);
        assertThat(tallied()).isEqualTo(2);
        assertThat(db.queryForObject("select day::text from case_event_tally where action = ? limit 1", String.class,
                action)).isEqualTo("2026-11-20");
    }

    @Test
    void an_officers_action_is_counted_under_the_officer_and_their_body_once_and_shown_to_the_central_party_office()
            throws Exception {
        String officer = "BKHCN/bkhcn.canbo (Phạm Thu Hà)";
        String code = "TEST-" + UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        send(code, eventBy(twice, code, "AGENCY", officer));
        send(code, eventBy(twice, code, "AGENCY", officer));
        send(code, eventBy(UUID.randomUUID(), code, "AGENCY", officer));
        send(code, eventBy(UUID.randomUUID(), code, "CENTRAL_OFFICE", "VPTW/vptw.vanthu (Nguyễn Thị Lan)"));
        send(code, eventBy(UUID.randomUUID(), code, "SYSTEM", "router"));
        UUID last = UUID.randomUUID();
        send(code, eventBy(last, code, "SUBMITTER", null));

        // same key, same partition: once the last event is applied, every one before it has been
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "select count(*) from processed_message where consumer = 'statistics' and message_id = ?",
                Integer.class, last.toString()) == 1);
        assertThat(db.queryForList("select day::text || ' ' || agency || ' ' || actor || ' ' || events"
                + " from officer_action_tally where action = ? order by agency", String.class, action)).containsExactly(
                        "2026-11-20 BKHCN " + officer + " 2", "2026-11-20 VPTW VPTW/vptw.vanthu (Nguyễn Thị Lan) 1");
        // the case's tally counts all five, as before
        assertThat(tallied()).isEqualTo(5);

        HubApi api = new HubApi(port);
        HubApi.Reply shown = api.get("/api/v1/statistics/officers?from=2026-11-20&to=2026-11-20", HubApi.bearer(Samples.VPTW));
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().path("rows").findParents("actor")).filteredOn(r -> r.path("action").asText().equals(action))
                .extracting(r -> r.path("day").asText() + " " + r.path("agency").asText() + " " + r.path("actor").asText()
                        + " " + r.path("events").asLong())
                .containsExactly("2026-11-20 BKHCN " + officer + " 2", "2026-11-20 VPTW VPTW/vptw.vanthu (Nguyễn Thị Lan) 1");
        // the people of every body are the Central Party Office's to see, as the access log is
        HubApi.Reply refused = api.get("/api/v1/statistics/officers?from=2026-11-20&to=2026-11-20", HubApi.bearer(Samples.BKHCN));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/statistics/officers?from=2026-11-20&to=2026-11-20").status()).isEqualTo(401);
    }

    @Test
    void offsets_are_committed_to_the_end_of_every_partition_once_applied() throws Exception {
        for (int i = 0; i < 30; i++) {
            UUID id = UUID.randomUUID();
            send("TEST-" + id, event(id, "TEST-" + id));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(consumerGroup + "-statistics").partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                // a partition no record has reached (12 partitions, 30 keys) has nothing to commit
                return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0 || committed.containsKey(e.getKey())
                        && committed.get(e.getKey()).offset() == e.getValue().offset());
            });
        }
        assertThat(tallied()).isEqualTo(30);
    }

    @Test
    void a_message_that_is_not_a_case_event_is_parked_with_its_reason_and_the_consumer_moves_on() throws Exception {
        String key = "TEST-" + UUID.randomUUID();
        send(key, "{\"eventId\": \"not-a-uuid\", \"garbage\": ");
        UUID after = UUID.randomUUID();
        send(key, event(after, key));

        await().atMost(Duration.ofSeconds(30)).until(() -> tallied() == 1);
        assertThat(db.queryForList("select reason from parked_message where message_key = ? and consumer = 'statistics'", String.class, key))
                .singleElement().asString().startsWith("not a case event");
        assertThat(db.queryForObject("select payload from parked_message where message_key = ? and consumer = 'statistics'", String.class, key))
                .isEqualTo("{\"eventId\": \"not-a-uuid\", \"garbage\": ");
        // every other consumer of the bus parks it too rather than stopping on it for good (in the full suite a
        // consumer may first work through the backlog other tests left on its partition: more patience, and
        // the list so far named if it never comes)
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(db.queryForList(
                "select consumer from parked_message where message_key = ? order by consumer", String.class, key))
                .containsExactly("handler-sync", "notifier", "router", "sla-clocks", "statistics"));
    }
}
