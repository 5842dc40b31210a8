package vn.paknhub.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.paknhub.PaknHubApplication;

/**
 * The hub in a separate JVM, so that a test can kill it for real (SIGKILL: no shutdown hook, no
 * graceful stop) and start another one on the same database and broker.
 */
public final class HubProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private HubProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a hub. The free port chosen here can be taken by the child before its web server binds
     * it (its embedded mail server picks ports of its own): then the start is tried again on another.
     */
    public static HubProcess start(Path log, String... properties) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(log, properties);
            } catch (IllegalStateException e) {
                if (attempt == 3 || !portTaken(log)) {
                    throw e;
                }
            }
        }
    }

    private static boolean portTaken(Path log) {
        try {
            return java.nio.file.Files.readString(log).contains("was already in use");
        } catch (IOException e) {
            return false;
        }
    }

    private static HubProcess startOnce(Path log, String... properties) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                // a test hub lives for seconds: the quick compiler only (as spring-boot:run) starts it sooner
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), PaknHubApplication.class.getName(),
                "--server.port=" + port));
        for (String p : properties) {
            command.add("--" + p);
        }
        if (java.util.Arrays.stream(properties).noneMatch(p -> p.startsWith("hub.limits."))) {
            // these tests send from one address far faster than a person: the limits have their own test
            command.add("--hub.limits.enabled=false");
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            HubProcess hub = new HubProcess(process, port);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("hub exited during start-up, see " + log);
                        }
                        return hub.healthy();
                    });
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Kills the JVM without letting it run anything (kill -9). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private boolean healthy() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
