package vn.paknhub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.sandbox.SandboxStatusSender;
import vn.paknhub.sandbox.SandboxStatusSender.HubAnswer;
import vn.paknhub.sandbox.SandboxStatusSender.StatusRequest;
import vn.paknhub.sandbox.Sandboxes;
import vn.paknhub.support.CaseEventsReader;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * Handling systems tell the hub what happened (Đ23), each in its own format and by its own means,
 * through the sandboxes: applied in order and once, or refused with an answer that says why.
 */
@HubIntegrationTest
class StatusSyncEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    SandboxStatusSender partner;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Environment env;
    @Autowired
    ProducerTemplate producer;

    private HubApi api;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    private String deliveredTo(String addressee, String agency, String content) {
        return Flows.deliveredTo(api, db, addressee, agency, content);
    }

    private String state(String code) {
        return db.queryForObject("select state from case_file where code = ?", String.class, code);
    }

    /** Changes to the case; reads of personal data (e.g. by the notifier) come and go on their own. */
    private long events(String code) {
        return db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id"
                + " where f.code = ? and e.action <> 'READ_PERSONAL_DATA'", Long.class, code);
    }

    private JsonNode lastEvent(String code, String action) {
        JsonNode found = null;
        for (JsonNode e : api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(Samples.VPTW)).json()) {
            if (e.path("action").asText().equals(action)) {
                found = e;
            }
        }
        assertThat(found).as(action + " in the history of " + code).isNotNull();
        return found;
    }

    private HubAnswer ministry(String code, String status, String reason, Long sequence, String eventId) throws Exception {
        return partner.send(Sandboxes.JSON_MINISTRY, new StatusRequest(code, "BKHCN", status, reason, sequence, null,
                eventId, null));
    }

    @Test
    void a_webhook_update_is_applied_once_in_order_and_shown_with_its_source() throws Exception {
        String code = deliveredTo("Bộ Khoa học và Công nghệ", "BKHCN", "Đề xuất chính sách thu hút chuyên gia công nghệ.");
        String accepted = UUID.randomUUID().toString();

        HubAnswer first = ministry(code, "DA_TIEP_NHAN", null, 1L, accepted);
        assertThat(first.status()).isEqualTo(200);
        assertThat(json.readTree(first.body()).path("kind").asText()).isEqualTo("APPLIED");
        assertThat(state(code)).isEqualTo("ACCEPTED");
        JsonNode accept = lastEvent(code, "ACCEPT");
        assertThat(accept.path("details").path("source").asText()).isEqualTo("bkhcn-api");
        assertThat(accept.path("details").path("via").asText()).isEqualTo("WEBHOOK");
        assertThat(accept.path("details").path("externalStatus").asText()).isEqualTo("DA_TIEP_NHAN");

        long before = events(code);
        HubAnswer again = ministry(code, "DA_TIEP_NHAN", null, 1L, accepted);
        assertThat(again.status()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("kind").asText()).isEqualTo("DUPLICATE");
        assertThat(events(code)).isEqualTo(before);

        // update 3 overtakes update 2: it is applied and the gap is recorded; 2 arrives late and is not applied
        assertThat(ministry(code, "DANG_XU_LY", null, 3L, null).status()).isEqualTo(200);
        assertThat(state(code)).isEqualTo("IN_PROGRESS");
        assertThat(lastEvent(code, "START_PROCESSING").path("details").path("missingSequences").asText()).isEqualTo("2");
        HubAnswer late = ministry(code, "DE_NGHI_PHOI_HOP", "Cần Bộ Tài chính phối hợp.", 2L, null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("sequence").contains("STALE");
        assertThat(state(code)).isEqualTo("IN_PROGRESS");
        assertThat(db.queryForObject("select count(*) from status_update where case_code = ? and outcome = 'STALE'",
                Integer.class, code)).isOne();
    }

    @Test
    void an_illegal_change_and_an_unknown_status_are_refused_with_the_reason_and_change_nothing() throws Exception {
        String code = deliveredTo("Bộ Khoa học và Công nghệ", "BKHCN", "Đề xuất sàn giao dịch công nghệ quốc gia.");
        long before = events(code);

        HubAnswer illegal = ministry(code, "TRA_LOI_PHUC_DAP", "Trả lời phúc đáp.", 1L, null);
        assertThat(illegal.status()).isEqualTo(422);
        assertThat(illegal.body()).contains("illegal-transition");
        HubAnswer unknown = ministry(code, "CHO_KY_DUYET", null, 2L, null);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("UNKNOWN_STATUS").contains("CHO_KY_DUYET")
                .contains("mappings/bkhcn-api/status.jsonata");

        assertThat(state(code)).isEqualTo("FORWARDED");
        assertThat(events(code)).isEqualTo(before);
        assertThat(db.queryForList("select outcome from status_update where case_code = ? order by sequence",
                String.class, code)).containsExactly("REFUSED", "PARKED");
    }

    @Test
    void a_bad_signature_and_an_old_replayed_webhook_are_refused_and_change_nothing() throws Exception {
        String code = deliveredTo("Bộ Khoa học và Công nghệ", "BKHCN", "Đề xuất số hóa kho dữ liệu khoa học.");
        String body = "{\"maSuKien\": \"" + UUID.randomUUID() + "\", \"maHoSoHub\": \"" + code + "\", \"maCoQuan\": \"BKHCN\","
                + " \"soThuTu\": 1, \"trangThai\": \"DA_TIEP_NHAN\", \"thoiDiem\": \"2026-11-22T10:00:00+07:00\"}";
        HubApi.Reply forged = api.post("/api/v1/partners/bkhcn-api/status", "application/json", body,
                "X-Pakn-Timestamp", Long.toString(Instant.now().getEpochSecond()), "X-Pakn-Signature", "sha256=00");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");

        HubAnswer replayed = partner.send(Sandboxes.JSON_MINISTRY, new StatusRequest(code, "BKHCN", "DA_TIEP_NHAN", null,
                1L, null, null, Instant.now().minusSeconds(3600).getEpochSecond()));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.body()).contains("window");

        assertThat(state(code)).isEqualTo("FORWARDED");
        assertThat(db.queryForObject("select count(*) from status_update where case_code = ?", Integer.class, code)).isZero();
    }

    @Test
    void only_the_system_that_leads_a_case_may_change_it() throws Exception {
        String code = deliveredTo("Bộ Y tế", "BYT", "Đề xuất ứng dụng trí tuệ nhân tạo trong khám bệnh từ xa.");

        HubAnswer foreign = ministry(code, "DA_TIEP_NHAN", null, 1L, null);

        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.body()).contains("NOT_HANDLED_HERE");
        assertThat(state(code)).isEqualTo("FORWARDED");
    }

    @Test
    void the_national_portal_is_polled_and_its_own_status_codes_are_understood_or_parked() throws Exception {
        String code = deliveredTo("Bộ Y tế", "BYT",
                "Thủ tục hành chính cấp chứng chỉ hành nghề khám bệnh còn rườm rà, mã 1.004227.");

        // the portal keeps the change until the hub polls its progress query
        partner.send(Sandboxes.NATIONAL_PORTAL, new StatusRequest(code, "BYT", "3",
                "Nội dung thuộc diện khiếu nại, đề nghị gửi theo Luật Khiếu nại.", 1L, null, null, null));
        partner.send(Sandboxes.NATIONAL_PORTAL, new StatusRequest(code, "BYT", "6", null, 2L, null, null, null));

        await().atMost(PATIENCE).until(() -> "REJECTED".equals(state(code)));
        // the two changes may come in one poll or two
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from status_update where case_code = ?",
                Integer.class, code) == 2);
        assertThat(db.queryForList("select via || ' ' || outcome from status_update where case_code = ? order by sequence",
                String.class, code)).containsExactly("POLLING APPLIED", "POLLING PARKED");
        assertThat(lastEvent(code, "REJECT").path("reason").asText()).contains("Luật Khiếu nại");
    }

    @Test
    void a_province_reports_on_its_kafka_topic_and_hears_about_refusals_on_its_error_topic() throws Exception {
        String code = deliveredTo("UBND tỉnh Lâm Đồng", "68", "Đề xuất vườn ươm khởi nghiệp nông nghiệp công nghệ cao.");

        partner.send(Sandboxes.KAFKA_PROVINCE, new StatusRequest(code, "68", "DA_TIEP_NHAN", null, 1L, null, null, null));
        await().atMost(PATIENCE).until(() -> "ACCEPTED".equals(state(code)));
        assertThat(lastEvent(code, "ACCEPT").path("details").path("via").asText()).isEqualTo("KAFKA");

        partner.send(Sandboxes.KAFKA_PROVINCE, new StatusRequest(code, "68", "KHONG_RO", null, 2L, null, null, null));
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from status_update where case_code = ?"
                + " and outcome = 'PARKED'", Integer.class, code) == 1);
        try (CaseEventsReader errors = new CaseEventsReader(env.getRequiredProperty("camel.component.kafka.brokers"),
                "lamdong.pakn-status-errors")) {
            await().atMost(PATIENCE).until(() -> !errors.recordsFor(code).isEmpty());
            JsonNode error = json.readTree(errors.recordsFor(code).get(0).value());
            assertThat(error.path("schema").asText()).isEqualTo("pakn-hub/error/v1");
            assertThat(error.path("code").asText()).isEqualTo("UNKNOWN_STATUS");
            assertThat(error.path("message").asText()).contains("KHONG_RO");
        }
        assertThat(state(code)).isEqualTo("ACCEPTED");
        assertThat(db.queryForList("select outcome from status_update where case_code = ? order by sequence",
                String.class, code)).isEqualTo(List.of("APPLIED", "PARKED"));
    }

    @Test
    void updates_arriving_together_on_the_topic_are_applied_in_order_and_a_bad_one_stops_only_itself() throws Exception {
        String code = deliveredTo("UBND tỉnh Lâm Đồng", "68", "Đề xuất trung tâm dữ liệu nông nghiệp số của tỉnh.");
        String accepted = UUID.randomUUID().toString();

        // sent back to back, so that the hub reads them in one poll: the refused and the unreadable
        // ones must not undo the updates around them, and the copy must not apply twice
        partner.send(Sandboxes.KAFKA_PROVINCE, new StatusRequest(code, "68", "DA_TIEP_NHAN", null, 1L, null, accepted, null));
        partner.send(Sandboxes.KAFKA_PROVINCE, new StatusRequest(code, "68", "TRA_LOI_PHUC_DAP", "Trả lời.", 2L, null,
                null, null));
        producer.sendBodyAndHeader("kafka:lamdong.pakn-status", "{\"hoSo\": \"" + code + "\", \"stt\": ", "kafka.KEY",
                code);
        partner.send(Sandboxes.KAFKA_PROVINCE, new StatusRequest(code, "68", "DA_TIEP_NHAN", null, 1L, null, accepted, null));
        partner.send(Sandboxes.KAFKA_PROVINCE, new StatusRequest(code, "68", "DANG_XU_LY", null, 3L, null, null, null));

        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(state(code)));
        assertThat(db.queryForList("select outcome from status_update where case_code = ? order by sequence",
                String.class, code)).containsExactly("APPLIED", "REFUSED", "APPLIED");
        assertThat(lastEvent(code, "START_PROCESSING").path("details").has("missingSequences")).isFalse();
        try (CaseEventsReader errors = new CaseEventsReader(env.getRequiredProperty("camel.component.kafka.brokers"),
                "lamdong.pakn-status-errors")) {
            await().atMost(PATIENCE).until(() -> errors.recordsFor(code).size() == 2);
            List<String> codes = errors.recordsFor(code).stream().map(r -> {
                try {
                    return json.readTree(r.value()).path("code").asText();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
            assertThat(codes).containsExactly("ILLEGAL_TRANSITION", "UNREADABLE_MESSAGE");
        }
    }
}
