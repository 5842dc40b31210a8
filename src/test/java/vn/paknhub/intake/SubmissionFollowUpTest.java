package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.paknhub.support.Samples.BKHCN;
import static vn.paknhub.support.Samples.VPTW;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.core.calendar.WorkingCalendar;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi.Part;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;

@HubIntegrationTest
class SubmissionFollowUpTest {

    private static final String SECRET = "X-Lookup-Secret";

    @LocalServerPort
    int port;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    JdbcTemplate db;

    HubApi api;
    String code;
    String secret;

    @BeforeEach
    void submitted() {
        api = new HubApi(port);
        JsonNode receipt = Flows.submit(api);
        code = receipt.path("code").asText();
        secret = receipt.path("lookupSecret").asText();
    }

    private HubApi.Reply status() {
        return api.get("/api/v1/submissions/" + code, SECRET, secret);
    }

    private HubApi.Reply post(String what, Object body) {
        return api.postJson("/api/v1/submissions/" + code + "/" + what, body, SECRET, secret);
    }

    private void resultPosted() {
        Flows.must(api, VPTW, code, "FORWARD", null, "BKHCN");
        Flows.must(api, BKHCN, code, "ACCEPT", null, null);
        Flows.must(api, BKHCN, code, "POST_RESULT", "Bộ Khoa học và Công nghệ đã trình Chính phủ sửa Nghị định.", null);
    }

