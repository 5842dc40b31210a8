package vn.paknhub.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.paknhub.support.Samples.BKHCN;
import static vn.paknhub.support.Samples.VPTW;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.Channel;
import vn.paknhub.casefile.NewCase;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;

/**
 * Routing from the bus: a poll's new items are routed together, and an item a body sends back goes
 * to the Central Party Office's triage queue, from which staff send it on by hand.
 */
@HubIntegrationTest
class RoutingConsumerTest {

    @Autowired
    RoutingConsumer consumer;
    @Autowired
    CaseService cases;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcTemplate db;

    private CaseFile open(String title, String content) {
        SubmitterDetails who = new SubmitterDetails("Lê Thị Mai", null, "Hà Nội", "0912345678", "mai.le@example.vn", null);
        return cases.open(cases.newIdentity(), new NewCase(Channel.WEB, title, content, null, null, false, who, List.of(),
                Instant.now()));
    }

    private Exchange record(String caseCode) {
        Exchange e = new DefaultExchange(camel);
        e.getMessage().setHeader(KafkaConstants.TOPIC, "hub.case-events");
        e.getMessage().setHeader(KafkaConstants.KEY, caseCode);
        e.getMessage().setBody("""
                {"schema":"pakn-hub/case-event/v1","eventId":"%s","caseCode":"%s","caseVersion":1,"action":"SUBMIT",
                 "toState":"SUBMITTED","channel":"WEB","actorKind":"SUBMITTER","occurredAt":"2026-11-20T09:15:00+07:00"}"""
                .formatted(UUID.randomUUID(), caseCode));
        return e;
    }

    @LocalServerPort
    int port;

    /** The hub's own consumer routes the same cases from the bus meanwhile (their real events): each is routed once. */
    @Test
    void a_poll_routes_its_new_items_together_once_each_and_parks_one_it_cannot_route() {
        List<CaseFile> opened = List.of(
                open("Kiến nghị về quỹ phát triển khoa học và công nghệ quốc gia",
                        "Kính gửi: Bộ Khoa học và Công nghệ. Đề nghị đơn giản hoá hồ sơ xin tài trợ đề tài nghiên cứu."),
                open("Góp ý về chuyển đổi số trong bệnh viện",
                        "Kính gửi: Bộ Y tế. Đề nghị kết nối hồ sơ bệnh án điện tử giữa các bệnh viện tuyến tỉnh."),
                open("Phản ánh về thủ tục đăng ký", "Thủ tục 1.000656 yêu cầu nộp bản giấy dù đã có dịch vụ công trực tuyến."));
        String unknown = "SKGP-20261120-999999";
        List<Exchange> poll = new ArrayList<>();
        opened.forEach(c -> poll.add(record(c.code())));
        poll.add(record(unknown));
        poll.add(record(opened.get(0).code()));

        consumer.apply(poll);

        for (CaseFile c : opened) {
            assertThat(db.queryForObject("""
                    select count(*) from case_event where case_id = ? and action in ('FORWARD', 'ROUTED_TO_TRIAGE')""",
                    Integer.class, c.id())).as("routing steps of %s", c.code()).isEqualTo(1);
            assertThat(db.queryForObject("select count(*) from case_routing where case_id = ?", Integer.class, c.id()))
                    .isEqualTo(1);
            // a forwarded case has its deliveries, planned with the forward (none twice)
            assertThat(db.queryForObject("""
                    select count(*) = count(distinct agency) and (count(*) > 0) = exists (select 1 from case_event
                        where case_id = ? and action = 'FORWARD')
                    from delivery where case_id = ? and kind = 'DISPATCH'""", Boolean.class, c.id(), c.id())).isTrue();
        }
        assertThat(db.queryForList("select reason from parked_message where consumer = 'router' and message_key = ?",
                String.class, unknown)).hasSize(1);
    }

    @Test
    void a_returned_item_waits_in_triage_with_the_reason_and_staff_send_it_on_by_hand() {
        HubApi api = new HubApi(port);
        String code = Flows.deliveredTo(api, db, null, "BKHCN", "Kính gửi: Bộ Khoa học và Công nghệ. Đề nghị hỗ trợ "
                + "doanh nghiệp khởi nghiệp đổi mới sáng tạo thử nghiệm thiết bị y tế.");
        Flows.must(api, BKHCN, code, "RETURN_TO_CENTRAL_OFFICE", "Nội dung thuộc thẩm quyền của Bộ Y tế", null);

        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(db.queryForObject(
                "select triage from case_routing where case_code = ?", Boolean.class, code)));
        assertThat(db.queryForList("""
                select e.details->>'rule' from case_event e join case_file c on c.id = e.case_id
                where c.code = ? and e.action = 'ROUTED_TO_TRIAGE'""", String.class, code)).hasSize(1);
        JsonNode queue = api.get("/api/v1/triage", HubApi.bearer(VPTW)).json();
        assertThat(queue.findValuesAsText("code")).contains(code);
        assertThat(api.get("/api/v1/triage", HubApi.bearer(BKHCN)).status()).isEqualTo(403);

