package vn.paknhub.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.HubProcess;
import vn.paknhub.support.IsolatedHub;
import vn.paknhub.support.Samples;

/**
 * Two hub processes on one database, the deadline scan firing often on clustered Quartz and
 * claiming in small batches; one is killed (SIGKILL) in the middle of the work. Every passed
 * reminder and due day is acted on exactly once: the killed node's open claim is given back by
 * PostgreSQL, and Quartz gives its turn to the other node.
 */
@HubIntegrationTest
class DeadlineScanTwoNodesTest {

    private static final int CASES = 60;

    @Autowired
    ApplicationContext context;

    private static long events(JdbcTemplate db, String action) {
        return db.queryForObject("select count(*) from case_event where action = ?", Long.class, action);
    }

    @Test
    void each_passed_deadline_is_acted_on_once_and_a_killed_node_leaves_its_share_to_the_other() throws Exception {
        IsolatedHub isolated = new IsolatedHub(context);
        String[] config = isolated.with("hub.sla.scan-interval-ms=200", "hub.sla.scan-batch=5", "hub.routing.enabled=false",
                "hub.notify.enabled=false", "hub.paper.enabled=false", "hub.mail.enabled=false");
        Path logs = Files.createDirectories(Path.of("target", "sla-two-nodes-test"));
        JdbcTemplate db = isolated.database();

        HubProcess first = HubProcess.start(logs.resolve(isolated.run + "-first.log"), config);
        try (HubProcess second = HubProcess.start(logs.resolve(isolated.run + "-second.log"), config)) {
            HubApi api = new HubApi(first.port());
            for (int i = 0; i < CASES; i++) {
                HubApi.Reply r = api.postJson("/api/v1/submissions", Samples.submission());
                assertThat(r.status()).as(r.body()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> db.queryForObject("select count(*) from case_clock"
                    + " where clock = 'CLASSIFICATION'", Integer.class) == CASES);
            // five working days have gone by for every case
            db.update("update case_clock set warn_on = current_date - 4, due_on = current_date - 2"
                    + " where clock = 'CLASSIFICATION'");

            await().atMost(Duration.ofSeconds(60)).until(() -> events(db, "DEADLINE_PASSED")
                    + events(db, "DEADLINE_REMINDER") >= 10);
            first.kill();
            long atKill = events(db, "DEADLINE_PASSED") + events(db, "DEADLINE_REMINDER");
            assertThat(atKill).as("killed in the middle of the work").isLessThan(2L * CASES);

            await().atMost(Duration.ofSeconds(60)).until(() -> events(db, "DEADLINE_PASSED") == CASES
                    && events(db, "DEADLINE_REMINDER") == CASES);
            assertThat(second.port()).isPositive();
        }
        assertThat(db.queryForObject("select count(distinct case_id) from case_event where action = 'DEADLINE_PASSED'",
                Integer.class)).isEqualTo(CASES);
        assertThat(db.queryForObject("select count(distinct case_id) from case_event where action = 'DEADLINE_REMINDER'",
                Integer.class)).isEqualTo(CASES);
        assertThat(db.queryForObject("select count(*) from case_clock where clock = 'CLASSIFICATION'"
                + " and (warned_at is null or overdue_at is null)", Integer.class)).isZero();
        // the survivor ran the scan once the killed node's turn passed to it
        assertThat(Files.readString(logs.resolve(isolated.run + "-second.log"))).contains("Deadline scan:")
                .contains("LocalDataSourceJobStore' - which supports persistence. and is clustered");
    }
}
