package vn.paknhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;
import vn.paknhub.support.TestMailbox;

/**
 * The operators' mail list (issue 25): filtered by outcome, sender, words of the subject and status, and
 * paged past any number of mails by a cursor in the Link header, without repeating or skipping one.
 */
@HubIntegrationTest
class MailListTest {

    private static final String MAILBOX = "pakn@paknskgp.local";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Environment env;
    @Autowired
    MailInbox inbox;

    @Test
    void mails_are_found_by_outcome_sender_and_subject_words_and_paged_to_the_end() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String sender = "loc.tv." + tag + "@example.vn";
        List<byte[]> mails = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mails.add(ClientMail.of(ClientMail.Client.values()[i % 4], "Trịnh Văn Lộc", sender, MAILBOX,
                    (i % 2 == 0 ? "Đề xuất số hóa hồ sơ địa chính lần " : "Kiến nghị mở dữ liệu quan trắc lần ") + i,
                    "Kính gửi Bộ Khoa học và Công nghệ,\n\nTôi đề xuất nội dung số " + i + " về chuyển đổi số ở địa phương.\n\n"
                            + "Trịnh Văn Lộc\nĐịa chỉ: 9 Hùng Vương, phường Điện Biên, quận Ba Đình, Hà Nội\nĐT: 0912 888 00" + i,
                    "<list-" + tag + "-" + i + "@example.vn>", "Tue, 24 Nov 2026 10:0" + i + ":00 +0700"));
        }
        mails.add(ClientMail.of(ClientMail.Client.GMAIL, "Người Khác", "khac." + tag + "@example.vn", MAILBOX,
                "Đề xuất số hóa hồ sơ địa chính của người khác", "Tôi đề xuất số hoá hồ sơ địa chính.\nĐịa chỉ: 1 Lê Lợi,"
                        + " phường Bến Nghé, quận 1, TP. Hồ Chí Minh", "<list-" + tag + "-other@example.vn>",
                "Tue, 24 Nov 2026 10:10:00 +0700"));
        new TestMailbox(env).deliverTogether(MAILBOX, mails);
        await().atMost(Duration.ofSeconds(60)).until(() -> db.queryForObject("select count(*) from mail_message"
                + " where message_id like ? and status = 'PROCESSED'", Integer.class, "<list-" + tag + "-%") == 8);

        HubApi api = new HubApi(port);
        // every mail of this sender that opened a case, two a page, followed to the last page
        List<String> seen = new ArrayList<>();
        String next = "/api/v1/mail?outcome=CASE_OPENED&limit=2&sender=" + URLEncoder.encode(sender.toUpperCase(),
                StandardCharsets.UTF_8);
        int pages = 0;
        while (next != null) {
            HubApi.Reply page = api.get(next, HubApi.bearer(Samples.VPTW));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().size()).isLessThanOrEqualTo(2);
            for (JsonNode m : page.json()) {
                seen.add(m.path("messageId").asText());
                assertThat(m.path("subject").asText()).contains("lần");
            }
            pages++;
            next = page.raw().headers().firstValue("Link").map(link -> {
                Matcher m = NEXT.matcher(link);
                assertThat(m.find()).isTrue();
                return m.group(1).replaceFirst("^https?://[^/]+", "");
            }).orElse(null);
        }
        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().allMatch(id -> id.startsWith("<list-" + tag + "-"))
                .doesNotContain("<list-" + tag + "-other@example.vn>");
        // newest first
        assertThat(seen.get(0)).isEqualTo(db.queryForObject("select message_id from mail_message where message_id like ?"
                + " and message_id <> ? order by received_at desc, id desc limit 1", String.class,
                "<list-" + tag + "-%", "<list-" + tag + "-other@example.vn>"));

        // words of the subject, without diacritics or in capitals, across senders
        HubApi.Reply bySubject = api.get("/api/v1/mail?status=ANY&limit=500&subject="
                + URLEncoder.encode("SO HOA HO SO DIA CHINH", StandardCharsets.UTF_8), HubApi.bearer(Samples.VPTW));
        List<String> subjectIds = new ArrayList<>();
        bySubject.json().forEach(m -> subjectIds.add(m.path("messageId").asText()));
        assertThat(subjectIds.stream().filter(id -> id.startsWith("<list-" + tag + "-"))).containsExactlyInAnyOrder(
                "<list-" + tag + "-0@example.vn>", "<list-" + tag + "-2@example.vn>", "<list-" + tag + "-4@example.vn>",
                "<list-" + tag + "-6@example.vn>", "<list-" + tag + "-other@example.vn>");
        assertThat(api.get("/api/v1/mail?status=ANY&subject=" + URLEncoder.encode("100%_", StandardCharsets.UTF_8),
                HubApi.bearer(Samples.VPTW)).json()).isEmpty();

        // no filter: the quarantine, as before; wrong filters are named
        HubApi.Reply quarantine = api.get("/api/v1/mail", HubApi.bearer(Samples.VPTW));
        quarantine.json().forEach(m -> assertThat(m.path("status").asText()).isEqualTo("QUARANTINED"));
        assertThat(api.get("/api/v1/mail?outcome=LOST", HubApi.bearer(Samples.VPTW)).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/mail?status=LOST", HubApi.bearer(Samples.VPTW)).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/mail?limit=501", HubApi.bearer(Samples.VPTW)).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/mail?cursor=garbage", HubApi.bearer(Samples.VPTW)).rules()).contains("cursor");
        assertThat(api.get("/api/v1/mail?outcome=CASE_OPENED", HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);
    }

    /** Mails stored before subjects were kept get theirs from their stored bytes. */
    @Test
    void subjects_of_mails_stored_before_are_filled_in_from_their_bytes() throws Exception {
        String id = "<fill-" + System.nanoTime() + "@example.vn>";
        new TestMailbox(env).send(ClientMail.of(ClientMail.Client.THUNDERBIRD, "Mạc Thị Uyên", "uyen.mt@example.vn", MAILBOX,
                "Góp ý về cổng dịch vụ công", "Tôi góp ý cổng dịch vụ công cần thêm hướng dẫn bằng video.",
                id, "Tue, 24 Nov 2026 10:00:00 +0700"), MAILBOX);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject("select count(*) from mail_message"
                + " where message_id = ? and status <> 'RECEIVED'", Integer.class, id) == 1);
        db.update("update mail_message set subject = null, subject_folded = null where message_id = ?", id);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            inbox.fillMissingSubjects(1000);
            return "Góp ý về cổng dịch vụ công".equals(db.queryForObject("select subject from mail_message"
                    + " where message_id = ?", String.class, id));
        });
        assertThat(db.queryForObject("select subject_folded from mail_message where message_id = ?", String.class, id))
                .isEqualTo("gop y ve cong dich vu cong");
    }
}
