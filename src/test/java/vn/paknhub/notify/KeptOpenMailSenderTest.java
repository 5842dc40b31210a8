package vn.paknhub.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kept-open sender against a real SMTP server (GreenMail), reached through a TCP relay that counts
 * the connections made and can cut them, as a server timing out an idle session would.
 */
class KeptOpenMailSenderTest {

    private GreenMail server;
    private Relay relay;
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        relay = new Relay(port);
    }

    @AfterEach
    void stop() throws IOException {
        relay.close();
        server.stop();
    }

    private KeptOpenMailSender sender(int maxPerConnection) {
        return new KeptOpenMailSender(new NotificationSettings.Smtp("127.0.0.1", relay.port(), null, null, false, 20,
                maxPerConnection, 5), clock);
    }

    private static MimeMessage mail(KeptOpenMailSender sender, int n) throws MessagingException {
        MimeMessage m = new MimeMessage(sender.getSession());
        m.setFrom(new InternetAddress("no-reply@paknskgp.local"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("nguoi" + n + "@example.vn"));
        m.setSubject("Thông báo số " + n, "UTF-8");
        m.setText("Nội dung " + n, "UTF-8");
        return m;
    }

    private List<String> subjectsReceived() {
        return Arrays.stream(server.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
    }

    @Test
    void messages_from_one_thread_share_one_connection() throws Exception {
        try (KeptOpenMailSender sender = sender(100)) {
            for (int i = 0; i < 10; i++) {
                sender.send(mail(sender, i));
            }
        }
        assertThat(server.getReceivedMessages()).hasSize(10);
        assertThat(server.getReceivedMessages()[3].getRecipients(Message.RecipientType.TO)[0].toString())
                .isEqualTo("nguoi3@example.vn");
        assertThat(relay.accepted()).isEqualTo(1);
    }

    @Test
    void a_connection_the_server_dropped_is_replaced_and_the_message_sent_once() throws Exception {
        try (KeptOpenMailSender sender = sender(100)) {
            sender.send(mail(sender, 1));
            relay.cutAll();
            sender.send(mail(sender, 2));
            sender.send(mail(sender, 3));
        }
        assertThat(subjectsReceived()).containsExactly("Thông báo số 1", "Thông báo số 2", "Thông báo số 3");
        assertThat(relay.accepted()).isEqualTo(2);
    }

    @Test
    void an_idle_connection_is_not_reused_and_a_full_one_is_replaced() throws Exception {
        try (KeptOpenMailSender sender = sender(3)) {
            sender.send(mail(sender, 1));
            now.addAndGet(20_001);
            sender.send(mail(sender, 2));
            assertThat(relay.accepted()).as("after 20 s unused").isEqualTo(2);
            for (int i = 3; i <= 7; i++) {
                sender.send(mail(sender, i));
            }
        }
        // the second connection carried 2, 3, 4; the third 5, 6, 7
        assertThat(relay.accepted()).isEqualTo(3);
        assertThat(server.getReceivedMessages()).hasSize(7);
    }

    @Test
    void each_sending_thread_has_its_own_connection() throws Exception {
        try (KeptOpenMailSender sender = sender(100)) {
            Thread[] threads = new Thread[3];
            Set<Throwable> failures = ConcurrentHashMap.newKeySet();
            for (int t = 0; t < threads.length; t++) {
                int base = t * 10;
                threads[t] = new Thread(() -> {
                    try {
                        for (int i = 0; i < 5; i++) {
                            sender.send(mail(sender, base + i));
                        }
                    } catch (MessagingException e) {
                        failures.add(e);
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
        }
        assertThat(server.getReceivedMessages()).hasSize(15);
        assertThat(relay.accepted()).isEqualTo(3);
    }

    @Test
    void a_server_that_cannot_be_reached_is_an_error_for_the_caller_to_retry() throws Exception {
        try (KeptOpenMailSender sender = sender(100)) {
            // hanging up on every new connection, not closing the port: a freed port may be taken by
            // another test running at the same time, which would then answer in the server's place
            relay.hangUpOnNewConnections(true);
            assertThatThrownBy(() -> sender.send(mail(sender, 1))).isInstanceOf(MessagingException.class);
            assertThat(server.getReceivedMessages()).isEmpty();

            relay.hangUpOnNewConnections(false);
            sender.send(mail(sender, 1));
        }
        assertThat(subjectsReceived()).containsExactly("Thông báo số 1");
    }

    /** Forwards TCP connections to the mail server, counting them; can cut every open one. */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0);
        private final AtomicInteger accepted = new AtomicInteger();
        private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
        private volatile boolean hangingUp;

        Relay(int target) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        if (hangingUp) {
                            closeQuietly(client);
                            continue;
                        }
                        Socket upstream = new Socket("127.0.0.1", target);
                        accepted.incrementAndGet();
                        sockets.add(client);
                        sockets.add(upstream);
                        pump(client, upstream);
                        pump(upstream, client);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "smtp-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // one side closed: close both below
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        void hangUpOnNewConnections(boolean on) {
            hangingUp = on;
        }

        void cutAll() {
            sockets.forEach(Relay::closeQuietly);
            sockets.clear();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            cutAll();
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
