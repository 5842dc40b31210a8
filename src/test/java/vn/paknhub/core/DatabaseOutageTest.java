package vn.paknhub.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.HubProcess;
import vn.paknhub.support.Samples;

/**
 * The database becomes unreachable under a running hub: callers are told at once (503 problem+json with
 * Retry-After, not a 500 after Hikari's 30 s), readiness says DOWN while liveness stays UP, nothing is
 * half-written, and the hub serves again by itself once the database is back.
 */
@HubIntegrationTest
class DatabaseOutageTest {

    @Autowired
    ApplicationContext context;

    @Test
    void an_unreachable_database_is_answered_503_at_once_and_the_hub_recovers_by_itself() throws Exception {
        Path data = Files.createTempDirectory("pakn-outage-pg");
        int pgPort = HubProcess.freePort();
        EmbeddedPostgres pg = postgres(data, pgPort);
        String url = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
        String run = Long.toHexString(System.nanoTime());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path logs = Files.createDirectories(Path.of("target", "database-outage-test"));

        try (HubProcess hub = HubProcess.start(logs.resolve(run + ".log"), "spring.datasource.url=" + url,
                "spring.datasource.username=postgres", "hub.crypto.master-key=" + Base64.getEncoder().encodeToString(key),
                "camel.component.kafka.brokers=" + context.getEnvironment().getRequiredProperty("camel.component.kafka.brokers"),
                "hub.bus.case-events-topic=outage-" + run, "hub.bus.consumer-group=outage-" + run,
                "hub.mail.enabled=false", "hub.paper.enabled=false")) {
            HubApi api = new HubApi(hub.port());
            JsonNode before = Flows.submit(api);

            pg.close();

            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.get("/actuator/health/readiness").status() == 503);
            assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);

            long start = System.nanoTime();
            HubApi.Reply refused = api.postJson("/api/v1/submissions", Samples.submission(), "Idempotency-Key", "outage-" + run);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.raw().headers().firstValue("Retry-After")).contains("5");
            assertThat(refused.json().path("title").asText()).contains(" / ");
            assertThat(tookMs).as("answered within the connection wait (2 s), not Hikari's 30 s").isLessThan(4_000);

            HubApi.Reply lookup = api.get("/api/v1/submissions/" + before.path("code").asText(),
                    "X-Lookup-Secret", before.path("lookupSecret").asText());
            assertThat(lookup.status()).isEqualTo(503);
            assertThat(lookup.raw().headers().firstValue("Retry-After")).isPresent();

            pg = postgres(data, pgPort);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/actuator/health/readiness").status() == 200);
            assertThat(api.get("/api/v1/submissions/" + before.path("code").asText(),
                    "X-Lookup-Secret", before.path("lookupSecret").asText()).status()).isEqualTo(200);
            HubApi.Reply again = api.postJson("/api/v1/submissions", Samples.submission(), "Idempotency-Key", "outage-" + run);
            assertThat(again.status()).as("the refused submission, sent again, is taken: " + again.body()).isEqualTo(202);

            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true));
            assertThat(db.queryForObject("select count(*) from case_file", Integer.class))
                    .as("the item before the outage and the one sent again; nothing of the refused attempt").isEqualTo(2);
            assertThat(db.queryForObject("select count(*) from idempotency_key", Integer.class)).isEqualTo(1);
        } finally {
            pg.close();
        }
    }

    /** A server on this directory and port; never cleaned (zonky would delete the data when it stops). */
    private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }
}
