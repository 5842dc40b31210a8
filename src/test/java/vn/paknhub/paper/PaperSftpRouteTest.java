package vn.paknhub.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans fetched from a scanning station's SFTP server (a real one: Apache MINA SSHD) into the
 * channel's inbox: whole, sidecar first, deleted on the server only once in the inbox, and never
 * from a server whose host key is not the one the operator registered.
 */
class PaperSftpRouteTest {

    private static final Path SCANS = Path.of("src/test/resources/scans");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private SshServer server;
    private Path station;
    private Path inbox;
    private final AtomicInteger refusedBeforeLogin = new AtomicInteger();
    private DefaultCamelContext camel;

    @BeforeEach
    void startServer() throws IOException {
        station = Files.createDirectories(dir.resolve("station/scans"));
        inbox = dir.resolve("inbox");
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("host-key")));
        server.setPasswordAuthenticator((user, password, session) -> user.equals("scanner") && password.equals("mật-khẩu"));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(dir.resolve("station")));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionClosed(Session session) {
                if (!session.isAuthenticated()) {
                    refusedBeforeLogin.incrementAndGet();
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (camel != null) {
            camel.stop();
        }
        server.stop(true);
    }

    private void fetchWith(PublicKey trusted) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(trusted) + "\n");
        PaperSettings settings = OcrSettings.with("tesseract", 5, inbox.toString(), new PaperSettings.Sftp(true,
                "sftp://scanner@127.0.0.1:" + server.getPort() + "/scans", "mật-khẩu", null, knownHosts.toString()));
        camel = new DefaultCamelContext();
        camel.addRoutes(new PaperSftpRoute(settings));
        camel.start();
    }

    private PublicKey serverKey() throws Exception {
        return server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    }

    @Test
    void a_scan_and_its_sidecar_arrive_whole_in_the_inbox_and_leave_the_server() throws Exception {
        byte[] scan = Files.readAllBytes(SCANS.resolve("letter3_300dpi_2pages.tif"));
        String sidecar = "{\"registerNumber\": \"0977/VPTW\", \"receivedOn\": \"2026-11-20\"}";
        Files.writeString(station.resolve("thu-0977.json"), sidecar);
        Files.write(station.resolve("thu-0977.tif"), scan);
        Files.writeString(station.resolve("ghi-chu.txt"), "not a scan: stays on the server");

        fetchWith(serverKey());

        await().atMost(PATIENCE).until(() -> !Files.exists(station.resolve("thu-0977.tif"))
                && !Files.exists(station.resolve("thu-0977.json")));
        assertThat(inbox.resolve("thu-0977.tif")).hasBinaryContent(scan);
        assertThat(inbox.resolve("thu-0977.json")).hasContent(sidecar);
        try (var files = Files.list(inbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary .part file left")
                    .containsExactlyInAnyOrder("thu-0977.tif", "thu-0977.json");
        }
        assertThat(station.resolve("ghi-chu.txt")).exists();
    }

    @Test
    void sidecars_are_fetched_before_scans() {
        List<String> order = List.of("b.png", "b.json", "a.pdf", "a.XML").stream()
                .map(name -> {
                    org.apache.camel.component.file.GenericFile<Object> f = new org.apache.camel.component.file.GenericFile<>();
                    f.setFileName(name);
                    return f;
                })
                .sorted(PaperSftpRoute.sidecarsFirst())
                .map(org.apache.camel.component.file.GenericFile::getFileName).toList();
        assertThat(order).containsExactly("a.XML", "b.json", "a.pdf", "b.png");
    }

    @Test
    void a_server_whose_host_key_is_not_the_registered_one_is_refused_and_nothing_is_taken() throws Exception {
        Files.write(station.resolve("thu-1.png"), Files.readAllBytes(SCANS.resolve("letter1_300dpi_clean.png")));
        PublicKey another = new SimpleGeneratorHostKeyProvider(dir.resolve("another-key")).loadKeys(null).iterator().next()
                .getPublic();

        fetchWith(another);

        await().atMost(PATIENCE).until(() -> refusedBeforeLogin.get() >= 2);
        assertThat(station.resolve("thu-1.png")).exists();
        assertThat(inbox.resolve("thu-1.png")).doesNotExist();
    }
}
