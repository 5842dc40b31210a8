package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.CaseEventsReader;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

@HubIntegrationTest
class SubmissionEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Value("${camel.component.kafka.brokers}")
    String brokers;
    @Value("${hub.bus.case-events-topic}")
    String topic;

    HubApi api;
    CaseEventsReader bus;

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
        bus = new CaseEventsReader(brokers, topic);
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    @Test
    void accepted_submission_is_stored_with_its_first_event_and_reaches_kafka_keyed_by_case_code() throws Exception {
        HubApi.Reply reply = api.postJson("/api/v1/submissions", Samples.submission());

        assertThat(reply.status()).isEqualTo(202);
        JsonNode receipt = reply.json();
        String code = receipt.path("code").asText();
        assertThat(code).matches("SKGP-\\d{8}-\\d{6,}");
        assertThat(receipt.path("lookupSecret").asText()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(receipt.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(receipt.path("receivedAt").asText()).endsWith("+07:00");
        assertThat(reply.raw().headers().firstValue("Location")).contains("/api/v1/submissions/" + code);

        // the 202 came after the commit: the rows are there the moment the answer is
        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, code))
                .isEqualTo("SUBMITTED");
        assertThat(db.queryForList("select e.action from case_event e join case_file c on c.id = e.case_id"
                + " where c.code = ?", String.class, code)).containsExactly("SUBMIT");

        await().atMost(Duration.ofSeconds(30)).until(() -> !bus.recordsFor(code).isEmpty());
        var records = bus.recordsFor(code);
        // the submission's event, once and first in its key's order; the router may already have added its own
        assertThat(records).filteredOn(r -> r.value().contains("\"SUBMIT\"")).hasSize(1);
        JsonNode event = new ObjectMapper().readTree(records.get(0).value());
        assertThat(event.path("caseCode").asText()).isEqualTo(code);
        assertThat(event.path("action").asText()).isEqualTo("SUBMIT");
        assertThat(event.path("caseVersion").asInt()).isEqualTo(1);
        assertThat(records.get(0).value()).doesNotContain("minhthu.nguyen@example.vn", "Nguyễn Thị Minh Thư");
        await().atMost(Duration.ofSeconds(10)).until(() -> db.queryForObject(
                "select count(*) from outbox where case_code = ?", Integer.class, code) == 0);
    }

    @Test
    void retried_post_with_the_same_idempotency_key_returns_the_same_receipt_and_makes_one_case() {
        Map<String, Object> item = Samples.submission();
        String key = "retry-" + UUID.randomUUID();

        HubApi.Reply first = api.postJson("/api/v1/submissions", item, "Idempotency-Key", key);
        HubApi.Reply second = api.postJson("/api/v1/submissions", item, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json()).isEqualTo(first.json());
        String content = (String) item.get("content");
        assertThat(db.queryForObject("select count(*) from case_file where content = ?", Integer.class, content))
                .isEqualTo(1);
    }

    @Test
    void concurrent_retries_with_one_key_still_make_one_case() throws Exception {
        Map<String, Object> item = Samples.submission();
        String key = "race-" + UUID.randomUUID();
        var pool = Executors.newFixedThreadPool(8);
        try {
            Callable<HubApi.Reply> post =
                    () -> api.postJson("/api/v1/submissions", item, "Idempotency-Key", key);
            var replies = pool.invokeAll(Collections.nCopies(8, post));
            var codes = new HashSet<String>();
            for (var f : replies) {
                HubApi.Reply r = f.get();
                assertThat(r.status()).isEqualTo(202);
                codes.add(r.json().path("code").asText());
            }
            assertThat(codes).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.queryForObject("select count(*) from case_file where content = ?", Integer.class,
                item.get("content"))).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_body_is_refused_and_creates_nothing() {
        String key = "reuse-" + UUID.randomUUID();
        api.postJson("/api/v1/submissions", Samples.submission(), "Idempotency-Key", key);
        Map<String, Object> other = Samples.submission();

        HubApi.Reply reply = api.postJson("/api/v1/submissions", other, "Idempotency-Key", key);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.rules()).containsExactly("idempotency-key-reused");
        assertThat(db.queryForObject("select count(*) from case_file where content = ?", Integer.class,
                other.get("content"))).isZero();
    }
}
