package vn.paknhub.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;

/**
 * A real PostgreSQL server from Maven-packaged binaries, started once per JVM so that a hub
 * restarted inside the same JVM (tests of crash recovery) finds its data again.
 */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** @param log the start-up log (deferred: these servers start before logging is set up) */
    static synchronized String jdbcUrl(Path dataDirectory, boolean keepData, Log log) {
        if (server == null) {
            server = start(dataDirectory, keepData, log);
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start(Path dataDirectory, boolean keepData, Log log) {
        stopOrphan(dataDirectory, log);
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    // stopped by EmbeddedServices once the hub has closed its connections, not by a JVM hook racing it
                    .setRegisterShutdownHook(false)
                    // zonky starts postgres with -F (fsync off) and synchronous_commit off; the hub acknowledges
                    // only commits that are on disk, so both go back on (a later -c overrides -F)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A development hub killed with SIGKILL leaves its PostgreSQL running, holding the data directory
     * (postmaster.pid): the next start would wait a minute and fail. A server found there that is a
     * postgres of this directory has lost its hub; it is asked to stop at once (SIGINT: fast shutdown,
     * every write it acknowledged is already on disk) before a new one starts on the same data.
     */
    static void stopOrphan(Path dataDirectory, Log log) {
        Optional<ProcessHandle> orphan = orphanOf(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        long pid = orphan.get().pid();
        log.warn("An embedded PostgreSQL (pid " + pid + ") left running by an earlier development hub holds "
                + dataDirectory + ": stopping it");
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            orphan.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not stop the PostgreSQL (pid " + pid + ") holding " + dataDirectory
                    + "; stop it by hand", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The live postgres process named by the directory's postmaster.pid, if it serves this directory. */
    public static Optional<ProcessHandle> orphanOf(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).strip());
            String dir = lines.size() > 1 ? lines.get(1).strip() : "";
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .filter(p -> Path.of(dir).toAbsolutePath().equals(dataDirectory.toAbsolutePath()));
        } catch (IOException | RuntimeException unreadable) {
            // a stale or half-written file: PostgreSQL itself checks it at start
            return Optional.empty();
        }
    }

    static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is exiting; nothing left to do with a failed stop
            }
            server = null;
        }
    }
}
