package vn.paknhub.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.CaseEventsReader;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.HubProcess;
import vn.paknhub.support.IsolatedHub;

/**
 * Intake never stops for the bus (Đ15.7): with the broker unreachable the hub stays ready, answers
 * 202 and keeps the events in its outbox; once a broker is reachable they are published.
 */
@HubIntegrationTest
class BrokerDownTest {

    @Autowired
    ApplicationContext context;

    @Test
    void submissions_are_accepted_while_kafka_is_down_and_published_when_it_is_back() throws Exception {
        IsolatedHub isolated = new IsolatedHub(context);
        Path logs = Files.createDirectories(Path.of("target", "broker-down-test"));
        JdbcTemplate db = isolated.database();
        String code;
        String secret;

        try (HubProcess cutOff = HubProcess.start(logs.resolve(isolated.run + "-down.log"),
                isolated.with("camel.component.kafka.brokers=localhost:" + HubProcess.freePort()))) {
            HubApi api = new HubApi(cutOff.port());
            JsonNode receipt = Flows.submit(api);
            code = receipt.path("code").asText();
            secret = receipt.path("lookupSecret").asText();

            assertThat(api.get("/api/v1/submissions/" + code, "X-Lookup-Secret", secret).status()).isEqualTo(200);
            // ready (items are taken), but degraded, naming the part that is down
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health/readiness").json()
                    .path("components").path("bus").path("status").asText().equals("DEGRADED"));
            HubApi.Reply readiness = api.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().path("status").asText()).isEqualTo("DEGRADED");
            assertThat(readiness.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
            assertThat(db.queryForObject("select count(*) from outbox where case_code = ?", Integer.class, code))
                    .isEqualTo(1);
            cutOff.kill();
        }

        // the cut-off hub could not even create its topic; the reconnected one does at start-up
        try (HubProcess reconnected = HubProcess.start(logs.resolve(isolated.run + "-up.log"), isolated.with());
                CaseEventsReader bus = new CaseEventsReader(isolated.brokers, isolated.topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> bus.recordsFor(code).size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                    "select count(*) from outbox where case_code = ?", Integer.class, code) == 0);
        }
    }
}
