package vn.paknhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;
import vn.paknhub.support.TestMailbox;

/**
 * One mail nobody can read never blocks the mailbox (issue 25). The poison here is what an iPhone sent
 * to "undisclosed-recipients:;" (the group makes the IMAP envelope unparseable to the mail library) with
 * its body cut before the first MIME part (unreadable as MIME): it is stored from the server's bytes,
 * counted, quarantined after its attempts with its bytes for operators, in one log line per attempt and
 * without a stack trace, while the hundred good mails around it are all decided.
 */
@HubIntegrationTest
class MailPoisonTest {

    private static final String MAILBOX = "pakn@paknskgp.local";
    private static final String POISON_ID = "<8E1B7D4C-3F2A-4C9B-A6E1-0D5F7B2C9E13@gmail.com>";
    private static final int GOOD = 100;

    private static final String[] TOPICS = {
        "Đề xuất số hóa hồ sơ khoa học cấp huyện|Tôi đề xuất số hóa toàn bộ hồ sơ đề tài khoa học cấp huyện để người dân tra cứu trực tuyến.",
        "Kiến nghị mở dữ liệu thời tiết cho nông dân|Tôi kiến nghị mở dữ liệu quan trắc thời tiết miễn phí cho hợp tác xã nông nghiệp.",
        "Góp ý về quỹ hỗ trợ khởi nghiệp sáng tạo|Tôi góp ý nên đơn giản hóa hồ sơ xin tài trợ của quỹ hỗ trợ khởi nghiệp đổi mới sáng tạo.",
        "Đề xuất phòng thí nghiệm dùng chung|Tôi đề xuất xây dựng phòng thí nghiệm dùng chung cho doanh nghiệp nhỏ tại khu công nghệ cao.",
        "Kiến nghị về chữ ký số cho hộ kinh doanh|Tôi kiến nghị cấp chữ ký số miễn phí cho hộ kinh doanh cá thể khi khai thuế điện tử.",
        "Sáng kiến bản đồ số di tích lịch sử|Tôi đề xuất sáng kiến số hóa bản đồ di tích lịch sử của tỉnh để học sinh tra cứu.",
        "Đề xuất đào tạo kỹ năng số cho cán bộ xã|Tôi đề xuất mở lớp đào tạo kỹ năng số cho cán bộ xã vùng sâu vùng xa."};
    private static final String[] PEOPLE = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung", "Hoàng Minh Đức",
        "Vũ Thị Hạnh", "Đặng Quốc Khánh", "Bùi Thị Lan", "Đỗ Văn Mạnh", "Ngô Thị Ngọc"};
    private static final String[] PLACES = {"12 Lý Thường Kiệt, phường Hàng Bài, quận Hoàn Kiếm, Hà Nội",
        "45 Lê Lợi, phường Bến Nghé, quận 1, TP. Hồ Chí Minh", "8 Trần Phú, phường Hải Châu 1, quận Hải Châu, Đà Nẵng",
        "Thôn 3, xã Đạ Sar, huyện Lạc Dương, tỉnh Lâm Đồng", "21 Nguyễn Huệ, phường Vĩnh Ninh, thành phố Huế"};

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

    @Test
    void one_unreadable_mail_among_a_hundred_is_quarantined_with_its_bytes_in_one_line_per_attempt() throws Exception {
        byte[] poison = MailReaderTest.corpus("poison-undisclosed-truncated.eml");
        List<byte[]> arriving = new ArrayList<>();
        for (int i = 0; i < GOOD; i++) {
            if (i == GOOD / 2) {
                arriving.add(poison);
            }
            arriving.add(good("poison-test-", i));
        }
        ListAppender<ILoggingEvent> logs = capture();
        try {
            new TestMailbox(env).deliverTogether(MAILBOX, arriving);

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> decidedGood() == GOOD
                    && "QUARANTINED".equals(status(POISON_ID)));
            assertThat(db.queryForObject("select count(*) from mail_message where message_id like '<poison-test-%'"
                    + " and outcome in ('CASE_OPENED', 'SUPPLEMENT_ADDED')", Integer.class)).isEqualTo(GOOD);
            Map<String, Object> bad = db.queryForMap("select id::text as id, attempts, last_error, case_code from mail_message"
                    + " where message_id = ?", POISON_ID);
            assertThat(bad).containsEntry("attempts", settings.maxAttempts()).containsEntry("case_code", null);
            assertThat((String) bad.get("last_error")).contains("cannot be read as MIME").contains("Missing start boundary");
            await().atMost(Duration.ofSeconds(30)).until(() -> !new TestMailbox(env).messageIds(MAILBOX, "INBOX")
                    .contains(POISON_ID));

            // the operator sees it, and reads it as it came: the server's bytes, not the envelope
            HubApi api = new HubApi(port);
            HubApi.Reply listed = api.get("/api/v1/mail?status=QUARANTINED", HubApi.bearer(Samples.VPTW));
            assertThat(listed.status()).isEqualTo(200);
            boolean found = false;
            for (JsonNode m : listed.json()) {
                found |= bad.get("id").equals(m.path("id").asText());
            }
            assertThat(found).as("listed in the quarantine").isTrue();
            byte[] raw = api.getBytes("/api/v1/mail/" + bad.get("id") + "/raw", HubApi.bearer(Samples.VPTW)).body();
            assertThat(raw).isEqualTo(poison);

            // one line per attempt, each without a stack trace, and no stack trace from the mail channel at all
            String id = (String) bad.get("id");
            List<ILoggingEvent> aboutPoison = logs.list.stream().filter(e -> e.getFormattedMessage().contains(id)
                    || e.getFormattedMessage().contains(POISON_ID)).toList();
            assertThat(aboutPoison).hasSize(settings.maxAttempts());
            assertThat(aboutPoison).allMatch(e -> e.getThrowableProxy() == null);
            assertThat(aboutPoison.get(aboutPoison.size() - 1).getLevel()).isEqualTo(Level.ERROR);
            assertThat(logs.list.stream().filter(e -> e.getThrowableProxy() != null && e.getLevel().isGreaterOrEqual(Level.WARN)
                    && (e.getLoggerName().startsWith("vn.paknhub.mail") || e.getLoggerName().startsWith("org.apache.camel")))
                    .map(ILoggingEvent::getFormattedMessage).toList()).isEmpty();
        } finally {
            release(logs);
        }
    }

    /**
     * A mail the server will not give whole (FETCH answered NO) is counted by its place in the mailbox and not
     * fetched again before its back-off; after its last attempt its header lines are kept in quarantine and
     * the mail goes to the failed folder, the other mail of the poll being stored and moved as usual.
     */
    @Test
    void a_mail_the_server_will_not_give_is_counted_and_goes_to_the_failed_folder_after_its_last_attempt() throws Exception {
        String refusedId = "<fetch-refused.20261124@example.vn>";
        MimeMessage refused = new MimeMessage(null, new ByteArrayInputStream(ClientMail.of(ClientMail.Client.OUTLOOK,
                "Lương Văn Tâm", "tam.lv@example.vn", MAILBOX, "Đề xuất về dữ liệu mở", "Tôi đề xuất mở dữ liệu.",
                refusedId, "Tue, 24 Nov 2026 09:12:44 +0700"))) {
            @Override
            public void writeTo(OutputStream os) throws MessagingException {
                throw new MessagingException("A7 NO [UNAVAILABLE] FETCH Message cannot be retrieved at this time");
            }
        };
        MimeMessage fine = new MimeMessage(null, new ByteArrayInputStream(good("fetch-test-", 1)));
        MailPoll poll = new MailPoll(intake, 2, false);
        ListAppender<ILoggingEvent> logs = capture();
        try {
            List<Map<String, List<jakarta.mail.Message>>> polls = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                poll.receive(refused, 0);
                poll.receive(fine, 1);
                Map<String, List<jakarta.mail.Message>> moved = poll.awaitDecisions();
                polls.add(moved);
                return moved.containsKey(settings.failedFolder());
            });
            assertThat(polls.get(0)).containsOnlyKeys(settings.processedFolder());
            assertThat(polls.get(polls.size() - 1).get(settings.failedFolder())).containsExactly(refused);
            Map<String, Object> kept = db.queryForMap("select status, attempts, last_error, dedupe_key from mail_message"
                    + " where message_id = ?", refusedId);
            assertThat(kept).containsEntry("status", "QUARANTINED").containsEntry("attempts", settings.maxAttempts())
                    .containsEntry("dedupe_key", "mailbox:id:" + refusedId);
            assertThat((String) kept.get("last_error")).contains("Message cannot be retrieved");
            assertThat(db.queryForObject("select count(*) from mail_fetch_failure where mailbox_key = ?", Integer.class,
                    "id:" + refusedId)).isZero();
            List<ILoggingEvent> lines = logs.list.stream().filter(e -> e.getFormattedMessage().contains(refusedId)).toList();
            assertThat(lines).hasSize(settings.maxAttempts()).allMatch(e -> e.getThrowableProxy() == null);
            // fetched only when its back-off was over: the polls in between left it alone, silently
            assertThat(polls.size()).isGreaterThanOrEqualTo(settings.maxAttempts());
        } finally {
            release(logs);
            poll.destroy();
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        return logs;
    }

    private static void release(ListAppender<ILoggingEvent> logs) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private int decidedGood() {
        return db.queryForObject("select count(*) from mail_message where message_id like '<poison-test-%'"
                + " and status = 'PROCESSED'", Integer.class);
    }

    private String status(String messageId) {
        return db.queryForList("select status from mail_message where message_id = ?", String.class, messageId).stream()
                .findFirst().orElse(null);
    }

    /** Good mail number {@code i}: its own sender, in turn from each of the usual mail programs. */
    private static byte[] good(String tag, int i) {
        String[] topic = TOPICS[i % TOPICS.length].split("\\|");
        String name = PEOPLE[i % PEOPLE.length];
        String body = "Kính gửi Bộ Khoa học và Công nghệ,\n\n" + topic[1] + " Đây là thư số " + i + ".\n\nTrân trọng,\n" + name
                + "\nĐịa chỉ: " + PLACES[i % PLACES.length] + "\nĐiện thoại: 09" + String.format("%08d", 12_345_000 + i);
        return ClientMail.of(ClientMail.Client.values()[i % 4], name, tag + i + "@example.vn", MAILBOX,
                topic[0] + " (" + i + ")", body, "<" + tag + i + "@example.vn>", "Tue, 24 Nov 2026 08:"
                        + String.format("%02d", i % 60) + ":00 +0700");
    }
}
