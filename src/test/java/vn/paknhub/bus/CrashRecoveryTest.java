package vn.paknhub.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.CaseEventsReader;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.HubProcess;
import vn.paknhub.support.IsolatedHub;

/**
 * Durable before acknowledged, and at-least-once to the bus: a hub killed after the 202 and before
 * its relay ran loses nothing; the next hub publishes the event, and the consumer applies it once
 * even when the relay sends it again.
 */
@HubIntegrationTest
class CrashRecoveryTest {

    @Autowired
    ApplicationContext context;

    @Test
    void event_committed_before_a_kill_reaches_kafka_after_restart_and_is_applied_exactly_once() throws Exception {
        IsolatedHub isolated = new IsolatedHub(context);
        String run = isolated.run;
        String topic = isolated.topic;
        Path logs = Files.createDirectories(Path.of("target", "crash-test"));

        String code;
        String secret;
        String eventId;
        HubProcess first = HubProcess.start(logs.resolve(run + "-first.log"), isolated.with("hub.bus.relay-enabled=false", "hub.routing.enabled=false"));
        try {
            var receipt = Flows.submit(new HubApi(first.port()));
            code = receipt.path("code").asText();
            secret = receipt.path("lookupSecret").asText();
        } finally {
            first.kill();
        }

        JdbcTemplate db = isolated.database();
        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, code))
                .isEqualTo("SUBMITTED");
        eventId = db.queryForObject("select event_id::text from outbox where case_code = ?", String.class, code);

        try (CaseEventsReader bus = new CaseEventsReader(isolated.brokers, topic)) {
            assertThat(bus.recordsFor(code)).as("nothing published before the kill").isEmpty();

            try (HubProcess second = HubProcess.start(logs.resolve(run + "-second.log"), isolated.with("hub.routing.enabled=false"))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> bus.recordsFor(code).size() == 1);
                await().atMost(Duration.ofSeconds(60)).until(() -> applied(db, eventId) == 1);
                assertThat(db.queryForObject("select count(*) from outbox", Integer.class)).isZero();
                long tallied = submitsTallied(db);

                // the relay crashed after the broker's ack but before deleting the row: it sends again
                db.update("insert into outbox (event_id, case_code, topic, payload) select event_id, ?, ?, "
                        + "jsonb_build_object('schema', 'pakn-hub/case-event/v1', 'eventId', event_id, 'caseCode', ?,"
                        + " 'caseVersion', 1, 'action', 'SUBMIT', 'toState', 'SUBMITTED', 'channel', 'WEB',"
                        + " 'actorKind', 'SUBMITTER', 'occurredAt', to_char(occurred_at at time zone 'Asia/Ho_Chi_Minh',"
                        + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"+07:00\"')) from case_event where event_id = ?::uuid",
                        code, topic, code, eventId);
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
        }
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
