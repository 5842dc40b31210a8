package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * Web submissions that wait together are stored in one PostgreSQL transaction (group commit), and
 * one refused submission among them does not cost the others theirs. To make submissions wait, both
 * intake writers (hub.intake.writers = 2) are held: each is given a submission whose Idempotency-Key
 * another transaction has claimed and not committed.
 */
@HubIntegrationTest
class SubmissionGroupCommitTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;

    HubApi api;
    final ExecutorService clients = Executors.newFixedThreadPool(10);
    final List<Connection> holders = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Connection c : holders) {
            c.rollback();
            c.close();
        }
        clients.shutdownNow();
    }

    @Test
    void submissions_waiting_together_are_committed_in_one_transaction() throws Exception {
        Connection holdFirst = holdWriter();
        Connection holdSecond = holdWriter();
        List<Map<String, Object>> items = List.of(Samples.submission(), Samples.submission(), Samples.submission(),
                Samples.submission(), Samples.submission(), Samples.submission());
        List<Future<HubApi.Reply>> replies = new ArrayList<>();
        for (Map<String, Object> item : items) {
            replies.add(clients.submit(() -> api.postJson("/api/v1/submissions", item)));
        }
        awaitWaiting(6);

        release(holdFirst);

        for (Future<HubApi.Reply> r : replies) {
            assertThat(r.get().status()).isEqualTo(202);
        }
        List<String> contents = items.stream().map(i -> (String) i.get("content")).toList();
        // rows written by one transaction carry its id (xmin): the six cases and their first events share one
        assertThat(db.queryForObject("select count(distinct xmin::text) from case_file where content = any(?)",
                Long.class, (Object) contents.toArray(String[]::new))).isEqualTo(1);
        List<Long> events = db.queryForObject("""
                select count(*), count(distinct e.xmin::text) from case_event e join case_file c on c.id = e.case_id
                where c.content = any(?) and e.action = 'SUBMIT'""", (rs, i) -> List.of(rs.getLong(1), rs.getLong(2)),
                (Object) contents.toArray(String[]::new));
        assertThat(events).containsExactly(6L, 1L);
        release(holdSecond);
    }

    @Test
    void a_refused_submission_among_others_is_refused_alone_and_the_others_are_kept() throws Exception {
        String reusedKey = "reused-" + UUID.randomUUID();
        assertThat(api.postJson("/api/v1/submissions", Samples.submission(), "Idempotency-Key", reusedKey).status())
                .isEqualTo(202);
        Connection holdFirst = holdWriter();
        Connection holdSecond = holdWriter();
        List<Map<String, Object>> good = List.of(Samples.submission(), Samples.submission(), Samples.submission(),
                Samples.submission());
        Map<String, Object> refused = Samples.submission();
        List<Future<HubApi.Reply>> goodReplies = new ArrayList<>();
        goodReplies.add(clients.submit(() -> api.postJson("/api/v1/submissions", good.get(0))));
        goodReplies.add(clients.submit(() -> api.postJson("/api/v1/submissions", good.get(1))));
        Future<HubApi.Reply> refusedReply = clients.submit(
                () -> api.postJson("/api/v1/submissions", refused, "Idempotency-Key", reusedKey));
        goodReplies.add(clients.submit(() -> api.postJson("/api/v1/submissions", good.get(2))));
        goodReplies.add(clients.submit(() -> api.postJson("/api/v1/submissions", good.get(3))));
        awaitWaiting(5);

        release(holdFirst);

        assertThat(refusedReply.get().status()).isEqualTo(422);
        assertThat(refusedReply.get().rules()).containsExactly("idempotency-key-reused");
        for (Future<HubApi.Reply> r : goodReplies) {
            assertThat(r.get().status()).isEqualTo(202);
        }
        for (Map<String, Object> item : good) {
            assertThat(db.queryForObject("select count(*) from case_file where content = ?", Integer.class,
                    item.get("content"))).isEqualTo(1);
        }
        assertThat(db.queryForObject("select count(*) from case_file where content = ?", Integer.class,
                refused.get("content"))).isZero();
        release(holdSecond);
    }

    /**
     * Claims a fresh Idempotency-Key in a transaction left open, then submits with that key: the next
     * free writer takes the submission and waits for the claim (a unique-key wait in PostgreSQL).
     */
    private Connection holdWriter() throws Exception {
        int waitingBefore = lockWaits();
        String key = "held-" + UUID.randomUUID();
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        holders.add(c);
        try (PreparedStatement s = c.prepareStatement("insert into idempotency_key (scope, key, request_hash,"
                + " case_code, response_enc) values ('WEB', ?, '\\x00', 'held', '\\x00')")) {
            s.setString(1, key);
            s.executeUpdate();
        }
        Map<String, Object> item = Samples.submission();
        clients.submit(() -> api.postJson("/api/v1/submissions", item, "Idempotency-Key", key));
        await().atMost(Duration.ofSeconds(20)).until(() -> lockWaits() == waitingBefore + 1);
        return c;
    }

    private void release(Connection holder) throws Exception {
        holder.rollback();
        holder.close();
        holders.remove(holder);
    }

    private int lockWaits() {
        return db.queryForObject("""
                select count(*) from pg_stat_activity
                where wait_event_type = 'Lock' and query like 'insert into idempotency_key%'""", Integer.class);
    }

    private void awaitWaiting(int n) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> meters.get("hub.intake.waiting").gauge().value() == n);
    }
}
