package vn.paknhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.devstack.EmbeddedMailServer;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;
import vn.paknhub.support.TestMailbox;

/**
 * People email their items to the published address (Đ7.1b): real mail over SMTP into the embedded
 * mail server, read by the hub over IMAP, from the corpus in src/test/resources/mail.
 */
@HubIntegrationTest
class MailChannelEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String MAILBOX = "pakn@paknskgp.local";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Environment env;
    @Autowired
    MailIntake intake;
    @Autowired
    MailSettings settings;

    private HubApi api;

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    /** Sends a corpus mail byte for byte (no header rewritten) to the published mailbox. */
    private void send(byte[] raw) throws Exception {
        new TestMailbox(env).send(raw, MAILBOX);
    }

    private Map<String, Object> decided(String messageId) {
        await().atMost(PATIENCE).until(() -> db.queryForList("select status from mail_message where message_id = ?",
                String.class, messageId).stream().anyMatch(s -> !s.equals("RECEIVED")));
        return db.queryForMap("select status, outcome, outcome_reason, case_code, attempts from mail_message"
                + " where message_id = ?", messageId);
    }

    private boolean inFolder(String folder, String messageId) throws Exception {
        return new TestMailbox(env).messageIds(MAILBOX, folder).contains(messageId);
    }

    /** What the hub sent to {@code address}, newest last. */
    private static List<MimeMessage> sentTo(String address) {
        return EmbeddedMailServer.received().stream().filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().contains(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String body(MimeMessage m) throws Exception {
        return String.valueOf(m.getContent());
    }

    @Test
    void a_mail_becomes_one_case_with_its_contact_and_a_threaded_receipt_even_when_read_twice() throws Exception {
        byte[] raw = MailReaderTest.corpus("plain-utf8.eml");
        String messageId = "<plain-utf8.20261122@saomai.example.vn>";
        send(raw);
        Map<String, Object> d = decided(messageId);
        assertThat(d).containsEntry("status", "PROCESSED").containsEntry("outcome", "CASE_OPENED");
        String code = (String) d.get("case_code");
        assertThat(db.queryForMap("select channel, title, state from case_file where code = ?", code))
                .containsEntry("channel", "EMAIL").containsEntry("title", "Kiến nghị cơ chế thử nghiệm cho AI");
        HubApi.Reply c = api.get("/api/v1/agency/cases/" + code, HubApi.bearer(Samples.VPTW));
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.json().path("submitter").path("fullName").asText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(c.json().path("submitter").path("email").asText()).isEqualTo("nhung.nth@saomai.example.vn");
        assertThat(c.json().path("submitter").path("phone").asText()).isEqualTo("0912345678");
        assertThat(c.json().path("submitter").path("address").asText()).contains("quận Cầu Giấy");
        // a mail has no form: what it is and who sent it are read from it ("Kiến nghị …", a person's name)
        assertThat(c.json().path("kind").asText()).isEqualTo("PETITION");
        assertThat(c.json().path("kindSource").asText()).isEqualTo("TEXT");
        assertThat(c.json().path("submitterType").asText()).isEqualTo("INDIVIDUAL");
        assertThat(c.json().path("submitterTypeSource").asText()).isEqualTo("TEXT");
        await().atMost(PATIENCE).until(() -> inFolder("Processed", messageId) && !inFolder("INBOX", messageId));

        await().atMost(PATIENCE).until(() -> !receipts("nhung.nth@saomai.example.vn").isEmpty());
        MimeMessage receipt = receipts("nhung.nth@saomai.example.vn").get(0);
        assertThat(receipt.getSubject()).contains(code);
        assertThat(receipt.getHeader("In-Reply-To", null)).isEqualTo(messageId);
        assertThat(receipt.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        Matcher secret = Pattern.compile("Mã bí mật tra cứu: (\\S+)").matcher(body(receipt));
        assertThat(secret.find()).isTrue();
        HubApi.Reply followed = api.get("/api/v1/submissions/" + code, "X-Lookup-Secret", secret.group(1));
        assertThat(followed.status()).isEqualTo(200);

        // the same mail again (a re-poll, another node, the sender's retry): nothing new
        send(raw);
        await().atMost(PATIENCE).until(() -> !inFolder("INBOX", messageId));
        assertThat(db.queryForObject("select count(*) from mail_message where message_id = ?", Integer.class, messageId))
                .isOne();
        assertThat(db.queryForObject("select count(*) from case_file where channel = 'EMAIL' and title = ?", Integer.class,
                "Kiến nghị cơ chế thử nghiệm cho AI")).isOne();
        assertThat(receipts("nhung.nth@saomai.example.vn")).hasSize(1);
    }

    /** The receipts among what was sent (a routed case also gets its forwarding notice). */
    private static List<MimeMessage> receipts(String address) {
        return sentTo(address).stream().filter(m -> {
            try {
                return m.getSubject().contains("Đã tiếp nhận thư");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void a_mail_carrying_an_executable_is_held_until_an_operator_releases_it_without_that_file() throws Exception {
        // "hóa đơn.pdf" is a Windows executable (MZ) named as a PDF
        String messageId = "<alt-attach.20261124@truong.example.edu.vn>";
        send(MailReaderTest.corpus("alternative-with-attachments.eml"));
        Map<String, Object> d = decided(messageId);
        assertThat(d).containsEntry("status", "QUARANTINED").containsEntry("case_code", null);
        String id = db.queryForObject("select id::text from mail_message where message_id = ?", String.class, messageId);
        String lastError = db.queryForObject("select last_error from mail_message where id = ?::uuid", String.class, id);
        assertThat(lastError).contains("hóa đơn.pdf").contains("media-type");
        assertThat(db.queryForObject("select count(*) from case_file where title like '%STEM%'", Integer.class)).isZero();
        assertThat(api.get("/api/v1/parked?kind=mail", HubApi.bearer(Samples.VPTW)).body()).contains(id);

        // released by an operator: the case opens with the acceptable file, the refused one named to the sender
        HubApi.Reply released = api.postJson("/api/v1/parked/mail/" + id + "/replay", Map.of(), HubApi.bearer(Samples.VPTW));
        assertThat(released.status()).isBetween(200, 204);
        String code = db.queryForObject("select case_code from mail_message where id = ?::uuid", String.class, id);
        assertThat(db.queryForList("select a.file_name from case_attachment a join case_file f on f.id = a.case_id"
                + " where f.code = ?", String.class, code)).containsExactly("Đề án STEM.pdf");
        await().atMost(PATIENCE).until(() -> !receipts("ha.pt@truong.example.edu.vn").isEmpty());
        assertThat(body(receipts("ha.pt@truong.example.edu.vn").get(0))).contains("hóa đơn.pdf")
                .contains("không được nhận");
    }

    @Test
    void missing_contact_information_still_opens_the_case_and_asks_for_it_by_email() throws Exception {
        send(MailReaderTest.corpus("missing-address.eml"));
        Map<String, Object> d = decided("<missing-address.20261122@startup.example.vn>");
        assertThat(d).containsEntry("outcome", "CASE_OPENED");
        String code = (String) d.get("case_code");
        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, code))
                .isEqualTo("SUPPLEMENT_REQUESTED");
        await().atMost(PATIENCE).until(() -> receipts("khoa.dv@startup.example.vn").size() == 1
                && sentTo("khoa.dv@startup.example.vn").size() == 2);
        Optional<MimeMessage> request = sentTo("khoa.dv@startup.example.vn").stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Đề nghị bổ sung");
            } catch (Exception e) {
                return false;
            }
        }).findFirst();
        assertThat(request).isPresent();
        assertThat(body(request.get())).contains(code).contains("Địa chỉ liên hệ là bắt buộc");
    }

    @Test
    void robots_are_kept_but_never_answered_and_open_no_case() throws Exception {
        for (String[] robot : new String[][] {{"auto-reply.eml", "<auto.20261122@coquan.example.vn>", "an.nv@"},
                {"delivery-report.eml", "<dsn.20261122@mx.example.vn>", "mailer-daemon@"},
                {"mailing-list.eml", "<list.20261122@list.example.vn>", "bantin@"}}) {
            send(MailReaderTest.corpus(robot[0]));
            Map<String, Object> d = decided(robot[1]);
            assertThat(d).as(robot[0]).containsEntry("outcome", "NOT_ANSWERED").containsEntry("case_code", null);
            assertThat((String) d.get("outcome_reason")).startsWith("automated: ");
            assertThat(sentTo(robot[2])).as(robot[0]).isEmpty();
        }
    }

    @Test
    void a_denunciation_is_refused_politely_by_a_threaded_answer_and_opens_no_case() throws Exception {
        send(MailReaderTest.corpus("complaint.eml"));
        Map<String, Object> d = decided("<complaint.20261122@example.vn>");
        assertThat(d).containsEntry("outcome", "OUT_OF_SCOPE").containsEntry("case_code", null);
        await().atMost(PATIENCE).until(() -> !sentTo("binh.hv@example.vn").isEmpty());
        MimeMessage answer = sentTo("binh.hv@example.vn").get(0);
        assertThat(answer.getSubject()).contains("không thuộc phạm vi");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<complaint.20261122@example.vn>");
        assertThat(body(answer)).contains("Điều 1 khoản 2");
    }

    @Test
    void a_mail_over_the_size_limit_is_kept_answered_with_the_limit_and_opens_no_case() throws Exception {
        String messageId = "<too-large.20261123@example.vn>";
        byte[] scan = new byte[300 * 1024];
        new java.util.Random(5).nextBytes(scan);
        String raw = "From: Pham Van Lon <lon.pv@example.vn>\r\nTo: " + MAILBOX + "\r\nSubject: =?UTF-8?Q?H=E1=BB=93_s=C6=A1_k?="
                + "\r\n =?UTF-8?Q?=C3=A8m_b=E1=BA=A3n_qu=C3=A9t?=\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nKính gửi Bộ Khoa học và Công nghệ, tôi gửi kèm hồ sơ.\r\n--b1\r\n"
                + "Content-Type: application/pdf; name=\"ho-so.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(scan) + "\r\n--b1--\r\n";
        send(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Map<String, Object> d = decided(messageId);
        assertThat(d).containsEntry("outcome", "TOO_LARGE").containsEntry("case_code", null).containsEntry("status", "PROCESSED");
        // kept whole, for an operator to read
        assertThat(db.queryForObject("select size_bytes from mail_message where message_id = ?", Integer.class, messageId))
                .isGreaterThan(300 * 1024);
        await().atMost(PATIENCE).until(() -> !sentTo("lon.pv@example.vn").isEmpty());
        MimeMessage answer = sentTo("lon.pv@example.vn").get(0);
        assertThat(answer.getSubject()).contains("Hồ sơ kèm bản quét").contains("quá dung lượng");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(messageId);
        assertThat(body(answer)).contains("vượt giới hạn 256 KB");
        await().atMost(PATIENCE).until(() -> inFolder("Processed", messageId));
    }

    @Test
    void headers_in_a_mail_cannot_steer_the_route() throws Exception {
        String messageId = "<steering.20261122@example.vn>";
        send(MailReaderTest.corpus("steering-headers.eml"));
        assertThat(decided(messageId)).containsEntry("outcome", "CASE_OPENED");
        await().atMost(PATIENCE).until(() -> inFolder("Processed", messageId));
        assertThat(inFolder("Trash", messageId)).isFalse();
        assertThat(inFolder("Leaked", messageId)).isFalse();
        assertThat(inFolder("INBOX", messageId)).isFalse();
    }

    @Test
    void a_mail_whose_first_reading_fails_is_read_again_from_its_stored_copy_and_opens_one_case() throws Exception {
        String messageId = "<retry-once.20261207@example.vn>";
        // the case store refuses this item once only: the first reading fails, the second goes through
        db.execute("create sequence if not exists test_mail_fault_once");
        db.execute("""
                create or replace function test_refuse_once() returns trigger language plpgsql as $$
                begin
                  if new.title = 'Đề xuất cho đọc lại thư lỗi' and nextval('test_mail_fault_once') = 1 then
                    raise exception 'injected fault, once';
                  end if;
                  return new;
                end $$""");
        db.execute("create trigger test_refuse_once before insert on case_file for each row execute function test_refuse_once()");
        try {
            send(mail("Phan Thị Hoa <hoa.pt@example.vn>", "Đề xuất cho đọc lại thư lỗi", messageId, "",
                    "Tôi đề xuất số hoá sổ theo dõi đề tài khoa học của huyện.\nĐịa chỉ: 15 Trần Phú, phường Điện Biên,"
                            + " Hà Nội\nĐiện thoại: 0913 456 789"));
            Map<String, Object> d = decided(messageId);
            assertThat(d).containsEntry("status", "PROCESSED").containsEntry("outcome", "CASE_OPENED")
                    .containsEntry("attempts", 2);
            await().atMost(PATIENCE).until(() -> inFolder("Processed", messageId) && !inFolder("INBOX", messageId));
            assertThat(db.queryForObject("select count(*) from case_file where title = 'Đề xuất cho đọc lại thư lỗi'",
                    Integer.class)).isOne();
            assertThat(db.queryForObject("select last_value from test_mail_fault_once", Long.class)).isEqualTo(2);
        } finally {
            db.execute("drop trigger if exists test_refuse_once on case_file");
            db.execute("drop function if exists test_refuse_once()");
            db.execute("drop sequence if exists test_mail_fault_once");
        }
    }

    @Test
    void a_mail_failing_again_and_again_is_retried_from_its_stored_copy_then_quarantined_and_reprocessed_once()
            throws Exception {
        String messageId = "<raw-utf8.20261122@example.vn>";
        // a fault in the case store for this one item only, until "the fix"
        db.execute("""
                create or replace function test_refuse_mail_case() returns trigger language plpgsql as $$
                begin
                  if new.title = 'Giải pháp số hóa hồ sơ bệnh án' then raise exception 'injected fault'; end if;
                  return new;
                end $$""");
        db.execute("create trigger test_refuse_mail_case before insert on case_file for each row"
                + " execute function test_refuse_mail_case()");
        try {
            send(MailReaderTest.corpus("raw-utf8-headers.eml"));
            // once stored, the mail leaves the mailbox; its second and third readings come from the work queue
            await().atMost(PATIENCE).until(() -> inFolder("Processed", messageId) && !inFolder("INBOX", messageId));
            Map<String, Object> d = decided(messageId);
            assertThat(d).containsEntry("status", "QUARANTINED").containsEntry("attempts", 3);
            assertThat(inFolder("Failed", messageId)).isFalse();
            HubApi.Reply listed = api.get("/api/v1/mail", HubApi.bearer(Samples.VPTW));
            assertThat(listed.status()).isEqualTo(200);
            String id = null;
            for (var m : listed.json()) {
                if (messageId.equals(m.path("messageId").asText())) {
                    id = m.path("id").asText();
                    assertThat(m.path("lastError").asText()).contains("injected fault");
                }
            }
            assertThat(id).isNotNull();
            assertThat(api.get("/api/v1/mail", HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);
            HubApi.Reply raw = api.get("/api/v1/mail/" + id + "/raw", HubApi.bearer(Samples.VPTW));
            assertThat(raw.body()).contains("Message-ID: " + messageId);
            assertThat(db.queryForObject("select count(*) from mail_access where mail_id = ?::uuid and actor = 'VPTW'",
                    Integer.class, id)).isOne();

            HubApi.Reply stillFailing = api.postJson("/api/v1/mail/" + id + "/reprocess", Map.of(),
                    HubApi.bearer(Samples.VPTW));
            assertThat(stillFailing.status()).isEqualTo(422);
            assertThat(stillFailing.rules()).contains("still-failing");

            db.execute("drop trigger test_refuse_mail_case on case_file");
            HubApi.Reply fixed = api.postJson("/api/v1/mail/" + id + "/reprocess", Map.of(), HubApi.bearer(Samples.VPTW));
            assertThat(fixed.status()).isEqualTo(200);
            assertThat(fixed.json().path("outcome").asText()).isEqualTo("CASE_OPENED");
            assertThat(api.postJson("/api/v1/mail/" + id + "/reprocess", Map.of(), HubApi.bearer(Samples.VPTW)).status())
                    .isEqualTo(422);
            assertThat(db.queryForObject("select count(*) from case_file where title = 'Giải pháp số hóa hồ sơ bệnh án'",
                    Integer.class)).isOne();
        } finally {
            db.execute("drop trigger if exists test_refuse_mail_case on case_file");
            db.execute("drop function if exists test_refuse_mail_case()");
        }
    }

    /** A plain UTF-8 mail as a person's mail program would write it. */
    private static byte[] mail(String from, String subject, String messageId, String extraHeaders, String body) {
        return ("From: " + from + "\r\nTo: " + MAILBOX + "\r\nSubject: =?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "?=\r\nDate: Mon, 23 Nov 2026 10:00:00 +0700\r\nMessage-ID: " + messageId + "\r\n" + extraHeaders
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body.replace("\n", "\r\n")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void replies_carrying_the_tracking_code_supplement_or_withdraw_the_case_and_never_open_another() throws Exception {
        String from = "Đinh Văn Quang <quang.dv@example.vn>";
        send(mail(from, "Đề xuất ứng dụng bản đồ số cho nông dân", "<first.quang@example.vn>", "",
                "Tôi đề xuất xây dựng ứng dụng bản đồ số miễn phí giúp nông dân tra cứu thổ nhưỡng và thời tiết."));
        String code = (String) decided("<first.quang@example.vn>").get("case_code");
        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, code))
                .isEqualTo("SUPPLEMENT_REQUESTED");

        // the answer to the supplement request, quoting it: a supplement, the case goes back to classification
        send(mail(from, "Re: [" + code + "] Đề nghị bổ sung thông tin", "<reply1.quang@example.vn>",
                "In-Reply-To: <first.quang@example.vn>\r\nReferences: <first.quang@example.vn>\r\n",
                "Địa chỉ: 3 Hùng Vương, phường Phú Nhuận, thành phố Huế\n\nVào ngày 23/11/2026 PAKN đã viết:\n> Đề nghị bổ sung"));
        assertThat(decided("<reply1.quang@example.vn>")).containsEntry("outcome", "SUPPLEMENT_ADDED")
                .containsEntry("case_code", code);
        assertThat(answerTo("quang.dv@example.vn", "<reply1.quang@example.vn>").getSubject())
                .isEqualTo("[" + code + "] Đã nhận thông tin bổ sung của Ông/Bà");
        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, code))
                .isIn("SUBMITTED", "FORWARDED", "ROUTED_TO_TRIAGE");

        // someone else quoting the code opens a case of their own and touches nothing of this one
        send(mail("Kẻ Lạ <stranger@example.vn>", "Re: [" + code + "] xin rút", "<stranger.1@example.vn>", "",
                "Tôi xin rút kiến nghị này và đề xuất thay bằng quỹ hỗ trợ nông dân chuyển đổi số."));
        Map<String, Object> stranger = decided("<stranger.1@example.vn>");
        assertThat(stranger).containsEntry("outcome", "CASE_OPENED");
        assertThat(stranger.get("case_code")).isNotEqualTo(code);

        // the person asks to withdraw, by a reply referring only to their first mail
        send(mail(from, "Rút kiến nghị", "<reply2.quang@example.vn>", "References: <first.quang@example.vn>\r\n",
                "Tôi xin rút kiến nghị vì đã tìm được ứng dụng phù hợp."));
        assertThat(decided("<reply2.quang@example.vn>")).containsEntry("outcome", "WITHDRAWAL_REQUESTED");
        MimeMessage withdrawal = answerTo("quang.dv@example.vn", "<reply2.quang@example.vn>");
        assertThat(withdrawal.getSubject()).isEqualTo("[" + code + "] Đã nhận đề nghị rút PAKN, SKGP của Ông/Bà");
        assertThat(body(withdrawal)).contains("3 ngày làm việc");
        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, code))
                .isEqualTo("WITHDRAWAL_REQUESTED");
        assertThat(db.queryForObject("select count(*) from case_file where submitter_email_hash ="
                + " (select submitter_email_hash from case_file where code = ?)", Integer.class, code)).isOne();
    }

    @Test
    void mails_read_in_one_poll_are_decided_at_once_yet_a_persons_second_mail_follows_their_first() throws Exception {
        String from = "Hoàng Thị Lan <lan.ht@example.vn>";
        List<byte[]> arriving = new java.util.ArrayList<>();
        arriving.add(mail(from, "Đề xuất thư viện số cho trường làng", "<together-first.lan@example.vn>", "",
                "Tôi đề xuất xây dựng thư viện số dùng chung cho các trường tiểu học vùng cao."));
        // the same person, right after it, referring to their own first mail: read while the first is decided
        arriving.add(mail(from, "Bổ sung địa chỉ", "<together-second.lan@example.vn>",
                "References: <together-first.lan@example.vn>\r\n", "Địa chỉ: 5 Trần Phú, phường Lộc Thọ, thành phố Nha Trang"));
        for (int i = 1; i <= 6; i++) {
            arriving.add(mail("Người Gửi " + i + " <cung-luc-" + i + "@example.vn>", "Đề xuất số hoá lần " + i,
                    "<together-" + i + "@example.vn>", "", "Tôi đề xuất số hoá hồ sơ khoa học công nghệ của tỉnh, lần "
                            + i + ".\nĐịa chỉ: " + i + " Lê Lợi, phường Bến Nghé, quận 1, TP. Hồ Chí Minh\nĐiện thoại: 0907 123 45" + i));
        }
        new TestMailbox(env).deliverTogether(MAILBOX, arriving);

        String code = (String) decided("<together-first.lan@example.vn>").get("case_code");
        assertThat(decided("<together-second.lan@example.vn>")).containsEntry("outcome", "SUPPLEMENT_ADDED")
                .containsEntry("case_code", code);
        java.util.Set<Object> others = new java.util.HashSet<>();
        for (int i = 1; i <= 6; i++) {
            Map<String, Object> other = decided("<together-" + i + "@example.vn>");
            assertThat(other).containsEntry("outcome", "CASE_OPENED");
            others.add(other.get("case_code"));
        }
        assertThat(others).hasSize(6).doesNotContain(code);
        await().atMost(PATIENCE).until(() -> inFolder("Processed", "<together-second.lan@example.vn>")
                && inFolder("Processed", "<together-6@example.vn>"));
        assertThat(new TestMailbox(env).messageIds(MAILBOX, "INBOX")).noneMatch(id -> id.startsWith("<together"));
    }

    /**
     * The same, without the embedded server's pace (it answers a fetch in tens of milliseconds, long
     * enough for one mail to be decided before the next is read): mails handed over back to back, as a
     * fast server gives them, while the first is still being decided.
     */
    @Test
    void a_persons_mails_handed_over_back_to_back_are_decided_in_turn() throws Exception {
        MailPoll poll = new MailPoll(intake, settings.workers(), false);
        try {
            String from = "Trịnh Văn Bình <binh.tv@example.vn>";
            List<MimeMessage> mails = new java.util.ArrayList<>();
            mails.add(raw(mail(from, "Đề xuất bản đồ số di tích", "<turn-first.binh@example.vn>", "",
                    "Tôi đề xuất số hoá bản đồ các di tích lịch sử của tỉnh để học sinh tra cứu.")));
            for (int i = 1; i <= 3; i++) {
                mails.add(raw(mail(from, "Bổ sung lần " + i, "<turn-" + i + ".binh@example.vn>",
                        "References: <turn-first.binh@example.vn>\r\n", "Bổ sung lần " + i + ": Điện thoại 0905 111 22" + i)));
            }
            for (int i = 0; i < mails.size(); i++) {
                poll.receive(mails.get(i), i);
            }
            assertThat(poll.awaitDecisions()).containsOnlyKeys("Processed").extractingByKey("Processed")
                    .asList().hasSize(4);
            String code = (String) decided("<turn-first.binh@example.vn>").get("case_code");
            for (int i = 1; i <= 3; i++) {
                assertThat(decided("<turn-" + i + ".binh@example.vn>")).containsEntry("outcome", "SUPPLEMENT_ADDED")
                        .containsEntry("case_code", code);
            }
        } finally {
            poll.destroy();
        }
    }

    /** POP3 has no folders: a poll's handled mails are deleted from the server once all are decided. */
    @Test
    void over_pop3_a_polls_handled_mails_are_deleted_from_the_server() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        com.icegreen.greenmail.util.GreenMail pop3Server = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "localhost", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_POP3));
        pop3Server.start();
        MailPoll poll = new MailPoll(intake, 2, true);
        try {
            var user = pop3Server.setUser("hopthu@example.vn", "hopthu@example.vn", "demo");
            user.deliver(raw(mail("Vũ Thị Mai <mai.vt@example.vn>", "Đề xuất qua POP3", "<pop3-1@example.vn>", "",
                    "Tôi đề xuất số hoá hồ sơ đề tài khoa học cấp tỉnh.\nĐịa chỉ: 8 Lý Thường Kiệt, Hà Nội\n0912 000 111")));
            user.deliver(raw(mail("Đỗ Văn Nam <nam.dv@example.vn>", "Đề xuất thứ hai qua POP3", "<pop3-2@example.vn>", "",
                    "Tôi đề xuất mở cổng dữ liệu khoa học.\nĐịa chỉ: 9 Hai Bà Trưng, Hà Nội\n0912 000 222")));
            try (jakarta.mail.Store store = jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("pop3")) {
                store.connect("localhost", port, "hopthu@example.vn", "demo");
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_WRITE);
                jakarta.mail.Message[] mails = inbox.getMessages();
                assertThat(mails).hasSize(2);
                for (int i = 0; i < mails.length; i++) {
                    poll.receive(mails[i], i);
                }
                poll.process(inbox);
                inbox.close(true);
            }

            assertThat(decided("<pop3-1@example.vn>")).containsEntry("outcome", "CASE_OPENED");
            assertThat(decided("<pop3-2@example.vn>")).containsEntry("outcome", "CASE_OPENED");
            try (jakarta.mail.Store store = jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("pop3")) {
                store.connect("localhost", port, "hopthu@example.vn", "demo");
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_ONLY);
                assertThat(inbox.getMessageCount()).as("left on the server").isZero();
                inbox.close(false);
            }
        } finally {
            poll.destroy();
            pop3Server.stop();
        }
    }

    private static MimeMessage raw(byte[] bytes) throws Exception {
        return new MimeMessage(null, new java.io.ByteArrayInputStream(bytes));
    }

    @Test
    void a_withdrawal_asked_by_mail_after_acceptance_is_refused_with_the_reason() throws Exception {
        String from = "Mai Thị Thu <thu.mt@example.vn>";
        send(mail(from, "Kiến nghị về phòng thí nghiệm dùng chung", "<first.thu@example.vn>", "",
                "Kính gửi: Bộ Khoa học và Công nghệ\nTôi kiến nghị mở phòng thí nghiệm dùng chung cho doanh nghiệp nhỏ.\n"
                        + "Mai Thị Thu, 9 Hai Bà Trưng, phường Tràng Tiền, quận Hoàn Kiếm, Hà Nội, 0913 444 555"));
        String code = (String) decided("<first.thu@example.vn>").get("case_code");
        await().atMost(PATIENCE).until(() -> "FORWARDED".equals(db.queryForObject("select state from case_file where code = ?",
                String.class, code)));
        assertThat(api.postJson("/api/v1/agency/cases/" + code + "/actions", Map.of("action", "ACCEPT"),
                HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(200);

        send(mail(from, "Re: [" + code + "] Đã tiếp nhận", "<reply.thu@example.vn>", "", "Tôi xin rút kiến nghị."));
        Map<String, Object> d = decided("<reply.thu@example.vn>");
        assertThat(d).containsEntry("outcome", "REPLY_REFUSED").containsEntry("case_code", code);
        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, code)).isEqualTo("ACCEPTED");
        await().atMost(PATIENCE).until(() -> sentTo("thu.mt@example.vn").stream().anyMatch(m -> {
            try {
                return m.getSubject().contains("chưa được xử lý") && "<reply.thu@example.vn>".equals(m.getHeader("In-Reply-To", null));
            } catch (Exception e) {
                return false;
            }
        }));
    }

    @Test
    void one_address_gets_a_few_automatic_refusals_a_day_not_one_per_mail() throws Exception {
        String from = "Người Gửi Nhiều <nhieu@example.vn>";
        for (int i = 1; i <= 4; i++) {
            send(mail(from, "Đơn tố cáo lần " + i, "<tocao-" + i + "@example.vn>", "",
                    "Tôi tố cáo cán bộ xã nhận hối lộ khi làm thủ tục đất đai, đề nghị xử lý nghiêm lần " + i + "."));
            assertThat(decided("<tocao-" + i + "@example.vn>")).containsEntry("outcome", "OUT_OF_SCOPE");
        }
        assertThat((String) decided("<tocao-4@example.vn>").get("outcome_reason")).startsWith("unanswered:");
        await().atMost(PATIENCE).until(() -> sentTo("nhieu@example.vn").size() == 3);
        assertThat(db.queryForObject("select count(*) from notification where in_reply_to = '<tocao-4@example.vn>'",
                Integer.class)).isZero();
    }

    /**
     * The same item sent again from the same address under a new Message-ID (another mail program, another
     * transfer encoding, the same title and text): no second case, an answer naming the first case's code.
     */
    @Test
    void the_same_item_sent_again_opens_no_second_case_and_is_answered_with_the_first_code() throws Exception {
        String text = "Kính gửi Bộ Khoa học và Công nghệ,\n\nTôi đề xuất thành lập trung tâm đổi mới sáng tạo cấp tỉnh cho"
                + " thanh niên khởi nghiệp.\n\nLý Văn Hậu, 2 Lê Duẩn, phường Bến Thành, quận 1, TP. Hồ Chí Minh, 0907 123 456";
        send(ClientMail.of(ClientMail.Client.THUNDERBIRD, "Lý Văn Hậu", "hau.lv@example.vn", MAILBOX,
                "Trung tâm đổi mới sáng tạo", text, "<dup-1@example.vn>", "Mon, 23 Nov 2026 10:00:00 +0700"));
        String first = (String) decided("<dup-1@example.vn>").get("case_code");
        await().atMost(PATIENCE).until(() -> receipts("hau.lv@example.vn").size() == 1);
        send(ClientMail.of(ClientMail.Client.GMAIL, "Lý Văn Hậu", "hau.lv@example.vn", MAILBOX,
                "Trung tâm đổi mới sáng tạo", text, "<dup-2@mail.gmail.com>", "Wed, 25 Nov 2026 21:03:00 +0700"));
        Map<String, Object> second = decided("<dup-2@mail.gmail.com>");
        assertThat(second).containsEntry("outcome", "DUPLICATE").containsEntry("case_code", first);
        assertThat(db.queryForObject("select count(*) from case_file where title = 'Trung tâm đổi mới sáng tạo'",
                Integer.class)).isOne();
        await().atMost(PATIENCE).until(() -> sentTo("hau.lv@example.vn").stream().anyMatch(m -> {
            try {
                return "<dup-2@mail.gmail.com>".equals(m.getHeader("In-Reply-To", null));
            } catch (Exception e) {
                return false;
            }
        }));
        MimeMessage answer = sentTo("hau.lv@example.vn").stream().filter(m -> {
            try {
                return "<dup-2@mail.gmail.com>".equals(m.getHeader("In-Reply-To", null));
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(answer.getSubject()).contains(first).contains("trùng");
        assertThat(body(answer)).contains("mã số " + first).doesNotContain("Mã bí mật tra cứu:");
        // sent again from a phone with a line of its own above, and the phone's "Gửi từ iPhone của tôi" below
        send(ClientMail.of(ClientMail.Client.IPHONE, "Lý Văn Hậu", "hau.lv@example.vn", MAILBOX, "Trung tâm đổi mới sáng tạo",
                "Tôi gửi lại thư này vì chưa nhận được phản hồi.\n\n" + text, "<dup-4@icloud.com>",
                "Thu, 26 Nov 2026 07:00:00 +0700"));
        assertThat(decided("<dup-4@icloud.com>")).containsEntry("outcome", "DUPLICATE").containsEntry("case_code", first);
        // the same title with other words is another item
        send(ClientMail.of(ClientMail.Client.GMAIL, "Lý Văn Hậu", "hau.lv@example.vn", MAILBOX,
                "Trung tâm đổi mới sáng tạo", text.replace("cấp tỉnh", "cấp huyện"), "<dup-3@mail.gmail.com>",
                "Wed, 25 Nov 2026 21:10:00 +0700"));
        assertThat(decided("<dup-3@mail.gmail.com>")).containsEntry("outcome", "CASE_OPENED");
    }

    @Test
    void a_mail_forwarded_as_an_attachment_opens_the_forwarded_item_with_its_own_files() throws Exception {
        String messageId = "<5c2e9a61-7d3b-4f10-9b8e-2a6c1d4e7f90@gmail.com>";
        send(MailReaderTest.corpus("forwarded-as-attachment-thunderbird.eml"));
        Map<String, Object> d = decided(messageId);
        assertThat(d).containsEntry("outcome", "CASE_OPENED");
        String code = (String) d.get("case_code");
        assertThat(db.queryForObject("select title from case_file where code = ?", String.class, code))
                .isEqualTo("Kiến nghị hỗ trợ chuyển giao công nghệ sấy nông sản");
        assertThat(db.queryForList("select a.file_name from case_attachment a join case_file f on f.id = a.case_id"
                + " where f.code = ?", String.class, code)).containsExactly("Phương án sấy.pdf");
        HubApi.Reply c = api.get("/api/v1/agency/cases/" + code, HubApi.bearer(Samples.VPTW));
        assertThat(c.json().path("content").asText()).contains("sấy nông sản bằng năng lượng mặt trời");
        // the phone of the forwarded letter, written "(+84) 912 345 678"
        assertThat(c.json().path("submitter").path("phone").asText()).isEqualTo("0912345678");
        assertThat(c.json().path("submitter").path("address").asText()).contains("xã Chiềng Mai, huyện Mai Sơn");
    }

    @Test
    void a_long_subject_a_parenthesised_phone_and_refused_files_all_leave_their_mark_on_the_case() throws Exception {
        String messageId = "<CAF3nLong0Subject7pQ@mail.gmail.com>";
        String subject = "Kiến nghị về việc " + "đơn giản hóa thủ tục đăng ký đề tài khoa học cấp cơ sở, ".repeat(6)
                + "công khai kết quả nghiệm thu và cho phép nộp hồ sơ trực tuyến trên cổng dịch vụ công của Bộ";
        String text = "Kính gửi Bộ Khoa học và Công nghệ,\n\nTôi kiến nghị như tiêu đề thư; hồ sơ minh họa gửi kèm.\n\n"
                + "Trân trọng,\nHồ Thị Minh Nguyệt\nĐịa chỉ: 14 Nguyễn Chí Thanh, phường Thạch Thang, quận Hải Châu, Đà Nẵng\n"
                + "ĐT: (+84) 905 123 456";
        StringBuilder raw = new StringBuilder("MIME-Version: 1.0\r\nDate: Tue, 24 Nov 2026 10:11:12 +0700\r\nMessage-ID: "
                + messageId + "\r\nSubject: " + ClientMail.encoded(subject) + "\r\nFrom: " + ClientMail.encoded("Hồ Thị Minh Nguyệt")
                + " <nguyet.htm@gmail.com>\r\nTo: " + MAILBOX + "\r\nContent-Type: multipart/mixed; boundary=\"000000000000a1b2\"\r\n\r\n"
                + "--000000000000a1b2\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + ClientMail.quotedPrintable(text) + "\r\n");
        String pdf = java.util.Base64.getMimeEncoder().encodeToString("%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        raw.append("--000000000000a1b2\r\nContent-Type: application/pdf; name=\"ho-so.pdf\"\r\nContent-Disposition: attachment;"
                + " filename=\"ho-so.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n").append(pdf).append("\r\n");
        for (int i = 1; i <= 6; i++) {
            raw.append("--000000000000a1b2\r\nContent-Type: image/png; name=\"IMG_20261124_0").append(i)
                    .append(".png\"\r\nContent-Disposition: attachment; filename=\"IMG_20261124_0").append(i)
                    .append(".png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n").append(png).append("\r\n");
        }
        raw.append("--000000000000a1b2--\r\n");
        send(raw.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Map<String, Object> d = decided(messageId);
        assertThat(d).containsEntry("outcome", "CASE_OPENED");
        String code = (String) d.get("case_code");
        Map<String, Object> c = db.queryForMap("select title, content from case_file where code = ?", code);
        String title = (String) c.get("title");
        assertThat(title.codePointCount(0, title.length())).isLessThanOrEqualTo(300);
        assertThat(title).endsWith("…");
        assertThat((String) c.get("content")).startsWith("Tiêu đề thư: " + subject + "\n\n");
        HubApi.Reply read = api.get("/api/v1/agency/cases/" + code, HubApi.bearer(Samples.VPTW));
        assertThat(read.json().path("submitter").path("phone").asText()).isEqualTo("0905123456");
        // five files taken (the most a case takes), the other two named in its history with the reason
        assertThat(db.queryForObject("select count(*) from case_attachment a join case_file f on f.id = a.case_id"
                + " where f.code = ?", Integer.class, code)).isEqualTo(5);
        assertThat(db.queryForList("select e.details ->> 'file' from case_event e join case_file f on f.id = e.case_id"
                + " where f.code = ? and e.action = 'ATTACHMENT_REFUSED' order by e.seq", String.class, code))
                .containsExactly("IMG_20261124_05.png", "IMG_20261124_06.png");
        await().atMost(PATIENCE).until(() -> !receipts("nguyet.htm@gmail.com").isEmpty());
        assertThat(body(receipts("nguyet.htm@gmail.com").get(0))).contains("IMG_20261124_06.png").contains("không được nhận");
    }

    /** The hub's answer to {@code address} threaded onto the mail {@code inReplyTo}, once it is sent. */
    private static MimeMessage answerTo(String address, String inReplyTo) {
        await().atMost(PATIENCE).until(() -> sentTo(address).stream().anyMatch(m -> inReplyTo.equals(header(m, "In-Reply-To"))));
        return sentTo(address).stream().filter(m -> inReplyTo.equals(header(m, "In-Reply-To"))).findFirst().orElseThrow();
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * A reply that names the case nowhere but in its In-Reply-To, the Message-ID of the hub's receipt (a phone's
     * mail program, the subject retyped, nothing quoted): it reaches the case, because the receipt's Message-ID is
     * the hub's own, in its sending domain, and its Reply-To the published mailbox.
     */
    @Test
    void a_reply_quoting_only_the_receipts_message_id_supplements_the_case() throws Exception {
        send(ClientMail.of(ClientMail.Client.OUTLOOK, "Tạ Thị Xuân", "xuan.tt@example.vn", MAILBOX,
                "Đề xuất số hóa thư viện trường học vùng cao", "Kính gửi Bộ Giáo dục và Đào tạo,\n\nTôi đề xuất số hóa"
                        + " thư viện các trường tiểu học vùng cao để học sinh đọc sách trên máy tính bảng.\n\nTạ Thị Xuân",
                "<first.xuan@example.vn>", "Mon, 23 Nov 2026 10:00:00 +0700"));
        String code = (String) decided("<first.xuan@example.vn>").get("case_code");
        MimeMessage receipt = answerTo("xuan.tt@example.vn", "<first.xuan@example.vn>");
        String receiptId = receipt.getMessageID();
        assertThat(receiptId).matches("<notification-[0-9a-f-]{36}@paknskgp\\.local>").doesNotContain("localhost");
        assertThat(receipt.getHeader("Reply-To", null)).isEqualTo(MAILBOX);

        send(withThreading(ClientMail.of(ClientMail.Client.IPHONE, "Tạ Thị Xuân", "xuan.tt@example.vn", MAILBOX,
                "Bổ sung địa chỉ", "Địa chỉ của tôi: 17 Phan Đình Phùng, phường Quán Thánh, quận Ba Đình, Hà Nội."
                        + " ĐT (+84) 983 222 111", "<7A1C2E3F-reply@icloud.com>", "Mon, 23 Nov 2026 11:00:00 +0700"),
                receiptId));
        assertThat(decided("<7A1C2E3F-reply@icloud.com>")).containsEntry("outcome", "SUPPLEMENT_ADDED")
                .containsEntry("case_code", code);
        assertThat(db.queryForObject("select count(*) from case_file where submitter_email_hash ="
                + " (select submitter_email_hash from case_file where code = ?)", Integer.class, code)).isOne();
        assertThat(answerTo("xuan.tt@example.vn", "<7A1C2E3F-reply@icloud.com>").getSubject()).contains(code);
    }

    /** The mail with In-Reply-To and References naming {@code messageId}, as a mail program threads a reply. */
    private static byte[] withThreading(byte[] raw, String messageId) {
        return ("In-Reply-To: " + messageId + "\r\nReferences: " + messageId + "\r\n"
                + new String(raw, java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Outlook's X-Auto-Response-Suppress: All on mail a person wrote is no sign of a robot: the mail opens its case.
     * A mail the hub did take for a robot's is opened as a case by an operator through the API, once.
     */
    @Test
    void outlooks_auto_response_suppress_alone_opens_a_case_and_an_operator_opens_one_taken_for_a_robots()
            throws Exception {
        String outlook = new String(ClientMail.of(ClientMail.Client.OUTLOOK, "Quách Văn Sơn", "son.qv@congty.example.vn",
                MAILBOX, "Kiến nghị hỗ trợ doanh nghiệp chuyển đổi số", "Kính gửi Bộ Khoa học và Công nghệ,\n\nCông ty"
                        + " chúng tôi kiến nghị Bộ hướng dẫn thủ tục nhận hỗ trợ chuyển đổi số cho doanh nghiệp nhỏ.\n\n"
                        + "Quách Văn Sơn\nĐịa chỉ: 3 Lê Thánh Tôn, phường Bến Nghé, quận 1, TP. Hồ Chí Minh\nĐT: (028) 3822 4455",
                "<ars.outlook@congty.example.vn>", "Tue, 24 Nov 2026 09:00:00 +0700"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("MIME-Version: 1.0\r\n", "X-Auto-Response-Suppress: All\r\nMIME-Version: 1.0\r\n");
        send(outlook.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(decided("<ars.outlook@congty.example.vn>")).containsEntry("outcome", "CASE_OPENED");
        answerTo("son.qv@congty.example.vn", "<ars.outlook@congty.example.vn>");

        String robotId = "<auto.open-as-case@coquan.example.vn>";
        send(new String(MailReaderTest.corpus("auto-reply.eml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<auto.20261122@coquan.example.vn>", robotId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(decided(robotId)).containsEntry("outcome", "NOT_ANSWERED");
        String id = db.queryForObject("select id::text from mail_message where message_id = ?", String.class, robotId);
        assertThat(api.postJson("/api/v1/mail/" + id + "/open-as-case", Map.of(), HubApi.bearer(Samples.BKHCN)).status())
                .isEqualTo(403);
        HubApi.Reply opened = api.postJson("/api/v1/mail/" + id + "/open-as-case", Map.of(), HubApi.bearer(Samples.VPTW));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().path("outcome").asText()).isEqualTo("CASE_OPENED");
        String code = opened.json().path("caseCode").asText();
        assertThat(db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.action = 'OPENED_FROM_SET_ASIDE_MAIL' and e.actor_id = 'VPTW'", Integer.class, code)).isOne();
        HubApi.Reply again = api.postJson("/api/v1/mail/" + id + "/open-as-case", Map.of(), HubApi.bearer(Samples.VPTW));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.rules()).contains("not-set-aside");
    }
}
