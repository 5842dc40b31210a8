package vn.paknhub.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.paknhub.devstack.EmbeddedPostgresServer;
import vn.paknhub.support.CaseEventsReader;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubProcess;
import vn.paknhub.support.KafkaProcess;

/**
 * The development hub through the worst of a night: Kafka unreachable from the start, back, gone again,
 * then the hub killed with SIGKILL right after it acknowledged an item, then started again on the same
 * data directory.
 *
 * <ul>
 * <li>With the broker down, items are still taken (202), kept with their event in the outbox, and
 *     readiness says DEGRADED naming the bus, with HTTP 200 (intake never stops).</li>
 * <li>When the broker comes back, the same hub, without a restart, makes the case-event topic with its
 *     partitions (not the broker's default), drains the backlog, its consumers apply it, and readiness
 *     says UP.</li>
 * <li>After {@code kill -9}, the embedded PostgreSQL outlives the hub holding its data directory; the next
 *     start finds that orphan, stops it and comes up on the same data.</li>
 * <li>Durable before acknowledged, at least once to the bus: the restarted hub publishes the event the
 *     dead one could not, and the consumer applies it once even when the relay sends it again.</li>
 * </ul>
 */
class CrashRecoveryTest {

    @Test
    void items_taken_while_kafka_is_down_reach_the_bus_when_it_returns_or_after_a_kill_and_restart_once() throws Exception {
        Path data = Files.createTempDirectory("pakn-crash");
        Path logs = Files.createDirectories(Path.of("target", "crash-test"));
        int kafkaPort = HubProcess.freePort();
        List<String> devHub = List.of("hub.embedded.data-dir=" + data, "hub.embedded.keep-data=true",
                "hub.routing.enabled=false", "hub.mail.enabled=false", "hub.paper.enabled=false",
                "hub.notify.enabled=false");

        String code;
        String secret;
        String eventId;
        int brokerPort = HubProcess.freePort();
        HubProcess cutOff = HubProcess.start(logs.resolve("kafka-down.log"), with(devHub,
                "camel.component.kafka.brokers=localhost:" + brokerPort));
        try {
            HubApi api = new HubApi(cutOff.port());
            String early = Flows.submit(api).path("code").asText();
            // ready (items are taken), but degraded, naming the part that is down
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health/readiness").json()
                    .path("components").path("bus").path("status").asText().equals("DEGRADED"));
            HubApi.Reply readiness = api.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().path("status").asText()).isEqualTo("DEGRADED");
            assertThat(readiness.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
            JdbcTemplate db = database(data);
            String earlyEvent = db.queryForObject("select event_id::text from outbox where case_code = ?", String.class, early);

            // the broker comes (back): same hub, no restart
            try (KafkaProcess broker = KafkaProcess.start(brokerPort, Files.createTempDirectory("pakn-kafka"),
                    logs.resolve("kafka.log")); Admin admin = Admin.create(Map.of("bootstrap.servers", "localhost:" + brokerPort))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> admin.listTopics().names().get().contains("hub.case-events"));
                assertThat(admin.describeTopics(List.of("hub.case-events")).allTopicNames().get().get("hub.case-events")
                        .partitions()).as("made by the hub, with its partitions").hasSize(12);
                try (CaseEventsReader bus = new CaseEventsReader("localhost:" + brokerPort, "hub.case-events")) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> bus.recordsFor(early).size() == 1);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> applied(db, earlyEvent) == 1);
                await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health/readiness").json()
                        .path("status").asText().equals("UP"));
                assertThat(db.queryForObject("select count(*) from outbox", Integer.class)).isZero();
            }

            // gone again (kill -9): the next item is taken and waits in the outbox
            var receipt = Flows.submit(api);
            code = receipt.path("code").asText();
            secret = receipt.path("lookupSecret").asText();
            assertThat(api.get("/api/v1/submissions/" + code, "X-Lookup-Secret", secret).status()).isEqualTo(200);
        } finally {
            cutOff.kill();
        }

        Optional<ProcessHandle> orphan = EmbeddedPostgresServer.orphanOf(data.resolve("postgres"));
        assertThat(orphan).as("the killed hub's PostgreSQL still runs").isPresent();
        JdbcTemplate before = database(data);
        assertThat(before.queryForObject("select state from case_file where code = ?", String.class, code)).isEqualTo("SUBMITTED");
        eventId = before.queryForObject("select event_id::text from outbox where case_code = ?", String.class, code);

        try (HubProcess second = HubProcess.start(logs.resolve("restarted.log"), with(devHub,
                "hub.embedded.kafka.port=" + kafkaPort));
                CaseEventsReader bus = new CaseEventsReader("localhost:" + kafkaPort, "hub.case-events")) {
            assertThat(orphan.get().isAlive()).isFalse();
            assertThat(Files.readString(logs.resolve("restarted.log"))).contains("left running by an earlier development hub");
            JdbcTemplate db = database(data);
            assertThat(new HubApi(second.port()).get("/api/v1/submissions/" + code, "X-Lookup-Secret", secret).status())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(60)).until(() -> bus.recordsFor(code).size() == 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> applied(db, eventId) == 1);
            assertThat(db.queryForObject("select count(*) from outbox", Integer.class)).isZero();
            long tallied = submitsTallied(db);

            // the relay crashed after the broker's ack but before deleting the row: it sends again
            db.update("insert into outbox (event_id, case_code, topic, payload) select event_id, ?, 'hub.case-events', "
                    + "jsonb_build_object('schema', 'pakn-hub/case-event/v1', 'eventId', event_id, 'caseCode', ?,"
                    + " 'caseVersion', 1, 'action', 'SUBMIT', 'toState', 'SUBMITTED', 'channel', 'WEB',"
                    + " 'actorKind', 'SUBMITTER', 'occurredAt', to_char(occurred_at at time zone 'Asia/Ho_Chi_Minh',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"+07:00\"')) from case_event where event_id = ?::uuid",
                    code, code, eventId);
            await().atMost(Duration.ofSeconds(60)).until(() -> bus.recordsFor(code).size() == 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                    "select count(*) from outbox", Integer.class) == 0);
            // a later event of the same case shares the key, hence the partition: once it is applied, the
            // consumer has certainly seen the duplicate before it
            HubApi.Reply marker = new HubApi(second.port()).postJson("/api/v1/submissions/" + code + "/supplements",
                    Map.of("content", "Tôi bổ sung bản sao giấy chứng nhận đăng ký doanh nghiệp."),
                    "X-Lookup-Secret", secret);
            assertThat(marker.status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> db.queryForObject(
                    "select count(*) from processed_message m join case_event e on e.event_id::text = m.message_id"
                    + " join case_file c on c.id = e.case_id where m.consumer = 'statistics' and c.code = ?",
                    Integer.class, code) == 2);
            assertThat(applied(db, eventId)).isEqualTo(1);
            assertThat(submitsTallied(db)).isEqualTo(tallied);
        }
        assertThat(EmbeddedPostgresServer.orphanOf(data.resolve("postgres"))).as("stopped with its hub").isEmpty();
    }

    private static String[] with(List<String> base, String... more) {
        return Stream.concat(base.stream(), Stream.of(more)).toArray(String[]::new);
    }

    /** The development hub's PostgreSQL, found by the port its postmaster.pid names. */
    private static JdbcTemplate database(Path data) throws Exception {
        List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres";
        return new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true));
    }

    private static int applied(JdbcTemplate db, String eventId) {
        return db.queryForObject("select count(*) from processed_message where consumer = 'statistics' and message_id = ?",
                Integer.class, eventId);
    }

    private static long submitsTallied(JdbcTemplate db) {
        return db.queryForObject("select coalesce(sum(events), 0) from case_event_tally where action = 'SUBMIT'",
                Long.class);
    }
}
