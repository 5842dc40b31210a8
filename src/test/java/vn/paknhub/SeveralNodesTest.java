package vn.paknhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.sandbox.SandboxPartner;
import vn.paknhub.sandbox.Sandboxes;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.HubProcess;
import vn.paknhub.support.IsolatedHub;
import vn.paknhub.support.Samples;

/**
 * Two hub nodes on one PostgreSQL and one Kafka share all the work with the default settings: both
 * route (each node's routing consumers hold partitions of the case-event topic), both take
 * submissions and deliver, both scan the deadlines; every item is delivered once and every passed
 * deadline acted on once; and when one node is killed in the middle of it, the other finishes its work.
 * The partner is the test hub's own sandbox, one system for both nodes, as a real ministry's would be.
 */
@HubIntegrationTest
class SeveralNodesTest {

    private static final int ITEMS = 40;

    @Autowired
    ApplicationContext context;
    @Autowired
    Sandboxes sandboxes;
    @LocalServerPort
    int partnerPort;

    @Test
    void two_nodes_share_routing_delivery_and_timers_and_one_finishes_what_a_killed_one_left() throws Exception {
        IsolatedHub isolated = new IsolatedHub(context);
        String[] config = isolated.with(
                "hub.connectors.url.bkhcn-api=http://localhost:" + partnerPort + "/sandbox/bkhcn-api/cases",
                "hub.connectors.dev-signing-master=" + context.getEnvironment().getRequiredProperty("hub.connectors.dev-signing-master"),
                "hub.delivery.lease-seconds=5", "hub.sla.scan-interval-ms=200", "hub.sla.scan-batch=5",
                "hub.paper.enabled=false", "hub.mail.enabled=false",
                // as an operator tracing the hub would run it: every item's trace reaches the partner
                "management.tracing.enabled=true");
        Path logs = Files.createDirectories(Path.of("target", "several-nodes-test"));
        JdbcTemplate db = isolated.database();
        SandboxPartner partner = sandboxes.partner("bkhcn-api");

        HubProcess first = HubProcess.start(logs.resolve(isolated.run + "-first.log"), config);
        try (HubProcess second = HubProcess.start(logs.resolve(isolated.run + "-second.log"), config);
                Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, isolated.brokers))) {
            // the defaults spread the topic's partitions over both nodes' consumers
            String router = "isolated-" + isolated.run + "-router";
            await().atMost(Duration.ofSeconds(60)).until(() -> assignedMembers(kafka, router) == 6);
            await().atMost(Duration.ofSeconds(60)).until(() -> assignedMembers(kafka, "isolated-" + isolated.run + "-notifier") == 2);

            List<HubApi> nodes = List.of(new HubApi(first.port()), new HubApi(second.port()));
            for (int i = 0; i < ITEMS / 2 - 1; i++) {
                submit(nodes.get(i % 2), i);
            }
            // a client that traces its calls: the trace goes on from its request to the partner's
            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            Map<String, Object> traced = Samples.submission();
            traced.remove("field");
            traced.put("addressee", "Bộ Khoa học và Công nghệ");
            traced.put("content", "Đề xuất hỗ trợ doanh nghiệp khởi nghiệp sáng tạo có truy vết " + isolated.run + ".");
            HubApi.Reply tracedReceipt = nodes.get(1).postJson("/api/v1/submissions", traced,
                    "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
            assertThat(tracedReceipt.status()).as(tracedReceipt.body()).isEqualTo(202);
            String tracedCode = tracedReceipt.json().path("code").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered(db) >= ITEMS / 4);
            // the deadlines of the items forwarded so far pass: both nodes' scans take them on
            await().atMost(Duration.ofSeconds(60)).until(() -> clocksFollowForwards(db));
            int due = db.update(PASS_FORWARDED_CLOCKS);
            assertThat(due).isPositive();
            await().atMost(Duration.ofSeconds(60)).until(() -> events(db, "DEADLINE_REMINDER") >= 2);

            // the node about to die takes the second half, and dies with it in hand: its relay, routing
            // consumers and delivery leases are left to the other node
            for (int i = ITEMS / 2; i < ITEMS; i++) {
                submit(nodes.get(0), i);
            }
            first.kill();
            long deliveredAtKill = delivered(db);
            assertThat(deliveredAtKill).as("killed in the middle of the deliveries").isLessThan(ITEMS);

            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(delivered(db)).as(() -> "deliveries "
                    + db.queryForList("select status, count(*) from delivery group by status") + ", cases "
                    + db.queryForList("select state, count(*) from case_file group by state") + ", outbox "
                    + db.queryForObject("select count(*) from outbox", Long.class)).isEqualTo(ITEMS));
            String tracedDelivery = db.queryForObject("select id::text from delivery where case_code = ? and kind = 'DISPATCH'",
                    String.class, tracedCode);
            assertThat(db.queryForObject("select traceparent from delivery where id = ?::uuid", String.class, tracedDelivery))
                    .as("the delivery carries the client's trace").contains(traceId);
            assertThat(partner.traceOf(tracedDelivery)).as("the partner's call continues the client's trace")
                    .startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");

            // the other items' deadlines pass after the kill: the survivor's scheduler takes the scan over
            await().atMost(Duration.ofSeconds(60)).until(() -> clocksFollowForwards(db));
            int dueAfterKill = db.update(PASS_FORWARDED_CLOCKS + " and due_on >= current_date");
            assertThat(dueAfterKill).isPositive();
            long total = due + dueAfterKill;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(List.of(
                    events(db, "DEADLINE_PASSED"), events(db, "DEADLINE_REMINDER"))).as(() -> db.queryForList(
                            "select k.case_code, k.clock, k.due_on, k.warned_at, k.overdue_at, k.stopped_at, f.state from case_clock k"
                            + " join case_file f on f.code = k.case_code where k.overdue_at is null and k.due_on < current_date")
                            .toString()).containsExactly(total, total));
            assertThat(second.port()).isPositive();
        }

        for (String code : codes(db)) {
            List<String> dispatches = db.queryForList("select id::text from delivery where case_code = ? and kind = 'DISPATCH'"
                    + " and status = 'DELIVERED'", String.class, code);
            assertThat(dispatches).as("one delivery of " + code).hasSize(1);
            assertThat(partner.position(dispatches.get(0))).as("the partner holds " + code + "'s dispatch").isPositive();
        }
        assertThat(db.queryForObject("select count(distinct case_id) = count(*) from case_event where action = 'DEADLINE_PASSED'",
                Boolean.class)).as("each passed deadline acted on once").isTrue();
        assertThat(db.queryForObject("select count(distinct case_id) = count(*) from case_event where action = 'DEADLINE_REMINDER'",
                Boolean.class)).isTrue();
        // the surviving node ran the scan once the killed node's turn passed to it
        assertThat(Files.readString(logs.resolve(isolated.run + "-second.log"))).contains("Deadline scan:")
                .contains("LocalDataSourceJobStore' - which supports persistence. and is clustered");
    }

    /** Makes the deadline of every running clock a forward started pass (five working days gone by). */
    private static final String PASS_FORWARDED_CLOCKS = "update case_clock set warn_on = current_date - 4,"
            + " due_on = current_date - 2 where clock = 'CLASSIFICATION' and stopped_at is null"
            + " and started_by in (select event_id from case_event where action = 'FORWARD')";

    /** Every forwarded case's clock is the one its forward started (the clock keeper has read the bus so far). */
    private static boolean clocksFollowForwards(JdbcTemplate db) {
        return db.queryForObject("select count(*) from case_file f where f.state = 'FORWARDED' and not exists ("
                + " select 1 from case_clock k join case_event e on e.event_id = k.started_by"
                + " where k.case_code = f.code and k.stopped_at is null and e.action = 'FORWARD')", Integer.class) == 0;
    }

    private static void submit(HubApi node, int i) {
        Flows.submitAddressedTo(node, "Bộ Khoa học và Công nghệ", "Đề xuất hỗ trợ doanh nghiệp khởi nghiệp sáng tạo thứ " + i + ".");
    }

    private static long delivered(JdbcTemplate db) {
        return db.queryForObject("select count(*) from delivery where kind = 'DISPATCH' and status = 'DELIVERED'", Long.class);
    }

    private static long events(JdbcTemplate db, String action) {
        return db.queryForObject("select count(*) from case_event where action = ?", Long.class, action);
    }

    private static List<String> codes(JdbcTemplate db) {
        return db.queryForList("select code from case_file", String.class);
    }

    /** Members of the group that hold at least one partition. */
    private static long assignedMembers(Admin kafka, String group) throws Exception {
        ConsumerGroupDescription d = kafka.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
        return d.members().stream().map(MemberDescription::assignment).filter(a -> !a.topicPartitions().isEmpty()).count();
    }
}
