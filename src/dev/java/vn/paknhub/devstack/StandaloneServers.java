package vn.paknhub.devstack;

import java.nio.file.Path;
import org.apache.commons.logging.impl.NoOpLog;

/**
 * The development PostgreSQL and Kafka broker on their own, for tests that run a hub (the production
 * jar, several nodes) against them as an operator's external servers. One of each per JVM, shared
 * with any development hub of the same JVM.
 */
public final class StandaloneServers {

    static {
        // no hub context holds a lease on servers started here: the JVM stops them as it exits, or PostgreSQL
        // (a process of its own) would outlive the tests that started it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            EmbeddedKafkaServer.stop();
            EmbeddedPostgresServer.stop();
        }, "standalone-servers-stop"));
    }

    private StandaloneServers() {
    }

    /** A JDBC URL of the PostgreSQL server (user {@code postgres}, no password, database {@code postgres}). */
    public static String postgres(Path dataDirectory) {
        return EmbeddedPostgresServer.jdbcUrl(dataDirectory, false, new NoOpLog());
    }

    /**
     * A Kafka broker alone in a JVM of its own, on a given port, for tests that take the bus away from a
     * running hub and give it back: {@code StandaloneServers kafka <port> <log directory>}.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3 || !args[0].equals("kafka")) {
            System.err.println("usage: StandaloneServers kafka <port> <log directory>");
            System.exit(2);
        }
        System.out.println("Kafka at " + EmbeddedKafkaServer.bootstrapServers(Path.of(args[2]), Integer.parseInt(args[1]), true));
        Thread.currentThread().join();
    }

    /** The bootstrap servers of the Kafka broker. */
    public static String kafka(Path logDirectory) {
        return EmbeddedKafkaServer.bootstrapServers(logDirectory, 0, true);
    }
}
