package vn.paknhub.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.mail.DefaultJavaMailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the hub's mail over SMTP connections it keeps open, one per sending thread. Camel's own sender
 * connects, greets, logs in (and with SMTPS negotiates TLS) for every message and hangs up after it:
 * most of the cost of a notification, on both ends. A connection is reused while it was used in the
 * last {@code keepOpenSeconds} and has carried fewer than {@code maxPerConnection} messages (servers close
 * idle sessions and some cap the messages per session); otherwise, or when a message fails on a reused
 * connection (the server may have dropped it), a new one is opened and the message sent once more on it.
 * A reused connection is not pinged first: that would cost the round trip the reuse saves.
 */
public final class KeptOpenMailSender extends DefaultJavaMailSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeptOpenMailSender.class);

    private final long idleMillis;
    private final int maxPerConnection;
    private final Clock clock;
    private final ThreadLocal<Connection> ofThread = new ThreadLocal<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    private static final class Connection {
        final Transport transport;
        long lastUsed;
        int sent;

        Connection(Transport transport, long now) {
            this.transport = transport;
            this.lastUsed = now;
        }
    }

    public KeptOpenMailSender(NotificationSettings.Smtp smtp, Clock clock) {
        this(smtp, null, clock);
    }

    /**
     * {@code from} (or null) also names the domain of the Message-IDs the mail library makes for a message that
     * brings none of its own (instead of the host's name, "localhost" in a container).
     */
    public KeptOpenMailSender(NotificationSettings.Smtp smtp, String from, Clock clock) {
        this.idleMillis = smtp.keepOpenSeconds() * 1000L;
        this.maxPerConnection = smtp.maxPerConnection();
        this.clock = clock;
        String protocol = smtp.ssl() ? "smtps" : "smtp";
        setProtocol(protocol);
        setHost(smtp.host());
        setPort(smtp.port());
        boolean auth = smtp.username() != null && !smtp.username().isBlank();
        if (auth) {
            setUsername(smtp.username());
            setPassword(smtp.password() == null ? "" : smtp.password());
        }
        String timeoutMillis = String.valueOf(smtp.timeoutSeconds() * 1000L);
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".auth", String.valueOf(auth));
        props.put("mail." + protocol + ".connectiontimeout", timeoutMillis);
        props.put("mail." + protocol + ".timeout", timeoutMillis);
        props.put("mail." + protocol + ".writetimeout", timeoutMillis);
        if (from != null && !from.isBlank()) {
            props.put("mail.from", from);
        }
        setJavaMailProperties(props);
        setSession(Session.getInstance(props));
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date(now()));
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            // saveChanges makes a new Message-ID; a caller's own is kept
            message.setHeader("Message-ID", messageId);
        }
        Connection c = usable();
        boolean reused = c.sent > 0;
        try {
            sendOn(c, message);
        } catch (MessagingException e) {
            discard(c);
            if (!reused) {
                throw e;
            }
            LOG.debug("Mail failed on a kept SMTP connection ({}); sent again on a new one", e.getMessage());
            sendOn(usable(), message);
        }
    }

    private void sendOn(Connection c, MimeMessage message) throws MessagingException {
        c.transport.sendMessage(message, message.getAllRecipients());
        c.sent++;
        c.lastUsed = now();
    }

    private Connection usable() throws MessagingException {
        Connection c = ofThread.get();
        long now = now();
        if (c != null && (now - c.lastUsed > idleMillis || c.sent >= maxPerConnection)) {
            discard(c);
            c = null;
        }
        if (c == null) {
            Transport transport = getTransport(getSession());
            transport.connect(getHost(), getPort(), getUsername(), getPassword());
            c = new Connection(transport, now);
            ofThread.set(c);
            open.add(c);
        }
        return c;
    }

    /** Not clock.millis(): Java 17's tick clock finer than a millisecond (the hub's) divides by zero there. */
    private long now() {
        return clock.instant().toEpochMilli();
    }

    private void discard(Connection c) {
        ofThread.remove();
        open.remove(c);
        closeQuietly(c);
    }

    /** Says goodbye on every connection still open (at shutdown). */
    @Override
    public void close() {
        open.forEach(KeptOpenMailSender::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.transport.close();
        } catch (MessagingException e) {
            LOG.debug("Closing an SMTP connection: {}", e.getMessage());
        }
    }
}