    @Test
    void the_submitter_follows_the_item_with_code_and_secret_and_sees_only_the_public_history() {
        Flows.must(api, VPTW, code, "FORWARD", null, "BKHCN");
        api.get("/api/v1/agency/cases/" + code, HubApi.bearer(BKHCN));
        Flows.must(api, BKHCN, code, "REQUEST_SUPPLEMENT", "Đề nghị bổ sung bản sao giấy phép kinh doanh", null);

        HubApi.Reply r = status();

        assertThat(r.status()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.path("state").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(s.path("stateLabel").path("vi").asText()).isEqualTo("Yêu cầu bổ sung");
        assertThat(s.path("assignedAgency").path("nameVi").asText()).isEqualTo("Bộ Khoa học và Công nghệ");
        assertThat(s.path("history").findValuesAsText("action"))
                .containsExactly("SUBMIT", "FORWARD", "REQUEST_SUPPLEMENT");
        assertThat(s.path("history").get(2).path("reason").asText())
                .isEqualTo("Đề nghị bổ sung bản sao giấy phép kinh doanh");
        assertThat(r.body()).doesNotContain("READ_PERSONAL_DATA", "minhthu", "0912345678");
        assertThat(s.path("allowedActions").toString()).contains("SUPPLEMENT", "WITHDRAW");
    }

    @Test
    void a_wrong_secret_gets_the_same_answer_as_an_unknown_code() {
        HubApi.Reply wrong = api.get("/api/v1/submissions/" + code, SECRET, "guessed-secret");
        HubApi.Reply unknown = api.get("/api/v1/submissions/SKGP-20000101-999999", SECRET, secret);
        HubApi.Reply missing = api.get("/api/v1/submissions/" + code);

        assertThat(wrong.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrong.json().path("title")).isEqualTo(unknown.json().path("title"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("title")).isEqualTo(unknown.json().path("title"));
    }

    @Test
    void a_supplement_with_an_attachment_returns_a_requested_case_to_classification() {
        Flows.must(api, VPTW, code, "REQUEST_SUPPLEMENT", "Cần bổ sung tài liệu minh chứng", null);
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        HubApi.Reply r = api.postMultipart("/api/v1/submissions/" + code + "/supplements", List.of(
                new Part("supplement", null, "application/json",
                        "{\"content\":\"Tôi gửi bổ sung giấy chứng nhận.\"}".getBytes(StandardCharsets.UTF_8)),
                new Part("attachments", "giay-chung-nhan.pdf", "application/pdf", pdf)), SECRET, secret);

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().path("state").asText()).isEqualTo("SUBMITTED");
        JsonNode s = status().json();
        assertThat(s.path("attachments").findValuesAsText("name")).containsExactly("giay-chung-nhan.pdf");
        assertThat(s.path("attachments").get(0).path("mediaType").asText()).isEqualTo("application/pdf");
    }

    @Test
    void withdrawal_is_possible_before_acceptance_only() {
        HubApi.Reply before = post("withdrawal", Map.of("reason", "Nội dung đã được tự giải quyết"));
        assertThat(before.status()).isEqualTo(202);
        assertThat(before.json().path("state").asText()).isEqualTo("WITHDRAWAL_REQUESTED");

        Flows.must(api, VPTW, code, "REFUSE_WITHDRAWAL", "Nội dung đang được xác minh", null);
        Flows.must(api, VPTW, code, "ACCEPT", null, null);
        HubApi.Reply after = post("withdrawal", Map.of("reason", "Tôi không muốn tiếp tục"));

        assertThat(after.status()).isEqualTo(409);
        assertThat(after.rules()).containsExactly("D11.4-withdrawal-after-acceptance");
        assertThat(after.json().path("errors").get(0).path("message").asText()).contains("Điều 11.4");
        assertThat(status().json().path("state").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void the_answer_is_rated_and_appealed_once_within_the_window() {
        assertThat(post("appeal", Map.of("reason", "Chưa có kết quả")).rules()).containsExactly("D14.1-no-result-yet");
        resultPosted();

        HubApi.Reply rated = post("rating", Map.of("score", 2, "agree", false, "comment", "Chưa thoả đáng"));
        HubApi.Reply appealed = post("appeal", Map.of("reason", "Câu trả lời chưa giải quyết vướng mắc về thủ tục"));
        HubApi.Reply again = post("appeal", Map.of("reason", "Tôi vẫn chưa đồng ý"));

        assertThat(rated.status()).isEqualTo(200);
        assertThat(appealed.status()).isEqualTo(202);
        assertThat(appealed.json().path("state").asText()).isEqualTo("APPEALED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.rules()).containsExactly("D14.1-appeal-once");
        assertThat(db.queryForMap("select rating_score, rating_agree, appeal_used from case_file where code = ?", code))
                .containsEntry("rating_score", 2).containsEntry("rating_agree", false)
                .containsEntry("appeal_used", true);
    }

    @Test
    void the_appeal_deadline_is_shown_and_enforced() {
        resultPosted();
        // 15 working days after day zero (the result's day, or the next working day when the result came
        // after office hours or on a day off; day zero itself not counted), ending on a working day
        LocalDate dayZero = calendar.dayZero(db.queryForObject("select result_posted_at from case_file where code = ?",
                java.sql.Timestamp.class, code).toInstant());
        LocalDate deadline = LocalDate.parse(status().json().path("appealDeadline").asText());
        assertThat(calendar.isWorkingDay(deadline)).isTrue();
        assertThat(dayZero.plusDays(1).datesUntil(deadline.plusDays(1)).filter(calendar::isWorkingDay).count())
                .isEqualTo(15);

        // the result was notified 40 days ago: whatever the holidays, 15 working days have passed
        db.update("update case_file set result_posted_at = now() - interval '40 days' where code = ?", code);
        HubApi.Reply late = post("appeal", Map.of("reason", "Tôi không đồng ý với kết quả"));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.rules()).containsExactly("D14.1-appeal-window-closed");
        assertThat(status().json().path("allowedActions").toString()).doesNotContain("APPEAL").contains("RATE");
    }

    @Test
    void rating_values_are_checked() {
        resultPosted();
        assertThat(post("rating", Map.of("score", 9, "agree", true)).rules()).containsExactly("range");
        assertThat(post("rating", Map.of("score", 4)).rules()).containsExactly("required");
        assertThat(post("rating", Map.of("score", 4, "agree", true, "stars", 5)).rules())
                .containsExactly("unknown-field");
    }

    @Test
    void an_empty_supplement_and_a_blank_withdrawal_reason_are_refused() {
        assertThat(post("supplements", Map.of("content", "   ")).rules()).containsExactly("required");
        HubApi.Reply noReason = post("withdrawal", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.rules()).containsExactly("reason-required");
    }
}
