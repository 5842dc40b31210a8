package vn.paknhub.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubProcess;

/**
 * The development hub after {@code kill -9}: its embedded PostgreSQL outlives it, holding the data
 * directory. The next start finds that orphan, stops it and comes up on the same data.
 */
class DevelopmentHubRestartTest {

    @Test
    void a_hub_killed_with_sigkill_starts_again_on_its_data_after_stopping_the_orphaned_postgres() throws Exception {
        Path data = Files.createTempDirectory("pakn-dev-restart");
        Path logs = Files.createDirectories(Path.of("target", "dev-restart"));
        String[] devHub = {"hub.embedded.data-dir=" + data, "hub.embedded.keep-data=true", "hub.mail.enabled=false",
                "hub.paper.enabled=false"};

        String code;
        String secret;
        HubProcess first = HubProcess.start(logs.resolve("first.log"), devHub);
        try {
            var receipt = Flows.submit(new HubApi(first.port()));
            code = receipt.path("code").asText();
            secret = receipt.path("lookupSecret").asText();
        } finally {
            first.kill();
        }
        Optional<ProcessHandle> orphan = EmbeddedPostgresServer.orphanOf(data.resolve("postgres"));
        assertThat(orphan).as("the killed hub's PostgreSQL still runs").isPresent();

        try (HubProcess second = HubProcess.start(logs.resolve("second.log"), devHub)) {
            assertThat(orphan.get().isAlive()).isFalse();
            HubApi.Reply status = new HubApi(second.port()).get("/api/v1/submissions/" + code, "X-Lookup-Secret", secret);
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            assertThat(Files.readString(logs.resolve("second.log"))).contains("left running by an earlier development hub");
        }
        assertThat(EmbeddedPostgresServer.orphanOf(data.resolve("postgres"))).as("stopped with its hub").isEmpty();
    }
}
