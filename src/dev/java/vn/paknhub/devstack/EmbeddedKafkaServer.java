package vn.paknhub.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.springframework.util.FileSystemUtils;

/**
 * A real Kafka broker in this JVM: one KRaft node acting as broker and controller, its log in a
 * directory of ours, so the development bus keeps its topics and offsets across restarts just as
 * the development database keeps its cases. Started once per JVM.
 */
final class EmbeddedKafkaServer {

    private static KafkaRaftServer server;
    private static String bootstrap;
    private static Path throwAwayLogDir;

    private EmbeddedKafkaServer() {
    }

    /** @param throwAway delete the log when the broker stops (tests), instead of keeping it for the next run */
    static synchronized String bootstrapServers(Path logDir, int port, boolean throwAway) {
        if (server == null) {
            int brokerPort = port > 0 ? port : freePort();
            int controllerPort = freePort();
            KafkaConfig config = new KafkaConfig(Map.ofEntries(
                    Map.entry("process.roles", "broker,controller"),
                    Map.entry("node.id", "1"),
                    Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                    Map.entry("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort),
                    Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort),
                    Map.entry("controller.listener.names", "CONTROLLER"),
                    Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                    Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                    Map.entry("log.dirs", logDir.toString()),
                    Map.entry("offsets.topic.replication.factor", "1"),
                    Map.entry("offsets.topic.num.partitions", "5"),
                    // topics the sandboxes' partner systems create get three partitions, as a partner's
                    // topics on a real cluster would, so that per-partition consumers can be tried here
                    Map.entry("num.partitions", "3"),
                    Map.entry("transaction.state.log.replication.factor", "1"),
                    Map.entry("transaction.state.log.min.isr", "1"),
                    Map.entry("transaction.state.log.num.partitions", "5"),
                    // one node: a rebalance need not wait for more members to join
                    Map.entry("group.initial.rebalance.delay.ms", "0")), false);
            format(logDir);
            KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
            started.startup();
            server = started;
            bootstrap = "localhost:" + brokerPort;
            throwAwayLogDir = throwAway ? logDir : null;
        }
        return bootstrap;
    }

    /** Formats the log directory once; a directory kept from an earlier run is used as it is. */
    private static void format(Path logDir) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1).setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString())).setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER").setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the embedded Kafka log directory " + logDir, e);
        }
    }

    static synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            if (throwAwayLogDir != null) {
                FileSystemUtils.deleteRecursively(throwAwayLogDir.toFile());
            }
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
