package vn.paknhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
        TestMailbox server = new TestMailbox(env);
        IsolatedMailbox box = new IsolatedMailbox(isolated, server, "crash");
        String mailbox = box.address;
        String[] config = box.config("hub.mail.poll-delay-ms=200", "hub.mail.fetch-size=4");
        for (int i = 0; i < MAILS; i++) {
            box.send("crash", i);
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
}
