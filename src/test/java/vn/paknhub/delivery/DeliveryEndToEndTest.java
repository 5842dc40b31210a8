package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.sandbox.SandboxPartner;
import vn.paknhub.sandbox.SandboxPartner.Mode;
import vn.paknhub.sandbox.Sandboxes;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubApi.Part;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * Submit → classified and routed by Đ10 → delivered to the right partner system, in its own format,
 * once — with the shipped connectors and the embedded sandboxes.
 */
@HubIntegrationTest
class DeliveryEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    Sandboxes sandboxes;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ConnectorSigner signer;

    private HubApi api;

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    @AfterEach
    void partnersBehaveAgain() {
        List.of(Sandboxes.JSON_MINISTRY, Sandboxes.XML_MINISTRY, Sandboxes.NATIONAL_PORTAL)
                .forEach(s -> sandboxes.partner(s).behave(Mode.ACCEPT, -1));
    }

    private String submit(String addressedTo, String content) {
        return Flows.submitAddressedTo(api, addressedTo, content).path("code").asText();
    }

    private List<SandboxPartner.Received> receivedBy(String system, String code) {
        return sandboxes.partner(system).receivedFor(code);
    }

    private String deliveryStatus(String code, String agency) {
        List<String> s = db.queryForList("select status from delivery where case_code = ? and agency = ?", String.class,
                code, agency);
        return s.isEmpty() ? null : s.get(0);
    }

    @Test
    void a_policy_item_to_a_ministry_with_a_json_api_reaches_it_signed_once_and_the_receipt_is_recorded() {
        String code = submit("Bộ Khoa học và Công nghệ", "Đề xuất cơ chế thử nghiệm có kiểm soát cho trí tuệ nhân tạo.");

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(deliveryStatus(code, "BKHCN")));
        List<SandboxPartner.Received> got = receivedBy(Sandboxes.JSON_MINISTRY, code);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).body()).contains("\"vaiTro\":\"chu_tri\"").contains("Điều 10.2b");
        Map<String, Object> delivery = db.queryForMap("select external_reference, receipt::text as receipt from delivery"
                + " where case_code = ?", code);
        assertThat((String) delivery.get("external_reference")).startsWith("BKHCN-");
        assertThat((String) delivery.get("receipt")).contains("pakn-hub/delivery-receipt/v1").contains("ACCEPTED");
        JsonNode forward = history(code, "FORWARD");
        assertThat(forward.path("details").path("rule").asText()).isEqualTo("D10.2b");
        assertThat(forward.path("details").path("evidence").toString()).contains("Bộ Khoa học và Công nghệ");
        assertThat(db.queryForObject("select state || '/' || assigned_agency from case_file where code = ?", String.class,
                code)).isEqualTo("FORWARDED/BKHCN");

        // the ministry signs its answers: the answer is kept with its signature, checked, and the sealed
        // DELIVERED event names the answer's hash and the verdict
        Map<String, Object> answer = db.queryForMap("select partner_answer->>'signatureCheck' as verdict,"
                + " partner_answer->>'sha256' as sha, partner_answer->>'body' as body, partner_answer->>'signature' as sig,"
                + " partner_answer->>'httpStatus' as http from delivery where case_code = ?", code);
        assertThat(answer.get("verdict")).isEqualTo("VALID");
        assertThat((String) answer.get("sig")).startsWith("sha256=");
        assertThat(answer.get("http")).isEqualTo("201");
        assertThat((String) answer.get("body")).contains("\"status\":\"received\"");
        assertThat(answer.get("sha")).isEqualTo(java.util.HexFormat.of().formatHex(vn.paknhub.core.crypto.Digests.sha256(
                ((String) answer.get("body")).getBytes(StandardCharsets.UTF_8))));
        JsonNode delivered = history(code, "DELIVERED");
        assertThat(delivered.path("details").path("partnerSignature").asText()).isEqualTo("VALID");
        assertThat(delivered.path("details").path("partnerAnswerSha256").asText()).isEqualTo(answer.get("sha"));
    }

    /** Deliveries are composed a batch at a time: each message lists its own case's files and no other's. */
    @Test
    void items_sent_together_each_carry_their_own_attachments() {
        List<String> codes = new ArrayList<>();
        for (String file : List.of("de-an-thu-nghiem.pdf", "bao-cao-danh-gia.pdf", "")) {
            Map<String, Object> item = Samples.submission();
            item.remove("field");
            item.put("addressee", "Bộ Khoa học và Công nghệ");
            item.put("content", "Đề xuất cơ chế thử nghiệm có kiểm soát cho trí tuệ nhân tạo. Mã tham chiếu " + UUID.randomUUID());
            List<Part> parts = new ArrayList<>(List.of(new Part("submission", null, "application/json",
                    HubApi.write(item).getBytes(StandardCharsets.UTF_8))));
            if (!file.isEmpty()) {
                parts.add(new Part("attachments", file, "application/pdf",
                        ("%PDF-1.4\n% " + file + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII)));
            }
            HubApi.Reply r = api.postMultipart("/api/v1/submissions", parts);
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            codes.add(r.json().path("code").asText());
        }

        await().atMost(PATIENCE).until(() -> codes.stream().allMatch(c -> "DELIVERED".equals(deliveryStatus(c, "BKHCN"))));
        assertThat(receivedBy(Sandboxes.JSON_MINISTRY, codes.get(0)).get(0).body()).contains("\"de-an-thu-nghiem.pdf\"")
                .doesNotContain("bao-cao-danh-gia.pdf");
        assertThat(receivedBy(Sandboxes.JSON_MINISTRY, codes.get(1)).get(0).body()).contains("\"bao-cao-danh-gia.pdf\"")
                .doesNotContain("de-an-thu-nghiem.pdf");
        assertThat(receivedBy(Sandboxes.JSON_MINISTRY, codes.get(2)).get(0).body()).contains("\"tepDinhKem\":[]");
    }

    @Test
    void an_administrative_procedure_item_goes_through_the_national_portal_in_its_format() {
        String code = submit("Bộ Y tế", "Thủ tục hành chính cấp giấy phép hoạt động khám bệnh quá phức tạp, mã 1.004227.");

        await().atMost(PATIENCE).until(() -> receivedBy(Sandboxes.NATIONAL_PORTAL, code).size() == 1);
        String body = receivedBy(Sandboxes.NATIONAL_PORTAL, code).get(0).body();
        assertThat(body).contains("\"service\":\"GuiPAKN\"").contains("\"MaTTHC\":\"1.004227\"")
                .containsPattern("\"NgayTiepNhan\":\"\\d{14}\"")
                .contains("\"session\":\"" + signer.secret("DVCQG_PAKN_SESSION") + "\"");
        assertThat(receivedBy(Sandboxes.XML_MINISTRY, code)).isEmpty();
        // the portal does not sign its answers: kept all the same, said unsigned
        await().atMost(PATIENCE).until(() -> "ABSENT".equals(db.queryForList("select partner_answer->>'signatureCheck'"
                + " from delivery where case_code = ? and status = 'DELIVERED'", String.class, code).stream().findFirst()
                .orElse(null)));

        // §4.6: the portal refuses a message without its session token or its dstcode header
        String unsigned = body.replaceFirst("\"session\":\"[^\"]*\"", "\"session\":\"het-han\"");
        HubApi.Reply refused = api.post("/sandbox/dvcqg-pakn/api", "application/json", unsigned, "dstcode", "000.00.00.G22");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("error_code").asText()).isEqualTo("100");
        assertThat(api.post("/sandbox/dvcqg-pakn/api", "application/json", body).json().path("error_code").asText())
                .isEqualTo("100");
    }

    @Test
    void items_reach_the_xml_ministry_and_the_kafka_province_and_a_multi_body_item_reaches_every_body() {
        String code = submit(null, "Kính gửi: Bộ Y tế\nĐồng kính gửi: UBND tỉnh Lâm Đồng\n"
                + "Đề xuất ứng dụng trí tuệ nhân tạo trong khám bệnh từ xa cho vùng sâu.");

        await().atMost(PATIENCE).until(() -> receivedBy(Sandboxes.XML_MINISTRY, code).size() == 1
                && receivedBy(Sandboxes.KAFKA_PROVINCE, code).size() == 1);
        assertThat(receivedBy(Sandboxes.XML_MINISTRY, code).get(0).body()).contains("<VaiTro>ChuTri</VaiTro>");
        assertThat(receivedBy(Sandboxes.KAFKA_PROVINCE, code).get(0).body()).contains("\"vaiTro\":\"COORDINATING\"");
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(deliveryStatus(code, "68")));
    }

    @Test
    void a_partner_down_for_a_while_gets_the_item_once_when_it_returns() {
        sandboxes.partner(Sandboxes.JSON_MINISTRY).behave(Mode.FAIL_5XX, 4);
        String code = submit("BKHCN", "Đề xuất phát triển hệ sinh thái khởi nghiệp sáng tạo về trí tuệ nhân tạo.");

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(deliveryStatus(code, "BKHCN")));
        assertThat(receivedBy(Sandboxes.JSON_MINISTRY, code)).hasSize(1);
        assertThat(db.queryForObject("select attempts from delivery where case_code = ?", Integer.class, code))
                .isGreaterThan(1);
    }

    @Test
    void an_answer_lost_to_a_timeout_is_sent_again_and_the_partner_dedupes_it() {
        sandboxes.partner(Sandboxes.JSON_MINISTRY).behave(Mode.TIMEOUT, 1);
        String code = submit("BKHCN", "Đề xuất quỹ đầu tư mạo hiểm cho doanh nghiệp khởi nghiệp công nghệ.");

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(deliveryStatus(code, "BKHCN")));
        assertThat(receivedBy(Sandboxes.JSON_MINISTRY, code)).hasSize(1);
        assertThat(db.queryForObject("select receipt->>'outcome' from delivery where case_code = ?", String.class, code))
                .isEqualTo("DUPLICATE");
    }

    @Test
    void a_permanent_refusal_is_parked_with_its_reason_without_blocking_the_other_body_and_replayed_once_fixed() {
        sandboxes.partner(Sandboxes.JSON_MINISTRY).behave(Mode.REFUSE, -1);
        String code = submit(null, "Kính gửi: Bộ Khoa học và Công nghệ\nĐồng kính gửi: Bộ Y tế\n"
                + "Đề xuất chia sẻ dữ liệu lớn y tế cho nghiên cứu trí tuệ nhân tạo.");

        // the two deliveries are independent: one parked, the other delivered, in either order
        await().atMost(PATIENCE).until(() -> "PARKED".equals(deliveryStatus(code, "BKHCN"))
                && "DELIVERED".equals(deliveryStatus(code, "BYT")));
        assertThat(receivedBy(Sandboxes.XML_MINISTRY, code)).hasSize(1);
        HubApi.Reply parked = api.get("/api/v1/deliveries?caseCode=" + code, HubApi.bearer(Samples.VPTW));
        JsonNode bkhcn = null;
        for (JsonNode d : parked.json()) {
            if (d.path("agency").asText().equals("BKHCN")) {
                bkhcn = d;
            }
        }
        assertThat(bkhcn.path("lastError").asText()).contains("BKHCN_REJECTED");
        assertThat(history(code, "DELIVERY_PARKED").path("reason").asText()).contains("BKHCN_REJECTED");
        assertThat(api.postJson("/api/v1/deliveries/" + bkhcn.path("id").asText() + "/replay", Map.of(),
                HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);

        sandboxes.partner(Sandboxes.JSON_MINISTRY).behave(Mode.ACCEPT, -1);
        HubApi.Reply replay = api.postJson("/api/v1/deliveries/" + bkhcn.path("id").asText() + "/replay", Map.of(),
                HubApi.bearer(Samples.VPTW));
        assertThat(replay.status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(deliveryStatus(code, "BKHCN")));
        assertThat(receivedBy(Sandboxes.JSON_MINISTRY, code)).hasSize(1);
        assertThat(api.postJson("/api/v1/deliveries/" + bkhcn.path("id").asText() + "/replay", Map.of(),
                HubApi.bearer(Samples.VPTW)).status()).isEqualTo(422);
    }

    @Test
    void a_duplicated_case_event_on_the_bus_still_gives_one_delivery() {
        String code = submit("BKHCN", "Đề xuất cơ chế thương mại hóa kết quả nghiên cứu và chuyển giao công nghệ.");
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(deliveryStatus(code, "BKHCN")));

        // the relay crashed after the broker's ack, before deleting its row: the SUBMIT event goes out again
        db.update("insert into outbox (event_id, case_code, topic, payload) select gen_random_uuid(), f.code, "
                + "'hub.case-events', jsonb_build_object('schema', 'pakn-hub/case-event/v1', 'eventId', e.event_id, "
                + "'caseCode', f.code, 'caseVersion', 1, 'action', 'SUBMIT', 'toState', 'SUBMITTED', 'channel', 'WEB', "
                + "'actorKind', 'SUBMITTER', 'occurredAt', '2026-11-22T10:00:00+07:00') "
                + "from case_event e join case_file f on f.id = e.case_id where f.code = ? and e.action = 'SUBMIT'", code);
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from outbox where case_code = ?",
                Integer.class, code) == 0);
        String marker = submit("BKHCN", "Đề xuất ưu đãi đầu tư cho trung tâm dữ liệu.");
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(deliveryStatus(marker, "BKHCN")));

        assertThat(db.queryForObject("select count(*) from delivery where case_code = ?", Integer.class, code)).isOne();
        assertThat(receivedBy(Sandboxes.JSON_MINISTRY, code)).hasSize(1);
    }

    private JsonNode history(String code, String action) {
        JsonNode events = api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(Samples.VPTW)).json();
        for (JsonNode e : events) {
            if (e.path("action").asText().equals(action)) {
                return e;
            }
        }
        throw new AssertionError("no " + action + " in " + events);
    }
}
