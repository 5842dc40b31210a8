package vn.paknhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * Bodies' machine credentials live in the database as hashes: issued, rotated and revoked through the
 * operator API while the hub runs, checked by Spring Security's bearer-token filter on every request.
 */
@HubIntegrationTest
class MachineCredentialsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    private HubApi api;

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    private int casesAs(String token) {
        return api.get("/api/v1/agency/cases?limit=1", HubApi.bearer(token)).status();
    }

    @Test
    void a_token_issued_at_run_time_works_at_once_is_kept_only_as_a_hash_and_stops_when_revoked() {
        HubApi.Reply issued = api.postJson("/api/v1/credentials", Map.of("agency", "bkhcn",
                "label", "Hệ thống PAKN của Bộ KH&CN (máy chủ dự phòng)"), HubApi.bearer(Samples.VPTW));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String token = issued.json().path("token").asText();
        long id = issued.json().path("credential").path("id").asLong();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(issued.json().path("credential").path("agency").asText()).isEqualTo("BKHCN");
        assertThat(issued.json().path("credential").path("createdBy").asText()).isEqualTo("VPTW");

        assertThat(casesAs(token)).isEqualTo(200);
        // the store holds the hash, never the token
        assertThat(db.queryForObject("select count(*) from machine_credential where position(convert_to(?, 'UTF8') in token_hash) > 0"
                + " or label like ?", Integer.class, token, "%" + token + "%")).isZero();
        JsonNode listed = api.get("/api/v1/credentials?agency=BKHCN", HubApi.bearer(Samples.VPTW)).json();
        assertThat(listed.toString()).doesNotContain(token);
        assertThat(listed.findValuesAsText("label")).contains("Hệ thống PAKN của Bộ KH&CN (máy chủ dự phòng)");
        assertThat(db.queryForObject("select last_used_at is not null from machine_credential where id = ?", Boolean.class, id))
                .isTrue();

        HubApi.Reply revoked = api.postJson("/api/v1/credentials/" + id + "/revoke", Map.of("reason", "Máy chủ dự phòng đã"
                + " ngừng hoạt động"), HubApi.bearer(Samples.VPTW));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("revokedBy").asText()).isEqualTo("VPTW");
        HubApi.Reply refused = api.get("/api/v1/agency/cases?limit=1", HubApi.bearer(token));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("title").asText()).contains("Chưa xác thực");
        // the refused attempt is in the access log
        assertThat(db.queryForObject("select count(*) from access_log where actor = 'unknown-credential'"
                + " and path = '/api/v1/agency/cases' and status = 401", Integer.class)).isPositive();
    }

    @Test
    void a_rotated_token_keeps_working_for_its_grace_period_beside_the_new_one_and_a_body_cannot_manage_tokens() {
        HubApi.Reply issued = api.postJson("/api/v1/credentials", Map.of("agency", "BYT", "label", "Cổng PAKN Bộ Y tế"),
                HubApi.bearer(Samples.VPTW));
        String old = issued.json().path("token").asText();
        long id = issued.json().path("credential").path("id").asLong();

        HubApi.Reply rotated = api.postJson("/api/v1/credentials/" + id + "/rotate", Map.of("graceHours", 1),
                HubApi.bearer(Samples.VPTW));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        String fresh = rotated.json().path("token").asText();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(casesAs(old)).isEqualTo(200);
        assertThat(casesAs(fresh)).isEqualTo(200);
        assertThat(db.queryForObject("select expires_at between now() + interval '59 minutes' and now() + interval '61 minutes'"
                + " from machine_credential where id = ?", Boolean.class, id)).isTrue();

        // no grace: the old one stops (every node within a few seconds)
        api.postJson("/api/v1/credentials/" + rotated.json().path("credential").path("id").asLong() + "/rotate",
                Map.of("graceHours", 0), HubApi.bearer(Samples.VPTW));
        await().atMost(Duration.ofSeconds(10)).until(() -> casesAs(fresh) == 401);

        // a body manages no tokens, its own or others'
        assertThat(api.get("/api/v1/credentials", HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/credentials", Map.of("agency", "BKHCN", "label", "x"), HubApi.bearer(Samples.BKHCN))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/credentials").status()).isEqualTo(401);
        assertThat(api.postJson("/api/v1/credentials", Map.of("agency", "KHONGCO", "label", "x"), HubApi.bearer(Samples.VPTW))
                .rules()).containsExactly("unknown-agency");
        assertThat(api.postJson("/api/v1/credentials/999999/revoke", Map.of(), HubApi.bearer(Samples.VPTW)).status())
                .isEqualTo(404);
    }

    @Test
    void operators_metrics_need_the_central_offices_credential_and_probes_stay_open() {
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
        HubApi.Reply forbidden = api.get("/actuator/prometheus", HubApi.bearer(Samples.BKHCN));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/actuator/prometheus", HubApi.bearer(Samples.VPTW)).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
