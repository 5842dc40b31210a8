package vn.paknhub.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.paknhub.support.Samples.VPTW;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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
import vn.paknhub.support.Samples;

/**
 * Đ8 screening on a running hub, through the public intake API: chat shorthand is answered at once (Đ8.1); an
 * item with nothing concrete is asked to clarify (Đ8.2, Đ11.2b) and, clarified, waits for a person in triage;
 * insulting words are held for verification with the writer told why, inciting ones held without telling
 * (Đ8.3, Đ20); none of them is forwarded to any body or system.
 */
@HubIntegrationTest
class ContentScreeningTest {

    private static final String SECRET = "X-Lookup-Secret";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    CaseService cases;

    HubApi api;

    @BeforeEach
    void api() {
        api = new HubApi(port);
    }

    private JsonNode submit(String title, String content) {
        Map<String, Object> item = Samples.submission();
        item.remove("field");
        item.put("title", title);
        item.put("content", content);
        // a person of its own: no test's item is another's repeat
        @SuppressWarnings("unchecked")
        Map<String, Object> who = new java.util.LinkedHashMap<>((Map<String, Object>) item.get("submitter"));
        who.put("email", "nguoi-gui-" + UUID.randomUUID() + "@example.vn");
        who.remove("phone");
        item.put("submitter", who);
        HubApi.Reply r = api.postJson("/api/v1/submissions", item);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    private String stateWhenScreened(String code) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !db.queryForList(
                "select 1 from case_routing where case_code = ?", Integer.class, code).isEmpty());
        return db.queryForObject("select state from case_file where code = ?", String.class, code);
    }

    private List<String> templatesPlanned(String code) {
        return db.queryForList("select template from notification where case_code = ? and channel = 'EMAIL' order by created_at",
                String.class, code);
    }

    private int deliveries(String code) {
        return db.queryForObject("select count(*) from delivery where case_code = ?", Integer.class, code);
    }

    @Test
    void chat_shorthand_is_answered_at_once_naming_the_words_and_nothing_is_kept() {
        Map<String, Object> item = Samples.submission();
        item.put("content", "Mn ơi app dịch vụ công hnay lại lỗi r, đăng nhập ko dc, bấm j cũng báo lỗi, ai bít cách sửa ko?");
        long before = db.queryForObject("select count(*) from case_file", Long.class);

        HubApi.Reply r = api.postJson("/api/v1/submissions", item);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.rules()).containsExactly("D8.1-abbreviations");
        assertThat(r.body()).contains("“ko”").contains("Điều 8.1").contains("Art. 8.1");
        assertThat(db.queryForObject("select count(*) from case_file", Long.class)).isEqualTo(before);
    }

    @Test
    void nothing_concrete_is_asked_to_clarify_and_once_clarified_waits_for_a_person_in_triage() {
        JsonNode receipt = submit("Góp ý chuyển đổi số", "Tôi có ý kiến về chuyển đổi số, mong các đồng chí quan tâm xem xét giúp.");
        String code = receipt.path("code").asText();

        assertThat(stateWhenScreened(code)).isEqualTo("SUPPLEMENT_REQUESTED");
        Map<String, Object> asked = db.queryForMap("""
                select e.actor_kind, e.reason, e.details->>'rule' as rule from case_event e join case_file f on f.id = e.case_id
                where f.code = ? and e.action = 'REQUEST_SUPPLEMENT'""", code);
        assertThat(asked.get("actor_kind")).isEqualTo("SYSTEM");
        assertThat((String) asked.get("reason")).contains("Điều 11.2b");
        assertThat(asked.get("rule")).isEqualTo("D8.2");
        await().atMost(Duration.ofSeconds(30)).until(() -> templatesPlanned(code).contains("supplement-requested"));
        assertThat(deliveries(code)).isZero();

        HubApi.Reply clarified = api.postJson("/api/v1/submissions/" + code + "/supplements", Map.of("content",
                "Cụ thể: Cổng dịch vụ công tỉnh Nghệ An không cho ký số hồ sơ bằng VNeID; đề nghị tích hợp ký số từ xa."),
                SECRET, receipt.path("lookupSecret").asText());
        assertThat(clarified.status()).as(clarified.body()).isLessThan(300);

        JsonNode queue = api.get("/api/v1/triage", HubApi.bearer(VPTW)).json();
        JsonNode waiting = null;
        for (JsonNode i : queue.findParents("code")) {
            if (code.equals(i.path("code").asText())) {
                waiting = i;
            }
        }
        assertThat(waiting).as("the clarified item in the triage queue").isNotNull();
        assertThat(waiting.toString()).contains("SCREENED").contains("D8.2");
        assertThat(deliveries(code)).isZero();
    }

    @Test
    void insults_are_held_for_verification_and_the_writer_is_told_why() {
        String code = submit("Phản ánh lỗi cổng dịch vụ công", "Cổng dịch vụ công lỗi suốt cả tuần, lũ ăn hại ngồi đó ăn lương mà"
                + " không sửa nổi một cái lỗi đăng nhập bằng tài khoản định danh điện tử.").path("code").asText();

        assertThat(stateWhenScreened(code)).isEqualTo("VERIFICATION_HOLD");
        Map<String, Object> held = db.queryForMap("""
                select e.actor_kind, e.reason, e.details->>'evidence' as evidence from case_event e
                join case_file f on f.id = e.case_id where f.code = ? and e.action = 'PLACE_ON_HOLD'""", code);
        assertThat(held.get("actor_kind")).isEqualTo("SYSTEM");
        assertThat((String) held.get("reason")).contains("Điều 20");
        assertThat(held.get("evidence")).isEqualTo("lũ ăn hại");
        await().atMost(Duration.ofSeconds(30)).until(() -> templatesPlanned(code).contains("verification-hold"));
        assertThat(deliveries(code)).isZero();

        // a person verifies and releases it: it waits in triage with what the router read
        Flows.must(api, VPTW, code, "RELEASE_HOLD", "Đã xác minh: phản ánh có căn cứ, nhắc người gửi dùng từ ngữ phù hợp", null);
        JsonNode queue = api.get("/api/v1/triage", HubApi.bearer(VPTW)).json();
        assertThat(queue.findValuesAsText("code")).contains(code);
    }

    @Test
    void incitement_is_held_without_telling_its_writer() {
        String code = submit("Phản đối thu phí dịch vụ số", "Bà con hãy cùng nhau xuống đường phản đối việc thu phí dịch vụ"
                + " chữ ký số trên điện thoại từ tháng Một năm sau.").path("code").asText();

        assertThat(stateWhenScreened(code)).isEqualTo("VERIFICATION_HOLD");
        assertThat(db.queryForObject("""
                select e.details->>'tellSubmitter' from case_event e join case_file f on f.id = e.case_id
                where f.code = ? and e.action = 'PLACE_ON_HOLD'""", String.class, code)).isEqualTo("false");
        // the hold's event has been through the notifier (its inbox row) and planned nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject("""
                select count(*) from processed_message m join case_event e on e.event_id::text = m.message_id
                join case_file f on f.id = e.case_id where f.code = ? and e.action = 'PLACE_ON_HOLD'
                and m.consumer = 'notifier'""", Integer.class, code) == 1);
        assertThat(templatesPlanned(code)).doesNotContain("verification-hold");
        assertThat(deliveries(code)).isZero();
    }

    /** Items of the e-mail and paper channels reach the router as the web's do: the same screening holds them. */
    @Test
    void mail_and_paper_items_are_screened_like_web_items() {
        SubmitterDetails who = new SubmitterDetails("Trần Văn Hải", null, "Thôn 2, xã Tân Phú, tỉnh Đồng Nai", null,
                "hai.tran." + UUID.randomUUID() + "@example.vn", null);
        CaseFile mailed = cases.open(cases.newIdentity(), new NewCase(Channel.EMAIL, "Phản ánh phần mềm hộ tịch",
                "Phần mềm hộ tịch của xã lỗi cả tháng nay, bọn cán bộ ngồi chơi không ai sửa.", null, null, false, who,
                List.of(), Instant.now()));
        CaseFile posted = cases.open(cases.newIdentity(), new NewCase(Channel.PAPER, "Kiến nghị của cử tri",
                "Kính gửi các đồng chí lãnh đạo. Tôi có ý kiến mong được quan tâm xem xét giải quyết.", null, null, false,
                new SubmitterDetails("Lê Thị Hoa", null, "Tổ 5, phường Hòa Khánh, thành phố Đà Nẵng", null, null, null),
                List.of(), Instant.now()));

        assertThat(stateWhenScreened(mailed.code())).isEqualTo("VERIFICATION_HOLD");
        assertThat(stateWhenScreened(posted.code())).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(deliveries(mailed.code()) + deliveries(posted.code())).isZero();
    }

    @Test
    void sharp_criticism_with_facts_is_routed_like_any_item() {
        String code = submit("Thủ tục cấp phép thử nghiệm có kiểm soát quá rườm rà", "Kính gửi Bộ Khoa học và Công nghệ. "
                + "Thủ tục cấp phép thử nghiệm có kiểm soát cho công nghệ tài chính quá rườm rà, cán bộ chậm trễ, gây lãng phí"
                + " và bức xúc cho doanh nghiệp; đề nghị rút thời hạn xử lý hồ sơ xuống 15 ngày.").path("code").asText();

        // routed by its addressee, or to triage for a reading to check: either way neither held nor asked to clarify
        assertThat(stateWhenScreened(code)).isIn("FORWARDED", "SUBMITTED");
        assertThat(db.queryForObject("select jsonb_exists(decision, 'screening') from case_routing where case_code = ?", Boolean.class,
                code)).isFalse();
    }
}
