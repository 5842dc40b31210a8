package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * The item's kind (Đ3.1) and its sender's type (Đ2.3) through the real web API: given ones stored as the
 * submitter's, left-out ones read from the text, unknown names refused field by field, any identity or
 * registration number taken as written; the handling body reads them on the case, and the statistics count them.
 */
@HubIntegrationTest
class ItemKindEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    private HubApi api;

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    /** A valid item from its own sender (distinct contact, distinct text), with the submitter's map to adjust. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(String title) {
        Map<String, Object> item = Samples.submission();
        item.put("title", title);
        Map<String, Object> submitter = (Map<String, Object>) item.get("submitter");
        submitter.put("email", "kind-" + UUID.randomUUID() + "@example.vn");
        submitter.remove("phone");
        return item;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> submitter(Map<String, Object> item) {
        return (Map<String, Object>) item.get("submitter");
    }

    private String submitted(Map<String, Object> item) {
        HubApi.Reply r = api.postJson("/api/v1/submissions", item);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().path("code").asText();
    }

    private JsonNode asHandlingBody(String code) {
        HubApi.Reply r = api.get("/api/v1/agency/cases/" + code, HubApi.bearer(Samples.VPTW));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private Map<String, Object> stored(String code) {
        return db.queryForMap("select kind, kind_source, submitter_type, submitter_type_source from case_file where code = ?",
                code);
    }

    @Test
    void a_kind_and_a_submitter_type_given_are_stored_as_the_submitters_and_shown_to_the_handling_body() {
        Map<String, Object> item = item("Đề xuất giải pháp liên thông dữ liệu đăng ký doanh nghiệp khởi nghiệp sáng tạo");
        item.put("kind", "PETITION");
        submitter(item).put("organisation", "Công ty TNHH Giải pháp Số Sao Mai");
        submitter(item).put("type", "ASSOCIATION");
        // an organisation's tax code of a branch, not a personal number: taken as written (Đ8.2 never requires a form)
        submitter(item).put("idNumber", "0101234567-001");

        String code = submitted(item);

        // the submitter's answer wins over what the title and the organisation's name would say
        assertThat(stored(code)).containsEntry("kind", "PETITION").containsEntry("kind_source", "SUBMITTER")
                .containsEntry("submitter_type", "ASSOCIATION").containsEntry("submitter_type_source", "SUBMITTER");
        JsonNode c = asHandlingBody(code);
        assertThat(c.path("kind").asText()).isEqualTo("PETITION");
        assertThat(c.path("kindSource").asText()).isEqualTo("SUBMITTER");
        assertThat(c.path("submitterType").asText()).isEqualTo("ASSOCIATION");
        assertThat(c.path("submitterTypeSource").asText()).isEqualTo("SUBMITTER");
        assertThat(c.path("submitter").path("idNumber").asText()).isEqualTo("0101234567-001");
    }

    @Test
    void left_out_they_are_read_from_the_text_and_marked_as_read() {
        Map<String, Object> initiative = item("Sáng kiến xây dựng kho dữ liệu tiếng Việt mở phục vụ trí tuệ nhân tạo");
        initiative.remove("field");
        String individual = submitted(initiative);

        Map<String, Object> fromAbroad = item("Đề nghị cấp giấy phép lao động trực tuyến cho chuyên gia nước ngoài");
        submitter(fromAbroad).put("fullName", "John Smith");
        submitter(fromAbroad).put("idNumber", "C1234567");
        String foreigner = submitted(fromAbroad);

        assertThat(stored(individual)).containsEntry("kind", "INITIATIVE").containsEntry("kind_source", "TEXT")
                .containsEntry("submitter_type", "INDIVIDUAL").containsEntry("submitter_type_source", "TEXT");
        JsonNode c = asHandlingBody(foreigner);
        assertThat(c.path("kind").asText()).isEqualTo("PETITION");
        assertThat(c.path("kindSource").asText()).isEqualTo("TEXT");
        assertThat(c.path("submitterType").asText()).isEqualTo("FOREIGNER");
        assertThat(c.path("submitterTypeSource").asText()).isEqualTo("TEXT");
        // a passport number is an identity number like any other
        assertThat(c.path("submitter").path("idNumber").asText()).isEqualTo("C1234567");
    }

    @Test
    void a_text_that_says_neither_leaves_the_kind_unknown_rather_than_guessed() {
        Map<String, Object> item = item("Thư viện số cho các trường vùng cao");
        item.put("content", "Các trường vùng cao còn thiếu sách, máy tính và đường truyền internet ổn định cho học sinh."
                + " Mã tham chiếu " + UUID.randomUUID() + ".");

        String code = submitted(item);

        assertThat(stored(code)).containsEntry("kind", null).containsEntry("kind_source", null)
                .containsEntry("submitter_type", "INDIVIDUAL");
        JsonNode c = asHandlingBody(code);
        assertThat(c.has("kind")).isTrue();
        assertThat(c.path("kind").isNull()).isTrue();
        assertThat(c.path("kindSource").isNull()).isTrue();
    }

    @Test
    void an_unknown_kind_or_submitter_type_is_refused_with_problem_json_naming_field_and_rule() {
        Map<String, Object> item = item("Kiến nghị hỗ trợ chữ ký số miễn phí cho hộ kinh doanh");
        item.put("kind", "COMPLAINT");
        submitter(item).put("type", "company");

        HubApi.Reply r = api.postJson("/api/v1/submissions", item);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("field")).containsExactly("kind", "submitter.type");
        assertThat(r.rules()).containsExactly("D3.1-kind", "D2.3-submitter-type");
        JsonNode kind = r.json().path("errors").get(0);
        assertThat(kind.path("message").asText()).contains("COMPLAINT", "FEEDBACK, PETITION, INITIATIVE, SOLUTION",
                "Điều 3.1");
        assertThat(kind.path("messageEn").asText()).contains("Art. 3.1");
        assertThat(r.json().path("errors").get(1).path("message").asText())
                .contains("INDIVIDUAL, ORGANISATION, FOREIGNER, ASSOCIATION", "Điều 2.3");
        assertThat(db.queryForObject("select count(*) from case_file where content = ?", Integer.class,
                item.get("content"))).isZero();
    }

    @Test
    void the_statistics_count_cases_per_kind_and_per_submitter_type() {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        JsonNode kindsBefore = report("kind", today);
        JsonNode typesBefore = report("submitter_type", today);

        Map<String, Object> item = item("Giải pháp định danh điện tử cho người cao tuổi không dùng điện thoại thông minh");
        submitter(item).put("organisation", "Hội Người cao tuổi phường Tràng Tiền");
        submitted(item);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count(report("kind", today), "SOLUTION") - count(kindsBefore, "SOLUTION")).isEqualTo(1);
            assertThat(count(report("submitter_type", today), "ASSOCIATION") - count(typesBefore, "ASSOCIATION"))
                    .isEqualTo(1);
        });
        HubApi.Reply csv = api.get("/api/v1/statistics?by=kind&format=csv&from=" + today + "&to=" + today,
                HubApi.bearer(Samples.VPTW));
        assertThat(csv.body()).startsWith("\uFEFFkind,received,").contains("\r\nSOLUTION,");
    }

    private JsonNode report(String by, String day) {
        HubApi.Reply r = api.get("/api/v1/statistics?by=" + by + "&from=" + day + "&to=" + day, HubApi.bearer(Samples.VPTW));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static long count(JsonNode report, String key) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("key").asText().equals(key)) {
                return row.path("received").asLong();
            }
        }
        return 0;
    }
}
