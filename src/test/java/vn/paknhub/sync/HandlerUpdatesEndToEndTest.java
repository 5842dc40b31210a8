package vn.paknhub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
 * What happens on the hub's side reaches the system handling the case (Đ23), through its connector
 * and with the guarantees of any delivery; a re-assignment reaches the new body's system.
 */
@HubIntegrationTest
class HandlerUpdatesEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    Sandboxes sandboxes;
    @Autowired
    SandboxStatusSender partner;
    @Autowired
    JdbcTemplate db;

    private HubApi api;

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    /** Submitted, routed and delivered: the tracking code and the lookup secret. */
    private String[] delivered(String addressee, String agency, String content) {
        JsonNode receipt = Flows.submitAddressedTo(api, addressee, content);
        String code = receipt.path("code").asText();
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from delivery where case_code = ?"
                + " and agency = ? and kind = 'DISPATCH' and status = 'DELIVERED'", Integer.class, code, agency) == 1);
        return new String[] {code, receipt.path("lookupSecret").asText()};
    }

    private List<SandboxPartner.Received> receivedBy(String system, String code) {
        return sandboxes.partner(system).receivedFor(code);
    }

    @Test
    void a_supplement_from_the_submitter_reaches_the_ministry_system_once() {
        String[] c = delivered("Bộ Khoa học và Công nghệ", "BKHCN", "Đề xuất quỹ phát triển khoa học cho doanh nghiệp nhỏ.");

        HubApi.Reply added = api.postJson("/api/v1/submissions/" + c[0] + "/supplements",
                Map.of("content", "Tôi gửi thêm số liệu khảo sát 120 doanh nghiệp."), "X-Lookup-Secret", c[1]);
        assertThat(added.status()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> receivedBy(Sandboxes.JSON_MINISTRY, c[0]).size() == 2);
        String update = receivedBy(Sandboxes.JSON_MINISTRY, c[0]).get(1).body();
        assertThat(update).contains("\"loai\":\"CAP_NHAT\"").contains("\"suKien\":\"SUPPLEMENT_ADDED\"")
                .contains("khảo sát 120 doanh nghiệp").contains("\"soPhieu\":\"BKHCN-");
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(db.queryForObject(
                "select status from delivery where case_code = ? and kind = 'UPDATE'", String.class, c[0])));
    }

    @Test
    void a_withdrawal_requested_after_acceptance_is_refused_with_the_reason_and_nothing_is_sent() throws Exception {
        String[] c = delivered("Bộ Khoa học và Công nghệ", "BKHCN", "Đề xuất mạng lưới phòng thí nghiệm dùng chung.");
        partner.send(Sandboxes.JSON_MINISTRY, new StatusRequest(c[0], "BKHCN", "DA_TIEP_NHAN", null, 1L, null, null, null));

        HubApi.Reply refused = api.postJson("/api/v1/submissions/" + c[0] + "/withdrawal",
                Map.of("reason", "Tôi muốn rút."), "X-Lookup-Secret", c[1]);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("D11.4-withdrawal-after-acceptance");
        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, c[0])).isEqualTo("ACCEPTED");
        assertThat(db.queryForObject("select count(*) from delivery where case_code = ? and kind = 'UPDATE'",
                Integer.class, c[0])).isZero();
    }

    @Test
    void an_appeal_reaches_the_xml_ministry_in_its_format() {
        String[] c = delivered("Bộ Y tế", "BYT", "Đề xuất ứng dụng trí tuệ nhân tạo trong chẩn đoán hình ảnh.");
        Flows.must(api, Samples.BYT, c[0], "ACCEPT", null, null);
        Flows.must(api, Samples.BYT, c[0], "POST_RESULT", "Bộ Y tế sẽ thí điểm tại ba bệnh viện tuyến trung ương.", null);

        HubApi.Reply appeal = api.postJson("/api/v1/submissions/" + c[0] + "/appeal",
                Map.of("reason", "Kết quả chưa nêu thời gian thí điểm."), "X-Lookup-Secret", c[1]);
        assertThat(appeal.status()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> receivedBy(Sandboxes.XML_MINISTRY, c[0]).stream()
                .anyMatch(r -> r.body().contains("CapNhatPAKN")));
        String update = receivedBy(Sandboxes.XML_MINISTRY, c[0]).stream().filter(r -> r.body().contains("CapNhatPAKN"))
                .findFirst().orElseThrow().body();
        assertThat(update).contains("<SuKien>APPEALED</SuKien>").contains("Kết quả chưa nêu thời gian thí điểm.");
        assertThat(receivedBy(Sandboxes.XML_MINISTRY, c[0])).hasSize(2);
    }

    @Test
    void an_officer_forwarding_the_case_sends_it_to_the_new_body_and_tells_the_previous_one() {
        String[] c = delivered("Bộ Khoa học và Công nghệ", "BKHCN", "Đề xuất chuẩn dữ liệu y tế quốc gia.");

        Flows.must(api, Samples.BKHCN, c[0], "FORWARD", "Nội dung thuộc lĩnh vực y tế.", "BYT");

        await().atMost(PATIENCE).until(() -> receivedBy(Sandboxes.XML_MINISTRY, c[0]).size() == 1);
        assertThat(receivedBy(Sandboxes.XML_MINISTRY, c[0]).get(0).body()).contains("TiepNhanPAKN")
                .contains("<VaiTro>ChuTri</VaiTro>");
        assertThat(db.queryForObject("select routing->>'rule' || ': ' || (routing->>'reason') from delivery"
                + " where case_code = ? and agency = 'BYT'", String.class, c[0])).isEqualTo("MANUAL: Nội dung thuộc lĩnh vực y tế.");
        await().atMost(PATIENCE).until(() -> receivedBy(Sandboxes.JSON_MINISTRY, c[0]).size() == 2);
        assertThat(receivedBy(Sandboxes.JSON_MINISTRY, c[0]).get(1).body()).contains("\"suKien\":\"REASSIGNED\"")
                .contains("\"coQuanMoi\":\"BYT\"");
    }

    @Test
    void a_system_forwarding_the_case_itself_is_not_told_about_it_again() throws Exception {
        String[] c = delivered("Bộ Khoa học và Công nghệ", "BKHCN", "Đề xuất hệ thống cảnh báo dịch bệnh bằng dữ liệu lớn.");

        partner.send(Sandboxes.JSON_MINISTRY, new StatusRequest(c[0], "BKHCN", "CHUYEN_CO_QUAN",
                "Thuộc thẩm quyền Bộ Y tế.", 1L, "BYT", null, null));

        await().atMost(PATIENCE).until(() -> receivedBy(Sandboxes.XML_MINISTRY, c[0]).size() == 1);
        // the forward's own update would be planned with the dispatch: none was
        assertThat(db.queryForObject("select count(*) from delivery where case_code = ? and kind = 'UPDATE'",
                Integer.class, c[0])).isZero();
        assertThat(receivedBy(Sandboxes.JSON_MINISTRY, c[0])).hasSize(1);
    }
}