        HubApi.Reply unknown = api.postJson("/api/v1/triage/" + code + "/dispatch",
                Map.of("leadAgency", "KHONGCO", "administrativeProcedure", false), HubApi.bearer(VPTW));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.rules()).containsExactly("unknown-agency");

        HubApi.Reply sent = api.postJson("/api/v1/triage/" + code + "/dispatch",
                Map.of("leadAgency", "BYT", "administrativeProcedure", false, "note", "Thuộc lĩnh vực y tế"),
                HubApi.bearer(VPTW));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().path("leadAgency").asText()).isEqualTo("BYT");
        assertThat(db.queryForMap("select state, assigned_agency from case_file where code = ?", code))
                .containsEntry("state", "FORWARDED").containsEntry("assigned_agency", "BYT");
        assertThat(db.queryForObject("select triage or manual is null from case_routing where case_code = ?",
                Boolean.class, code)).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForList("""
                select status from delivery where case_code = ? and agency = 'BYT' and kind = 'DISPATCH'""",
                String.class, code).equals(List.of("DELIVERED")));
        queue = api.get("/api/v1/triage", HubApi.bearer(VPTW)).json();
        assertThat(queue.findValuesAsText("code")).doesNotContain(code);
    }

    @Test
    void a_forwarded_case_keeps_the_field_it_was_read_under_and_a_thanks_only_letter_is_marked_for_the_fast_close() {
        CaseFile policy = open("Chính sách dữ liệu mở", "Kính gửi: Bộ Khoa học và Công nghệ. Đề nghị ban hành quy định"
                + " về trí tuệ nhân tạo và dữ liệu lớn cho các viện nghiên cứu.");
        CaseFile procedure = open("Cấp phép chậm", "Kính gửi: Bộ Y tế. Thủ tục hành chính cấp giấy phép lưu hành thiết bị"
                + " y tế mất quá nhiều thời gian, hồ sơ phải nộp bản giấy.");
        SubmitterDetails who = new SubmitterDetails("Lê Thị Mai", null, "Hà Nội", "0912345678", "mai.le@example.vn", null);
        CaseFile chosen = cases.open(cases.newIdentity(), new NewCase(Channel.WEB, "Đăng ký sáng chế", "Kính gửi: Bộ Khoa học"
                + " và Công nghệ. Thủ tục hành chính đăng ký sáng chế phải nộp hồ sơ giấy, thời gian xử lý quá dài.", "h", null,
                false, who, List.of(), Instant.now()));
        CaseFile thanks = open("Lời cảm ơn", "Kính gửi: Bộ Khoa học và Công nghệ. Tôi xin chân thành cảm ơn Bộ đã trả lời"
                + " chu đáo kiến nghị của tôi về quỹ đổi mới công nghệ.");

        consumer.apply(List.of(record(policy.code()), record(procedure.code()), record(chosen.code()), record(thanks.code())));

        assertThat(db.queryForObject("select field_code from case_file where id = ?", String.class, policy.id()))
                .as("the router's field, kept on the case for the statistics").isEqualTo("n");
        assertThat(db.queryForObject("select field_code from case_file where id = ?", String.class, procedure.id()))
                .as("an administrative-procedure item (Đ10.2a) is field b").isEqualTo("b");
        assertThat(db.queryForObject("select field_code from case_file where id = ?", String.class, chosen.id()))
                .as("field b (the procedures themselves, Đ6.1b), though the submitter picked intellectual property")
                .isEqualTo("b");
        assertThat(db.queryForList("select details->>'evidence' from case_event where case_id = ? and action ="
                + " 'FAST_CLOSE_SUGGESTED'", String.class, thanks.id())).containsExactly("cảm ơn");
        assertThat(db.queryForObject("select count(*) from case_event where case_id = ? and action = 'FAST_CLOSE_SUGGESTED'",
                Integer.class, policy.id())).isZero();
    }

    private CaseFile openBy(String email, String title, String content) {
        SubmitterDetails who = new SubmitterDetails("Đào Minh Khang", null, "Cần Thơ", null, email, null);
        return cases.open(cases.newIdentity(), new NewCase(Channel.WEB, title, content, null, null, false, who, List.of(),
                Instant.now()));
    }

    @Test
    void the_same_item_again_after_an_answer_goes_to_the_central_party_office() {
        String tag = Long.toString(System.nanoTime(), 36);
        CaseFile answered = openBy(tag + ".khang@example.vn", "Trạm quan trắc mặn ven biển",
                "Kính gửi: Bộ Khoa học và Công nghệ. Đề xuất lắp trạm quan trắc độ mặn tự động cho các xã ven biển " + tag + ".");
        // the earlier item has its result (as POST_RESULT leaves it)
        db.update("update case_file set result_posted_at = now() where id = ?", answered.id());
        CaseFile repeat = openBy(tag + ".khang@example.vn", "Trạm quan trắc mặn ven biển",
                "Kính gửi: Bộ Khoa học và Công nghệ. Đề xuất lắp trạm quan trắc độ mặn tự động cho các xã ven biển " + tag
                        + " !");

        consumer.apply(List.of(record(repeat.code())));

        assertThat(db.queryForObject("select decision->>'rule' from case_routing where case_id = ?", String.class,
                repeat.id())).isEqualTo("D11.2e");
        assertThat(db.queryForObject("select triage from case_routing where case_id = ?", Boolean.class, repeat.id())).isTrue();
        assertThat(db.queryForList("select details->>'of' from case_event where case_id = ? and action = 'POSSIBLE_REPEAT'",
                String.class, repeat.id())).containsExactly(answered.code());
    }
}
