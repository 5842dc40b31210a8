package vn.paknhub.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.sandbox.SandboxPartner;
import vn.paknhub.sandbox.SandboxStatusSender;
import vn.paknhub.sandbox.SandboxStatusSender.StatusRequest;
import vn.paknhub.sandbox.Sandboxes;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * The hub against the ministry's own list of what it holds (its sandbox's export): a message the partner
 * lost is found and sent again, a message it applied twice and a status it never sent are shown to the
 * operator, and each drift resolves once the two sides agree again.
 */
@HubIntegrationTest
class ReconciliationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String MINISTRY = Sandboxes.JSON_MINISTRY;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Sandboxes sandboxes;
    @Autowired
    SandboxStatusSender partner;
    @Autowired
    MeterRegistry meters;

    private HubApi api;

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    private String delivered(String content) {
        return Flows.deliveredTo(api, db, "Bộ Khoa học và Công nghệ", "BKHCN", content);
    }

    private HubApi.Reply run() {
        HubApi.Reply run = api.post("/api/v1/reconciliation/" + MINISTRY + "/run", "application/json", "",
                HubApi.bearer(Samples.VPTW));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        return run;
    }

    private List<JsonNode> drift(String code) {
        List<JsonNode> mine = new ArrayList<>();
        api.get("/api/v1/reconciliation/drift?system=" + MINISTRY, HubApi.bearer(Samples.VPTW)).json()
                .forEach(d -> {
                    if (d.path("caseCode").asText().equals(code)) {
                        mine.add(d);
                    }
                });
        return mine;
    }

    private List<JsonNode> history(String code, String action) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(Samples.VPTW)).json().forEach(e -> {
            if (e.path("action").asText().equals(action)) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void a_message_the_partner_lost_is_found_sent_again_and_the_drift_resolves() {
        sandboxes.partner(MINISTRY).behave(SandboxPartner.Mode.LOSE, 1);
        String code = delivered("Đề xuất hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo ở vùng sâu.");
        assertThat(sandboxes.partner(MINISTRY).receivedFor(code)).as("the partner said received, kept nothing").isEmpty();

        run();
        assertThat(drift(code)).singleElement().satisfies(d -> {
            assertThat(d.path("kind").asText()).isEqualTo("MISSING_AT_PARTNER");
            assertThat(d.path("repair").asText()).isEqualTo("RESENT");
        });
        await().atMost(PATIENCE).until(() -> !sandboxes.partner(MINISTRY).receivedFor(code).isEmpty()
                && "DELIVERED".equals(db.queryForObject("select status from delivery where case_code = ? and role = 'LEAD'",
                        String.class, code)));
        JsonNode repair = history(code, "RECONCILIATION_DRIFT").get(0);
        assertThat(repair.path("details").path("repair").asText()).isEqualTo("RESENT");
        assertThat(repair.path("reason").asText()).contains("gửi lại").contains("same idempotency key");
        assertThat(meters.counter("hub.reconciliation.repairs", "system", MINISTRY, "action", "RESENT").count()).isPositive();

        run();
        assertThat(drift(code)).as("the partner has it now").isEmpty();
        assertThat(sandboxes.partner(MINISTRY).receivedFor(code)).as("sent once more, not twice").hasSize(1);
    }

    @Test
    void a_message_applied_twice_and_a_status_never_sent_are_shown_not_guessed() throws Exception {
        sandboxes.partner(MINISTRY).behave(SandboxPartner.Mode.TWICE, 1);
        String twice = delivered("Kiến nghị đơn giản hóa thủ tục công nhận doanh nghiệp khoa học.");
        String skipped = delivered("Đề nghị mở rộng chương trình học bổng nghiên cứu sinh.");
        assertThat(partner.send(MINISTRY, new StatusRequest(skipped, "BKHCN", "DA_TIEP_NHAN", null, 1L, null, null, null))
                .status()).isEqualTo(200);
        // the ministry moves the case on in its own system and never tells the hub
        assertThat(api.put("/sandbox/" + MINISTRY + "/cases/" + skipped + "/status", Map.of("status", "DANG_XU_LY"))
                .status()).isEqualTo(200);

        run();
        assertThat(drift(twice)).singleElement().satisfies(d -> {
            assertThat(d.path("kind").asText()).isEqualTo("DUPLICATED_AT_PARTNER");
            assertThat(d.path("partnerValue").asText()).isEqualTo("2");
            assertThat(d.path("repair").asText()).isEqualTo("NONE");
        });
        assertThat(drift(skipped)).singleElement().satisfies(d -> {
            assertThat(d.path("kind").asText()).isEqualTo("DIFFERENT_STATE");
            assertThat(d.path("hubValue").asText()).isEqualTo("ACCEPTED");
            assertThat(d.path("partnerValue").asText()).isEqualTo("IN_PROGRESS");
            assertThat(d.path("repair").asText()).isEqualTo("NONE");
        });
        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, skipped))
                .as("never guessed").isEqualTo("ACCEPTED");
        assertThat(history(skipped, "RECONCILIATION_DRIFT")).singleElement()
                .satisfies(e -> assertThat(e.path("reason").asText()).contains("must send the update"));
        assertThat(meters.get("hub.reconciliation.drift").tags("system", MINISTRY, "kind", "DIFFERENT_STATE").gauge().value())
                .isGreaterThanOrEqualTo(1);

        // the ministry sends the status it skipped: the two sides agree again
        assertThat(partner.send(MINISTRY, new StatusRequest(skipped, "BKHCN", "DANG_XU_LY", null, 2L, null, null, null))
                .status()).isEqualTo(200);
        run();
        assertThat(drift(skipped)).isEmpty();
        assertThat(drift(twice)).as("still two copies at the partner").hasSize(1);
    }

    @Test
    void only_the_central_office_runs_it_and_an_unknown_system_is_named() {
        assertThat(api.post("/api/v1/reconciliation/" + MINISTRY + "/run", "application/json", "",
                HubApi.bearer("test-token-bkhcn")).status()).isEqualTo(403);
        HubApi.Reply unknown = api.post("/api/v1/reconciliation/khong-co/run", "application/json", "", HubApi.bearer(Samples.VPTW));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("khong-co");
    }
}
