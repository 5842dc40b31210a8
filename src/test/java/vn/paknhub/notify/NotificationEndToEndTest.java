package vn.paknhub.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.devstack.EmbeddedMailServer;
import vn.paknhub.sandbox.SandboxPartner;
import vn.paknhub.sandbox.SandboxStatusSender;
import vn.paknhub.sandbox.SandboxStatusSender.StatusRequest;
import vn.paknhub.sandbox.Sandboxes;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;

/**
 * The submitter hears about every step Đ5.2 names, by email (the embedded mail server) and SMS (the
 * sandbox gateway), exactly once per step, whichever way the step reached the hub.
 */
@HubIntegrationTest
class NotificationEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    SandboxStatusSender partner;
    @Autowired
    Sandboxes sandboxes;
    @Autowired
    JdbcTemplate db;

    /** A case of its own, so that its mail can be told from the other tests' mail. */
    private String submit(String addressee, String agency, String content) {
        String code = Flows.submitAddressedTo(new HubApi(port), addressee, content).path("code").asText();
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from delivery where case_code = ?"
                + " and agency = ? and status = 'DELIVERED'", Integer.class, code, agency) == 1);
        return code;
    }

    /** Subject → body of every mail about the case, in arrival order. */
    private static List<Map.Entry<String, String>> mailAbout(String code) {
        return EmbeddedMailServer.received().stream().map(NotificationEndToEndTest::subjectAndBody)
                .filter(m -> m.getKey().contains(code)).toList();
    }

    private static Map.Entry<String, String> subjectAndBody(MimeMessage m) {
        try {
            return Map.entry(m.getSubject(), m.getContent().toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String code, String subjectPart) {
        return mailAbout(code).stream().filter(m -> m.getKey().contains(subjectPart)).count();
    }

    private void awaitMail(String code, String subjectPart) {
        await().atMost(PATIENCE).until(() -> count(code, subjectPart) >= 1);
    }

    @Test
    void receipt_forwarding_and_a_webhook_update_each_give_one_email_and_a_duplicate_update_none() throws Exception {
        String code = submit("Bộ Khoa học và Công nghệ", "BKHCN", "Đề xuất cơ chế đặt hàng nghiên cứu trí tuệ nhân tạo.");
        awaitMail(code, "Đã tiếp nhận");
        awaitMail(code, "đã được chuyển đến Bộ Khoa học và Công nghệ");
        Map.Entry<String, String> receipt = mailAbout(code).stream().filter(m -> m.getKey().contains("Đã tiếp nhận"))
                .findFirst().orElseThrow();
        assertThat(receipt.getValue()).contains("Kính gửi Ông/Bà Nguyễn Thị Minh Thư").contains("Mã số theo dõi: " + code);

        String accepted = UUID.randomUUID().toString();
        for (StatusRequest update : List.of(
                new StatusRequest(code, "BKHCN", "DA_TIEP_NHAN", null, 1L, null, accepted, null),
                new StatusRequest(code, "BKHCN", "DA_TIEP_NHAN", null, 1L, null, accepted, null),
                new StatusRequest(code, "BKHCN", "DANG_XU_LY", null, 2L, null, null, null),
                new StatusRequest(code, "BKHCN", "CO_KET_QUA", "Bộ sẽ đưa đề xuất vào chương trình nghiên cứu năm 2027.",
                        3L, null, null, null))) {
            SandboxStatusSender.HubAnswer answer = partner.send(Sandboxes.JSON_MINISTRY, update);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        // the body's result is told only once the Central Party Office has reviewed it (Đ12.4c): here, published
        Flows.must(new HubApi(port), vn.paknhub.support.Samples.VPTW, code, "PUBLISH", null, null);
        // the result is the last step: once it is planned, every earlier step has been (one partition, in order)
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from notification where case_code = ?"
                + " and channel = 'EMAIL' and template = 'result-posted'", Integer.class, code) == 1);
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from notification where case_code = ?"
                + " and channel = 'EMAIL' and status <> 'SENT'", Integer.class, code) == 0);
        assertThat(db.queryForObject("select count(*) from notification where case_code = ? and channel = 'EMAIL'",
                Integer.class, code)).isEqualTo(4);

        assertThat(count(code, "Đã tiếp nhận")).isOne();
        assertThat(count(code, "đã được chuyển đến")).isOne();
        assertThat(count(code, "đã tiếp nhận xử lý")).isOne();
        assertThat(count(code, "Đã có kết quả")).isOne();
        assertThat(mailAbout(code)).hasSize(4);
        assertThat(mailAbout(code).stream().filter(m -> m.getKey().contains("Đã có kết quả")).findFirst().orElseThrow()
                .getValue()).contains("chương trình nghiên cứu năm 2027").contains("phúc đáp");
    }

    @Test
    void a_rejection_from_the_national_portal_reaches_the_submitter_with_its_reason() throws Exception {
        String code = submit("Bộ Y tế", "BYT", "Thủ tục hành chính cấp giấy phép hoạt động khám bệnh quá phức tạp, mã 1.004227.");

        partner.send(Sandboxes.NATIONAL_PORTAL, new StatusRequest(code, "BYT", "3",
                "Nội dung là khiếu nại, đề nghị gửi theo Luật Khiếu nại.", 1L, null, null, null));

        // the portal is polled: the third way a status reaches the hub, and still one email
        awaitMail(code, "không được tiếp nhận");
        assertThat(count(code, "không được tiếp nhận")).isOne();
        assertThat(db.queryForObject("select count(*) from notification where case_code = ? and template = 'rejected'"
                + " and channel = 'EMAIL'", Integer.class, code)).isOne();
        assertThat(mailAbout(code).stream().filter(m -> m.getKey().contains("không được tiếp nhận")).findFirst()
                .orElseThrow().getValue()).contains("Luật Khiếu nại");
    }

    @Test
    void an_update_on_the_province_topic_gives_one_email_and_each_step_one_sms() throws Exception {
        String code = submit("UBND tỉnh Lâm Đồng", "68", "Đề xuất trung tâm dữ liệu nông nghiệp số của tỉnh.");

        partner.send(Sandboxes.KAFKA_PROVINCE, new StatusRequest(code, "68", "DA_TIEP_NHAN", null, 1L, null, null, null));

        awaitMail(code, "đã tiếp nhận xử lý");
        assertThat(count(code, "đã tiếp nhận xử lý")).isOne();
        await().atMost(PATIENCE).until(() -> smsAbout(code).size() == 3);
        assertThat(smsAbout(code)).anySatisfy(sms -> assertThat(sms.body()).contains("da tiep nhan ma so " + code)
                .contains("\"to\":\"0912345678\""));
        Map<String, Integer> perTemplate = new HashMap<>();
        db.queryForList("select template from notification where case_code = ? and channel = 'SMS' and status = 'SENT'",
                String.class, code).forEach(t -> perTemplate.merge(t, 1, Integer::sum));
        assertThat(perTemplate).containsOnly(Map.entry("received", 1), Map.entry("forwarded", 1), Map.entry("accepted", 1));
    }

    @Test
    void a_failing_sms_gateway_is_retried_without_holding_the_case_back() {
        String code;
        sandboxes.partner(Sandboxes.SMS_GATEWAY).behave(SandboxPartner.Mode.FAIL_5XX, -1);
        try {
            // delivered to the ministry and mailed while the gateway fails
            code = submit("Bộ Khoa học và Công nghệ", "BKHCN", "Đề xuất mở dữ liệu khoa học cho doanh nghiệp.");
            awaitMail(code, "Đã tiếp nhận");
            await().atMost(PATIENCE).until(() -> db.queryForObject("select coalesce(min(attempts), 0) from notification"
                    + " where case_code = ? and channel = 'SMS'", Integer.class, code) >= 2);
            assertThat(smsAbout(code)).isEmpty();
        } finally {
            sandboxes.partner(Sandboxes.SMS_GATEWAY).behave(SandboxPartner.Mode.ACCEPT, -1);
        }
        // the gateway keeps a message before the hub has recorded its answer: wait for both
        await().atMost(PATIENCE).until(() -> smsAbout(code).size() == 2 && db.queryForList(
                "select status from notification where case_code = ?", String.class, code).stream()
                .allMatch("SENT"::equals));
        assertThat(smsAbout(code)).hasSize(2);
    }

    private List<SandboxPartner.Received> smsAbout(String code) {
        return sandboxes.partner(Sandboxes.SMS_GATEWAY).receivedFor(code);
    }
}
