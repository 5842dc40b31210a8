package vn.paknhub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.evidence.Checkpoints;
import vn.paknhub.evidence.EvidenceVerifier;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * Every read and change through the agency and operator APIs is in the access log with who, what, when,
 * from where and the answer, refused attempts too; the log is covered by the signed checkpoints.
 */
@HubIntegrationTest
class AccessLogTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    EvidenceVerifier verifier;

    private List<Map<String, Object>> logged(String path) {
        return db.queryForList("select actor, method, query, status, address from access_log where path = ? order by id", path);
    }

    @Test
    void reads_of_lists_history_and_statistics_and_refused_attempts_are_logged_with_their_actor() {
        HubApi api = new HubApi(port);
        String code = Flows.submit(api).path("code").asText();

        assertThat(api.get("/api/v1/statistics?by=AGENCY&from=2026-11-01&to=2026-11-30", HubApi.bearer(Samples.VPTW)).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(Samples.VPTW)).status()).isEqualTo(200);
        int refused = api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(Samples.BYT)).status();
        assertThat(refused).isIn(403, 404);
        assertThat(api.get("/api/v1/parked").status()).isEqualTo(401);

        assertThat(logged("/api/v1/statistics")).last().satisfies(row -> {
            assertThat(row).containsEntry("actor", "VPTW").containsEntry("method", "GET").containsEntry("status", 200)
                    .containsEntry("query", "by=AGENCY&from=2026-11-01&to=2026-11-30");
            assertThat((String) row.get("address")).isNotBlank();
        });
        assertThat(logged("/api/v1/agency/cases/" + code + "/history")).extracting(r -> r.get("actor"), r -> r.get("status"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VPTW", 200), org.assertj.core.groups.Tuple.tuple("BYT", refused));
        assertThat(logged("/api/v1/parked")).last().satisfies(row -> assertThat(row).containsEntry("actor", "anonymous")
                .containsEntry("status", 401));
        assertThat(db.queryForObject("select count(*) from access_log where path like '/api/v1/submissions%'", Integer.class))
                .isZero();

        HubApi.Reply found = api.get("/api/v1/access-log?actor=BYT", HubApi.bearer(Samples.VPTW));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains(code + "/history");
        assertThat(api.get("/api/v1/access-log", HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);
    }

    @Test
    void an_access_log_row_changed_after_its_checkpoint_is_named_by_the_verification() {
        HubApi api = new HubApi(port);
        api.get("/api/v1/deliveries", HubApi.bearer(Samples.VPTW));
        Checkpoints.Checkpoint signed = checkpoints.checkpoint().orElseThrow();
        assertThat(signed.toAccessId()).isGreaterThan(signed.fromAccessId());
        String mine = "checkpoint " + signed.id() + " ";
        assertThat(verifier.verifyAll().problems()).noneMatch(p -> p.detail().startsWith(mine));

        db.execute("alter table access_log disable trigger access_log_append_only");
        try {
            db.update("update access_log set actor = 'BKHCN' where id = (select max(id) from access_log where id <= ?"
                    + " and path = '/api/v1/deliveries')", signed.toAccessId());
        } finally {
            db.execute("alter table access_log enable trigger access_log_append_only");
        }
        assertThat(verifier.verifyAll().problems()).anyMatch(p -> p.kind().equals("checkpoint") && p.detail().startsWith(mine)
                && p.detail().contains("access-log"));
    }
}
