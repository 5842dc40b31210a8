package vn.paknhub.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.paknhub.support.Samples.BKHCN;
import static vn.paknhub.support.Samples.VPTW;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.devstack.EmbeddedMailServer;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * Đ12.4 from outside: a result returned for rework is not announced; the reviewed result is told once; a
 * published item is public, without personal data, and found by words with or without diacritics; an item
 * without consent is told its result but never listed. And the notices of Đ13.2 and Đ20b.
 */
@HubIntegrationTest
class PublicationEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    private HubApi api;

    /** A word no other test writes, so searches see this test's items only. */
    private static String token() {
        Random r = new Random();
        StringBuilder s = new StringBuilder("xq");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    private String acceptedByTheMinistry(boolean consent, String content) {
        Map<String, Object> item = Samples.submission();
        item.put("consentToPublish", consent);
        item.put("title", "Đề xuất hợp tác xã nông nghiệp dùng chữ ký số");
        item.put("content", content);
        item.put("addressee", "Bộ Khoa học và Công nghệ");
        HubApi.Reply r = api.postJson("/api/v1/submissions", item);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String code = r.json().path("code").asText();
        // the router forwards it itself; once the ministry's system has it, it is the ministry's to accept
        try {
            await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from delivery where case_code = ?"
                    + " and agency = 'BKHCN' and status = 'DELIVERED'", Integer.class, code) == 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not delivered to BKHCN: " + db.queryForList("select e.action, e.to_state, e.reason,"
                    + " e.details::text from case_event e join case_file f on f.id = e.case_id where f.code = ?", code), e);
        }
        Flows.must(api, BKHCN, code, "ACCEPT", null, null);
        return code;
    }

    private int planned(String code, String template) {
        return db.queryForObject("select count(*) from notification where case_code = ? and channel = 'EMAIL'"
                + " and template = ?", Integer.class, code, template);
    }

    private static long mails(String code, String subjectPart) {
        return EmbeddedMailServer.received().stream().map(PublicationEndToEndTest::subject)
                .filter(s -> s.contains(code) && s.contains(subjectPart)).count();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(String code, String subjectPart) {
        return EmbeddedMailServer.received().stream().filter(m -> subject(m).contains(code)
                && subject(m).contains(subjectPart)).map(m -> {
                    try {
                        return m.getContent().toString();
                    } catch (MessagingException | IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElseThrow();
    }

    private JsonNode published(String query) {
        HubApi.Reply r = api.get("/api/public/v1/published?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        conforms("published-items", r.json());
        return r.json();
    }

    /** Every open-data answer is what its documented schema says (schemas/open-data). */
    private static void conforms(String schema, JsonNode answer) {
        try {
            com.networknt.schema.JsonSchema s = com.networknt.schema.JsonSchemaFactory.getInstance(
                    com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(new com.fasterxml.jackson.databind
                    .ObjectMapper().readTree(java.nio.file.Path.of("schemas", "open-data", schema + ".v1.schema.json")
                    .toFile()));
            assertThat(s.validate(answer)).as(answer.toString()).isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    @Test
    void a_reworked_answer_is_not_announced_and_the_published_one_is_public_redacted_searchable_and_told_once() {
        api = new HubApi(port);
        String word = token();
        String code = acceptedByTheMinistry(true, "Tôi là Nguyễn Thị Minh Thư, điện thoại 0912 345 678, thư"
                + " minhthu.nguyen@example.vn, số căn cước công dân 001190012345. Hợp tác xã nông nghiệp " + word + " của chúng tôi"
                + " cần được dùng chữ ký số miễn phí trong giao dịch điện tử.");

        Flows.must(api, BKHCN, code, "POST_RESULT", "Bộ sẽ hỗ trợ.", null);
        Flows.must(api, VPTW, code, "RETURN_FOR_REWORK", "Câu trả lời chưa nêu thời hạn hỗ trợ.", null);
        Flows.must(api, BKHCN, code, "POST_RESULT", "Từ tháng 1/2027 Bộ cấp chữ ký số miễn phí cho hợp tác xã;"
                + " chi tiết liên hệ ông Lê Văn Nam, số 0243 555 6789.", null);

        // the reviewer sees what would be published, and what the rules took out
        HubApi.Reply preview = api.get("/api/v1/agency/cases/" + code + "/publication", HubApi.bearer(VPTW));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("content").path("text").asText()).contains("Tôi là [họ tên]")
                .contains("[số điện thoại]").contains("[thư điện tử]").contains("[số giấy tờ]")
                .doesNotContain("Minh Thư").doesNotContain("0912");
        assertThat(preview.json().path("answer").path("text").asText()).contains("ông [họ tên]").contains("[số điện thoại]")
                .doesNotContain("Nam");
        assertThat(api.get("/api/v1/agency/cases/" + code + "/publication", HubApi.bearer(BKHCN)).status())
                .as("the review is the Central Party Office's").isEqualTo(403);

        // the reviewer corrects the answer (the rules left the hotline's number in a form they knew) and publishes
        Map<String, Object> publish = new LinkedHashMap<>();
        publish.put("action", "PUBLISH");
        String corrected = "Từ tháng 1/2027 Bộ cấp chữ ký số miễn phí cho hợp tác xã; chi tiết tại Cổng thông tin của Bộ.";
        publish.put("publication", Map.of("answer", corrected));
        HubApi.Reply published = api.postJson("/api/v1/agency/cases/" + code + "/actions", publish, HubApi.bearer(VPTW));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("state").asText()).isEqualTo("PUBLISHED");

        // the history records the redaction and the correction
        JsonNode history = api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(VPTW)).json();
        JsonNode publication = null;
        for (JsonNode e : history) {
            if ("PUBLISH".equals(e.path("action").asText())) {
                publication = e.path("details").path("publication");
            }
        }
        assertThat(publication).isNotNull();
        assertThat(publication.path("correctedByReviewer").toString()).isEqualTo("[\"answer\"]");
        assertThat(publication.path("removed").path("PHONE").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(publication.path("answer").asText()).isEqualTo(corrected);

        // told once, after the review: the result mail is the last step, so every earlier one was planned before it
        await().atMost(PATIENCE).until(() -> planned(code, "result-posted") == 1);
        await().atMost(PATIENCE).until(() -> mails(code, "Đã có kết quả") >= 1);
        assertThat(planned(code, "result-posted")).isOne();
        assertThat(mails(code, "Đã có kết quả")).isOne();
        // the submitter is told the body's own answer; the correction is of what the public reads
        assertThat(body(code, "Đã có kết quả")).contains("Từ tháng 1/2027 Bộ cấp chữ ký số miễn phí cho hợp tác xã")
                .doesNotContain("Bộ sẽ hỗ trợ.");

        // public, redacted, found with and without diacritics, by field, body and period
        JsonNode withMarks = published(q("hợp tác xã nông nghiệp " + word));
        assertThat(withMarks.path("total").asInt()).isOne();
        JsonNode item = withMarks.path("items").get(0);
        assertThat(item.path("code").asText()).isEqualTo(code);
        assertThat(item.path("content").asText()).contains("[họ tên]").doesNotContain("Nguyễn Thị Minh Thư")
                .doesNotContain("0912").doesNotContain("example.vn").doesNotContain("001190012345");
        assertThat(item.path("answer").asText()).isEqualTo(corrected);
        assertThat(item.path("field").path("code").asText()).isEqualTo("d");
        assertThat(item.path("agency").path("code").asText()).isEqualTo("BKHCN");
        assertThat(published(q("hop tac xa nong nghiep " + word)).path("total").asInt()).isOne();
        assertThat(published(q("HỢP TÁC XÃ " + word.toUpperCase())).path("total").asInt()).isOne();
        assertThat(published(q("chu ky so mien phi " + word)).path("total").asInt()).as("the answer is searched too")
                .isOne();
        assertThat(published(q(word) + "&field=d&agency=BKHCN").path("total").asInt()).isOne();
        assertThat(published(q(word) + "&field=a").path("total").asInt()).isZero();
        assertThat(published(q(word) + "&agency=BYT").path("total").asInt()).isZero();
        assertThat(published(q(word) + "&from=2020-01-01&to=2020-12-31").path("total").asInt()).isZero();
        assertThat(published(q("Minh Thư " + word)).path("total").asInt()).as("a name is not searchable").isZero();

        HubApi.Reply one = api.get("/api/public/v1/published/" + code);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("title").asText()).isEqualTo("Đề xuất hợp tác xã nông nghiệp dùng chữ ký số");
        assertThat(one.raw().headers().firstValue("ETag")).isPresent();
        assertThat(one.raw().headers().firstValue("Cache-Control").orElse("")).contains("max-age");
        assertThat(api.get("/api/public/v1/published/" + code, "If-None-Match",
                one.raw().headers().firstValue("ETag").orElseThrow()).status()).isEqualTo(304);

        HubApi.Reply csv = api.get("/api/public/v1/published?format=csv&" + q(word));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFcode,title,content,answer,field_code").contains(code)
                .doesNotContain("0912");
        HubApi.Reply atom = api.get("/api/public/v1/published/feed.atom");
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        assertThat(atom.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
                .contains("urn:paknhub:published:" + code).doesNotContain("Minh Thư");
    }

    @Test
    void without_consent_the_review_approves_tells_the_result_once_and_publishes_nothing() {
        api = new HubApi(port);
        String word = token();
        String code = acceptedByTheMinistry(false, "Hợp tác xã " + word + " đề nghị hướng dẫn dùng chữ ký số.");
        Flows.must(api, BKHCN, code, "POST_RESULT", "Bộ đã ban hành hướng dẫn.", null);
        HubApi.Reply refused = Flows.act(api, VPTW, code, "PUBLISH", null, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.rules()).contains("D5.1-no-consent");
        Flows.must(api, VPTW, code, "APPROVE_RESULT", null, null);

        await().atMost(PATIENCE).until(() -> planned(code, "result-posted") == 1);
        await().atMost(PATIENCE).until(() -> mails(code, "Đã có kết quả") >= 1);
        assertThat(mails(code, "Đã có kết quả")).isOne();
        assertThat(published(q(word)).path("total").asInt()).isZero();
        assertThat(api.get("/api/public/v1/published/" + code).status()).isEqualTo(404);
    }

    @Test
    void a_progress_update_is_told_with_its_reason_and_a_hold_only_where_appropriate() {
        api = new HubApi(port);
        String code = acceptedByTheMinistry(true, "Hợp tác xã " + token() + " đề nghị hỗ trợ chuyển đổi số.");
        Flows.must(api, BKHCN, code, "PROGRESS_UPDATE", "Đang chờ ý kiến của Bộ Tài chính về kinh phí.", null);
        // a hold the submitter must not hear of (Đ20b: "nếu có thể và phù hợp"), then one they may
        Map<String, Object> silent = new LinkedHashMap<>();
        silent.put("action", "PLACE_ON_HOLD");
        silent.put("reason", "Nội dung có dấu hiệu liên quan vụ việc đang được cơ quan chức năng xác minh.");
        silent.put("tellSubmitter", false);
        assertThat(api.postJson("/api/v1/agency/cases/" + code + "/actions", silent, HubApi.bearer(VPTW)).status())
                .isEqualTo(200);
        Flows.must(api, VPTW, code, "RELEASE_HOLD", null, null);
        Flows.must(api, VPTW, code, "PLACE_ON_HOLD", "Cần xác minh số liệu nêu trong PAKN, SKGP.", null);
        Map<String, Object> misplaced = new LinkedHashMap<>(silent);
        misplaced.put("action", "RELEASE_HOLD");
        assertThat(api.postJson("/api/v1/agency/cases/" + code + "/actions", misplaced, HubApi.bearer(VPTW)).status())
                .as("tellSubmitter goes with a hold only").isEqualTo(422);

        await().atMost(PATIENCE).until(() -> planned(code, "verification-hold") >= 1);
        assertThat(planned(code, "verification-hold")).as("the silent hold was planned before, and told nothing").isOne();
        assertThat(planned(code, "progress-update")).isOne();
        await().atMost(PATIENCE).until(() -> mails(code, "Cập nhật tình hình xử lý") >= 1
                && mails(code, "tạm dừng xử lý để xác minh") >= 1);
        assertThat(mails(code, "Cập nhật tình hình xử lý")).isOne();
        assertThat(body(code, "Cập nhật tình hình xử lý")).contains("Đang chờ ý kiến của Bộ Tài chính về kinh phí.");
        assertThat(mails(code, "tạm dừng xử lý để xác minh")).isOne();
        assertThat(body(code, "tạm dừng xử lý để xác minh")).contains("Cần xác minh số liệu")
                .doesNotContain("cơ quan chức năng xác minh");
    }

    @Test
    void a_submitter_reachable_only_by_post_is_sent_printable_letters_once() throws IOException {
        api = new HubApi(port);
        String code = acceptedByTheMinistry(true, "Hợp tác xã " + token() + " đề nghị hỗ trợ thiết bị số.");
        // as a paper letter's writer who gave neither e-mail nor phone (the web form insists on one of them)
        db.update("update case_file set submitter_email_enc = null, submitter_phone_enc = null where code = ?", code);
        Flows.must(api, BKHCN, code, "PROGRESS_UPDATE", "Đang chờ Bộ Tài chính bố trí kinh phí năm 2027.", null);

        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from notification where case_code = ?"
                + " and template = 'progress-update' and channel = 'LETTER' and status = 'SENT'", Integer.class, code) == 1);
        assertThat(db.queryForObject("select count(*) from notification where case_code = ?"
                + " and template = 'progress-update'", Integer.class, code)).as("no mail, no SMS: a letter only").isOne();
        JsonNode waiting = api.get("/api/v1/letters", HubApi.bearer(VPTW)).json();
        String id = null;
        for (JsonNode w : waiting) {
            if (code.equals(w.path("caseCode").asText())) {
                assertThat(w.path("template").asText()).isEqualTo("progress-update");
                id = w.path("id").asText();
            }
        }
        assertThat(id).as(waiting.toString()).isNotNull();
        assertThat(api.get("/api/v1/letters", HubApi.bearer(BKHCN)).status()).as("the mail room's").isEqualTo(403);

        java.net.http.HttpResponse<byte[]> pdf = api.getBytes("/api/v1/letters/" + id, HubApi.bearer(VPTW));
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("THÔNG BÁO TÌNH HÌNH XỬ LÝ").contains("Nguyễn Thị Minh Thư")
                    .contains("Tràng Tiền").contains("Đang chờ Bộ Tài chính bố trí kinh phí năm 2027.").contains(code);
        }
        assertThat(api.postJson("/api/v1/letters/" + id + "/posted", Map.of(), HubApi.bearer(VPTW)).status()).isEqualTo(200);
        String posted = id;
        JsonNode still = api.get("/api/v1/letters", HubApi.bearer(VPTW)).json();
        still.forEach(w -> assertThat(w.path("id").asText()).isNotEqualTo(posted));
        assertThat(db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.action = 'READ_PERSONAL_DATA' and e.details ->> 'detail' like 'letter progress-update%'",
                Integer.class, code)).as("printing the letter is a recorded read").isOne();
    }

    @Test
    void open_statistics_are_json_and_csv_and_cacheable() {
        api = new HubApi(port);
        HubApi.Reply json = api.get("/api/public/v1/statistics?by=field&from=2026-01-01&to=2026-12-31");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.json().path("by").asText()).isEqualTo("field");
        conforms("statistics", json.json());
        assertThat(json.json().has("total")).isTrue();
        assertThat(json.raw().headers().firstValue("Cache-Control").orElse("")).contains("max-age");
        HubApi.Reply csv = api.get("/api/public/v1/statistics?by=AGENCY&from=2026-01-01&to=2026-12-31&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFagency,received,");
        assertThat(api.get("/api/public/v1/statistics?by=SUBMITTER_TYPE&from=2026-01-01&to=2026-12-31").status())
                .as("only the selected dimensions are public").isEqualTo(422);
    }
}
