package vn.paknhub.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published mailbox, read by one route: each mail is fetched whole, stored, processed, and only
 * then moved (to the processed folder, or to the failed folder when quarantined at once), by
 * {@link MailPoll} at the end of the poll. Until then it stays in the mailbox, so a node that dies
 * mid-way leaves it for the next poll. A stored mail whose reading failed is read again by a second
 * route from the work queue, from its stored copy.
 */
@Configuration
class MailConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MailConfiguration.class);

    /**
     * No header of a mail reaches the route as a Camel header (CVE-2026-33454), nor can a mail choose
     * where it is moved, copied or whether it is deleted: the route reads the mail from its bytes only.
     */
    @Bean
    DefaultHeaderFilterStrategy mailInFilter() {
        DefaultHeaderFilterStrategy filter = new DefaultHeaderFilterStrategy();
        filter.setLowerCase(true);
        filter.setInFilterStartsWith("camel", "org.apache.camel");
        filter.getInFilter().add("moveto");
        filter.getInFilter().add("copyto");
        filter.getInFilter().add("delete");
        return filter;
    }

    @Bean
    OneMailboxReader oneMailboxReader(javax.sql.DataSource database, MailPoll poll) {
        return new OneMailboxReader(database, poll);
    }

    @Bean
    MailPoll mailPoll(MailIntake intake, MailSettings settings) {
        return new MailPoll(intake, settings.workers(), settings.protocol().startsWith("pop3"));
    }

    @Bean
    RouteBuilder mailRoutes(MailSettings settings, MailPoll poll) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // switched off, or no mailbox named (and no embedded one): no route, nothing polled
                if (!settings.enabled()) {
                    LOG.info("Email channel off (HUB_MAIL_ENABLED=false)");
                    return;
                }
                if (settings.host() == null || settings.host().isBlank()) {
                    LOG.warn("Email channel off: no mailbox named (HUB_MAIL_HOST)");
                    return;
                }
                from(mailboxUri(settings))
                        .routeId("mail-intake")
                        .process(e -> {
                            // no header of the mail becomes a Camel header, not even lazily: Camel maps them from the
                            // IMAP envelope, which a mail the mail library cannot parse (an "undisclosed-recipients:;"
                            // group) makes fail when the consumer reads its moveTo/copyTo/delete headers at commit
                            e.getIn().setHeaders(new java.util.HashMap<>());
                            poll.receive(e.getIn().getBody(jakarta.mail.Message.class),
                                    e.getProperty(ExchangePropertyKey.BATCH_INDEX, 0, Integer.class));
                        });
                from("timer:mail-retry?delay=" + settings.pollDelayMs() + "&period=" + settings.pollDelayMs())
                        .routeId("mail-retry")
                        .bean(MailIntake.class, "retryDue");
            }
        };
    }

    private static String mailboxUri(MailSettings s) {
        return s.protocol() + "://" + s.host() + ":" + s.port()
                + "?username=RAW(" + s.username() + ")&password=RAW(" + (s.password() == null ? "" : s.password()) + ")"
                + "&folderName=" + URLEncoder.encode(s.folder(), StandardCharsets.UTF_8)
                // the raw message, not Camel's mapping of it: stored byte for byte before anything else;
                // every mail still in the folder, read or not: one a person opened in a mail client, or one
                // flagged seen by a node killed before it could move it, is not left behind
                + "&mapMailMessage=false&unseen=false&peek=true"
                // handled mails are moved (POP3: deleted) by MailPoll, all at once, after the poll
                + "&postProcessAction=#mailPoll&headerFilterStrategy=#mailInFilter"
                // a poll that found mail is followed at once by the next (a backlog drains at full speed); an
                // empty mailbox is looked at every pollDelayMs
                + "&fetchSize=" + s.fetchSize() + "&delay=" + s.pollDelayMs() + "&greedy=true"
                + "&connectionTimeout=30000&pollStrategy=#oneMailboxReader";
    }
}
