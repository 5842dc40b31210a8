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
 * Two hub processes on the same mailbox and database, both polling: they take turns (a PostgreSQL
 * advisory lock), and every mail is stored once, decided once, opens one case and leaves the inbox
 * for the Processed folder. Without the turns, 2 of 40 mails were lost here.
 */
@HubIntegrationTest
class MailTwoNodesTest {

    private static final int MAILS = 40;

    @Autowired
    ApplicationContext context;
    @Autowired
    Environment env;

    @Test
    void two_nodes_polling_one_mailbox_make_one_case_per_mail() throws Exception {
        IsolatedHub isolated = new IsolatedHub(context);
        TestMailbox server = new TestMailbox(env);
        IsolatedMailbox box = new IsolatedMailbox(isolated, server, "two");
        String mailbox = box.address;
        String[] config = box.config("hub.mail.poll-delay-ms=100", "hub.mail.fetch-size=5", "hub.paper.enabled=false");
        Path logs = Files.createDirectories(Path.of("target", "mail-two-nodes-test"));
        JdbcTemplate db = isolated.database();

        try (HubProcess first = HubProcess.start(logs.resolve(isolated.run + "-first.log"), config);
                HubProcess second = HubProcess.start(logs.resolve(isolated.run + "-second.log"), config)) {
            for (int i = 0; i < MAILS; i++) {
                box.send("two-nodes", i);
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> db.queryForObject(
                    "select count(*) from mail_message where status = 'PROCESSED'", Integer.class) == MAILS
                    && server.messageIds(mailbox, "INBOX").isEmpty());
            await().atMost(Duration.ofSeconds(30)).until(() -> server.messageIds(mailbox, "Processed").size() == MAILS);
            assertThat(first.port()).isNotEqualTo(second.port());
        }
        assertThat(db.queryForObject("select count(*) from mail_message", Integer.class)).isEqualTo(MAILS);
        assertThat(db.queryForObject("select count(distinct case_code) from mail_message where outcome = 'CASE_OPENED'",
                Integer.class)).isEqualTo(MAILS);
        assertThat(db.queryForObject("select count(*) from case_file", Integer.class)).isEqualTo(MAILS);
    }
}
