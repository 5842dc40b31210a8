package vn.paknhub.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import vn.paknhub.devstack.StandaloneServers;

/**
 * A Kafka broker in a JVM of its own on a chosen port, so that a test can give a running hub its bus
 * late (the hub was started pointing at the port before anything listened there) and take it away
 * again with SIGKILL.
 */
public final class KafkaProcess implements AutoCloseable {

    private final Process process;

    private KafkaProcess(Process process) {
        this.process = process;
    }

    public static KafkaProcess start(int port, Path logDirectory, Path log) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                StandaloneServers.class.getName(), "kafka", Integer.toString(port), logDirectory.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the broker exited during start-up, see " + log);
                }
                return Files.readString(log).contains("Kafka at ");
            });
            return new KafkaProcess(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the broker's JVM (kill -9). */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
