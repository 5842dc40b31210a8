package vn.paknhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.HubProcess;
import vn.paknhub.support.IsolatedHub;
import vn.paknhub.support.TestMailbox;

/**
 * A hub killed (SIGKILL) while it polls the mailbox: the next one loses no mail and makes no case
 * twice, whatever step each mail had reached (stored or not, decided or not, moved or not).
 */
@HubIntegrationTest
class MailCrashRecoveryTest {

    private static final int MAILS = 30;

    @Autowired
    ApplicationContext context;
    @Autowired
    Environment env;

    @Test
    void a_hub_killed_while_polling_leaves_every_mail_to_the_next_one_exactly_once() throws Exception {
        IsolatedHub isolated = new IsolatedHub(context);
        String mailbox = "crash-" + isolated.run + "@paknskgp.local";
        TestMailbox server = new TestMailbox(env);
        String[] config = isolated.with("hub.notify.smtp.host=localhost", "hub.notify.smtp.port=" + server.smtpPort(),
                "hub.mail.protocol=imap", "hub.mail.host=localhost", "hub.mail.port=" + server.imapPort(),
                "hub.mail.username=" + mailbox, "hub.mail.password=demo", "hub.mail.poll-delay-ms=200",
                "hub.mail.fetch-size=4", "hub.routing.enabled=false");
        for (int i = 0; i < MAILS; i++) {
            server.send(mail(mailbox, i), mailbox);
        }
        Path logs = Files.createDirectories(Path.of("target", "mail-crash-test"));
        JdbcTemplate db = isolated.database();

        HubProcess first = HubProcess.start(logs.resolve(isolated.run + "-first.log"), config);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> tableExists(db) && stored(db) >= 3);
        } finally {
            first.kill();
        }
        assertThat(stored(db)).as("killed mid-way").isLessThan(MAILS);

        try (HubProcess second = HubProcess.start(logs.resolve(isolated.run + "-second.log"), config)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> db.queryForObject(
                    "select count(*) from mail_message where status = 'PROCESSED'", Integer.class) == MAILS
                    && server.messageIds(mailbox, "INBOX").isEmpty());
            // a mail copied to Processed just before the kill may be copied again; none is missing
            await().atMost(Duration.ofSeconds(30)).until(() -> server.messageIds(mailbox, "Processed").size() == MAILS);
        }
        assertThat(stored(db)).isEqualTo(MAILS);
        assertThat(db.queryForObject("select count(distinct case_code) from mail_message where outcome = 'CASE_OPENED'",
                Integer.class)).isEqualTo(MAILS);
        assertThat(db.queryForObject("select count(*) from case_file", Integer.class)).isEqualTo(MAILS);
    }

    private static boolean tableExists(JdbcTemplate db) {
        return db.queryForObject("select to_regclass('mail_message') is not null", Boolean.class);
    }

    private static int stored(JdbcTemplate db) {
        return db.queryForObject("select count(*) from mail_message", Integer.class);
    }

    private static byte[] mail(String mailbox, int i) {
        return ("From: Người Gửi " + i + " <sender" + i + "@example.vn>\r\nTo: " + mailbox
                + "\r\nSubject: =?UTF-8?Q?=C4=90=E1=BB=81_xu=E1=BA=A5t_s=E1=BB=91_" + i + "?=\r\nMessage-ID: <crash-" + i
                + "@example.vn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nTôi đề xuất số " + i + ": mở dữ liệu khoa học công nghệ cho"
                + " doanh nghiệp khởi nghiệp sáng tạo.\r\nĐịa chỉ: " + i + " Tràng Tiền, phường Tràng Tiền, quận Hoàn Kiếm,"
                + " Hà Nội\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
