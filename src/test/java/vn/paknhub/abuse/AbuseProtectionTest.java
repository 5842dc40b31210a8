package vn.paknhub.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * Floods and guessing (Đ18–19) against the running hub, limits on, each test from its own client address
 * (forwarded by a trusted proxy, as behind the ministry's reverse proxy), the buckets in PostgreSQL.
 */
@HubIntegrationTest
// a context of its own (limits on): closed after the class, so that its consumers and dispatchers do not
// take the shared context's work while the other tests run
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {"hub.limits.enabled=true", "hub.limits.submissions-per-address=5",
    "hub.limits.submissions-per-submitter=3", "hub.limits.wrong-secrets=4", "hub.limits.lock-period=10m",
    "server.forward-headers-strategy=native"})
class AbuseProtectionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

    /** A client address of its own for each use (documentation range, RFC 5737). */
    private static String address() {
        return "198.51.100." + CLIENTS.incrementAndGet();
    }

    private static Map<String, Object> itemFrom(String email) {
        Map<String, Object> item = Samples.submission();
        @SuppressWarnings("unchecked")
        Map<String, Object> submitter = (Map<String, Object>) item.get("submitter");
        submitter.put("email", email);
        submitter.put("phone", "09" + (10_000_000 + Math.floorMod(email.hashCode(), 89_999_999)));
        return item;
    }

    @Test
    void a_flood_from_one_address_is_answered_429_with_retry_after_while_another_address_goes_on() {
        HubApi api = new HubApi(port);
        String flooder = address();
        List<Integer> statuses = new ArrayList<>();
        HubApi.Reply refused = null;
        for (int i = 0; i < 8; i++) {
            HubApi.Reply r = api.postJson("/api/v1/submissions", itemFrom("lu-" + i + "-" + UUID.randomUUID() + "@example.vn"),
                    "X-Forwarded-For", flooder);
            statuses.add(r.status());
            if (r.status() == 429) {
                refused = r;
            }
        }
        assertThat(statuses).containsExactly(202, 202, 202, 202, 202, 429, 429, 429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.rules()).containsExactly("D18-client-rate-limit");
        long retryAfter = Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);

        assertThat(api.postJson("/api/v1/submissions", itemFrom("khac-" + UUID.randomUUID() + "@example.vn"),
                "X-Forwarded-For", address()).status()).isEqualTo(202);
    }

    /** The public form and Open311's POST requests are doors of the same address budget as the API. */
    @Test
    void the_public_form_and_open311_share_the_addresss_sending_limit() {
        HubApi api = new HubApi(port);
        String flooder = address();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(api.post("/gui-pakn", "application/x-www-form-urlencoded", "title=x", "X-Forwarded-For", flooder)
                    .status());
        }
        assertThat(statuses).containsExactly(422, 422, 422, 422, 422, 429);
        assertThat(api.post("/open311/v2/requests.json", "application/x-www-form-urlencoded", "api_key=x&service_code=a",
                "X-Forwarded-For", flooder).status()).isEqualTo(429);
        assertThat(api.post("/gui-pakn", "application/x-www-form-urlencoded", "title=x", "X-Forwarded-For", address())
                .status()).isEqualTo(422);
    }

    @Test
    void the_public_answers_and_open_data_are_limited_per_address_like_the_submitters_reads() {
        HubApi api = new HubApi(port);
        String reader = address();
        HubApi.Reply refused = null;
        int served = 0;
        // 120 reads a minute by default (HUB_LIMITS_LOOKUPS_PER_ADDRESS)
        for (int i = 0; i < 130 && refused == null; i++) {
            HubApi.Reply r = api.get("/api/public/v1/published?limit=1", "X-Forwarded-For", reader);
            if (r.status() == 429) {
                refused = r;
            } else {
                assertThat(r.status()).isEqualTo(200);
                served++;
            }
        }
        assertThat(refused).as("refused after " + served).isNotNull();
        assertThat(served).isEqualTo(120);
        assertThat(refused.rules()).containsExactly("D18-client-rate-limit");
        assertThat(api.get("/api/public/v1/published/feed.atom", "X-Forwarded-For", reader).status()).isEqualTo(429);
        assertThat(api.get("/api/public/v1/published?limit=1", "X-Forwarded-For", address()).status()).isEqualTo(200);
    }

    @Test
    void one_submitter_is_limited_per_day_whatever_address_they_send_from() {
        HubApi api = new HubApi(port);
        String email = "mot-nguoi-" + UUID.randomUUID() + "@example.vn";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(api.postJson("/api/v1/submissions", itemFrom(email), "X-Forwarded-For", address()).status());
        }
        assertThat(statuses).containsExactly(202, 202, 202, 429);
    }

    @Test
    void wrong_lookup_secrets_lock_the_code_even_for_its_owner_and_the_lock_is_in_the_history() {
        HubApi api = new HubApi(port);
        HubApi.Reply receipt = api.postJson("/api/v1/submissions", itemFrom("chu-" + UUID.randomUUID() + "@example.vn"),
                "X-Forwarded-For", address());
        String code = receipt.json().path("code").asText();
        String secret = receipt.json().path("lookupSecret").asText();
        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            guesses.add(api.get("/api/v1/submissions/" + code, "X-Lookup-Secret", "doan-" + i, "X-Forwarded-For", address())
                    .status());
        }
        assertThat(guesses).containsExactly(404, 404, 404, 404, 429, 429);
        HubApi.Reply owner = api.get("/api/v1/submissions/" + code, "X-Lookup-Secret", secret, "X-Forwarded-For", address());
        assertThat(owner.status()).isEqualTo(429);
        assertThat(owner.rules()).containsExactly("D19-lookup-locked");
        assertThat(db.queryForList("select e.reason from case_event e join case_file f on f.id = e.case_id"
                + " where f.code = ? and e.action = 'LOOKUP_LOCKED'", String.class, code))
                .containsExactly("4 mã tra cứu sai trong 10 phút");
    }

    @Test
    void an_operator_locks_an_address_range_and_a_submitter_warns_and_lifts_each_step_recorded() {
        HubApi api = new HubApi(port);
        HubApi.Reply lock = api.postJson("/api/v1/abuse/measures", Map.of("address", "203.0.113.0/24", "action", "LOCK",
                "minutes", 30, "reason", "Gửi hàng loạt nội dung rác"), HubApi.bearer(Samples.VPTW));
        assertThat(lock.status()).as(lock.body()).isEqualTo(201);
        assertThat(lock.json().path("takenBy").asText()).isEqualTo("VPTW");
        HubApi.Reply blocked = api.postJson("/api/v1/submissions", itemFrom("x-" + UUID.randomUUID() + "@example.vn"),
                "X-Forwarded-For", "203.0.113.77");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.rules()).containsExactly("D19-locked");
        assertThat(api.get("/api/v1/submissions/SKGP-20261207-000001", "X-Lookup-Secret", "x", "X-Forwarded-For", "203.0.113.9")
                .status()).isEqualTo(403);

        String email = "bi-canh-bao-" + UUID.randomUUID() + "@example.vn";
        HubApi.Reply revoke = api.postJson("/api/v1/abuse/measures", Map.of("email", email, "action", "REVOKE",
                "reason", "Mạo danh cơ quan nhà nước"), HubApi.bearer(Samples.VPTW));
        assertThat(revoke.json().path("label").asText()).doesNotContain(email).endsWith("@example.vn");
        assertThat(api.postJson("/api/v1/submissions", itemFrom(email), "X-Forwarded-For", address()).rules())
                .containsExactly("D19-revoked");

        // lifted: both answer again; the lifts are on record with who and why
        for (HubApi.Reply taken : List.of(lock, revoke)) {
            assertThat(api.postJson("/api/v1/abuse/measures/" + taken.json().path("id").asText() + "/lift",
                    Map.of("reason", "Đã xác minh"), HubApi.bearer(Samples.VPTW)).json().path("liftedBy").asText()).isEqualTo("VPTW");
        }
        assertThat(api.postJson("/api/v1/submissions", itemFrom("y-" + UUID.randomUUID() + "@example.vn"),
                "X-Forwarded-For", "203.0.113.78").status()).isEqualTo(202);
        HubApi.Reply warn = api.postJson("/api/v1/abuse/measures", Map.of("email", email, "action", "WARN",
                "reason", "Nội dung trùng lặp nhiều lần"), HubApi.bearer(Samples.VPTW));
        String code = api.postJson("/api/v1/submissions", itemFrom(email), "X-Forwarded-For", address()).json().path("code").asText();
        assertThat(db.queryForList("select e.details->>'measure' from case_event e join case_file f on f.id = e.case_id"
                + " where f.code = ? and e.action = 'SUBMITTER_WARNED'", String.class, code))
                .containsExactly(warn.json().path("id").asText());
        assertThat(api.get("/api/v1/abuse/measures?inForce=false", HubApi.bearer(Samples.VPTW)).body())
                .contains("Đã xác minh").contains(lock.json().path("id").asText());
        assertThat(api.postJson("/api/v1/abuse/measures", Map.of("address", "không phải địa chỉ", "action", "LOCK",
                "minutes", 5, "reason", "thử sai"), HubApi.bearer(Samples.VPTW)).rules()).containsExactly("cidr");
        assertThat(api.get("/api/v1/abuse/measures", HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);
    }
}
