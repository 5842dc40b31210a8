package vn.paknhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubProcess;
import vn.paknhub.support.Samples;

/**
 * The first command of the README on a bare machine: the packaged jar, with nothing configured,
 * starts its embedded PostgreSQL and Kafka, answers a submission and serves its contract. Runs on
 * the jar's own classpath, so a dependency missing at run time fails here, not in production.
 */
class PackagedHubIT {

    @Test
    void the_jar_starts_on_embedded_defaults_and_takes_a_submission() throws Exception {
        Path jar = packagedJar();
        Path dataDir = Files.createTempDirectory("pakn-hub-it");
        Path log = Path.of("target", "packaged-hub-it.log");
        int port = HubProcess.freePort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("HUB_")
                || k.startsWith("CAMEL_"));
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("HUB_EMBEDDED_DATA_DIR", dataDir.toString());
        Process hub = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(hub.isAlive()).as("hub exited, see " + log).isTrue();
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"");
                } catch (IOException notYet) {
                    return false;
                }
            });
            HubApi api = new HubApi(port);
            HubApi.Reply receipt = api.postJson("/api/v1/submissions", Samples.submission());
            assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
            assertThat(api.get("/api/v1/openapi.yaml").body()).startsWith("openapi: 3.1.0");
            assertThat(api.get("/api-docs/index.html").body()).contains("swagger-ui-bundle.js");
            assertThat(api.get("/webjars/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
            assertThat(Files.readString(log)).contains("demo tokens for this run only");
        } finally {
            hub.destroy();
            assertThat(hub.waitFor(60, TimeUnit.SECONDS)).as("graceful stop").isTrue();
        }
        assertThat(Files.readString(log)).doesNotContain("Application run failed");
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(cmd -> cmd.contains(dataDir.toString()))).as("embedded servers left running").isEmpty();
    }

    private static Path packagedJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "pakn-hub-*.jar")) {
            for (Path p : jars) {
                return p;
            }
        }
        throw new IllegalStateException("run through 'mvn verify': the jar is built in the package phase");
    }
}
