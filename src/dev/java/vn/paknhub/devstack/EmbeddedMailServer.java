package vn.paknhub.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A real SMTP and IMAP server (GreenMail) for the development stack: the notifications the hub sends
 * land in it, and the mailbox the email channel reads lives in it. Mail is kept in memory only.
 */
public final class EmbeddedMailServer {

    private static GreenMail server;

    private EmbeddedMailServer() {
    }

    /** Starts the server once per JVM; returns its SMTP and IMAP ports. */
    static synchronized int[] ports() {
        if (server == null) {
            GreenMail started = new GreenMail(new ServerSetup[] {
                    new ServerSetup(EmbeddedKafkaServer.freePort(), "localhost", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(EmbeddedKafkaServer.freePort(), "localhost", ServerSetup.PROTOCOL_IMAP)})
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            started.start();
            server = started;
        }
        return new int[] {server.getSmtp().getPort(), server.getImap().getPort()};
    }

    /** Every message the embedded server received since it started (the development stack's outbox view). */
    public static synchronized List<MimeMessage> received() {
        return server == null ? List.of() : List.of(server.getReceivedMessages());
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
