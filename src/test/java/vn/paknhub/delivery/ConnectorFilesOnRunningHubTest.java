package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.HubProcess;
import vn.paknhub.support.IsolatedHub;
import vn.paknhub.support.Samples;

/**
 * The integrator's workflow on a running hub, with its own copy of routes/ and mappings/: a broken
 * file is named at start-up, a new ministry is connected with files only and receives its items, a
 * broken mapping stops only its own system, and fixing it delivers what waited — once.
 */
@HubIntegrationTest
class ConnectorFilesOnRunningHubTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void a_ministry_is_connected_by_files_only_and_a_broken_file_stops_only_its_own_system() throws Exception {
        Path routes = dir.resolve("routes");
        Path mappings = dir.resolve("mappings");
        FileSystemUtils.copyRecursively(Path.of("routes"), routes);
        FileSystemUtils.copyRecursively(Path.of("mappings"), mappings);
        Files.writeString(routes.resolve("half-done.yaml"), "- templatedRoute:\n    routeTemplateRef: [unclosed\n");
        IsolatedHub isolated = new IsolatedHub(context);
        JdbcTemplate db = isolated.database();
        Path logs = Files.createDirectories(Path.of("target", "connector-files-test"));

        try (HubProcess hub = HubProcess.start(logs.resolve(isolated.run + ".log"), isolated.with(
                "spring.profiles.active=test", "hub.sandbox.enabled=true",
                "hub.connectors.dev-signing-master=" + UUID.randomUUID(),
                "hub.connectors.routes-dir=" + routes, "hub.connectors.mappings-dir=" + mappings,
                // a delivery waiting for its connector to be fixed keeps retrying instead of parking
                "hub.delivery.max-attempts=1000"))) {
            HubApi api = new HubApi(hub.port());

            JsonNode halfDone = connector(api, "half-done");
            assertThat(halfDone.path("working").asBoolean()).isFalse();
            assertThat(halfDone.path("problems").get(0).asText()).startsWith(routes.resolve("half-done.yaml").toString())
                    .contains("YAML");
            assertThat(connector(api, "bkhcn-api").path("working").asBoolean()).isTrue();

            // before its system is connected, the Ministry of Finance works in the agency inbox
            String beforeConnecting = submit(api, "Bộ Tài chính", "Đề xuất ưu đãi thuế cho doanh nghiệp khởi nghiệp sáng tạo.");
            await().atMost(PATIENCE).until(() -> "inbox".equals(delivery(db, beforeConnecting, "BTC", "system")));

            FileSystemUtils.copyRecursively(Path.of("src/test/resources/connectors/routes"), routes);
            FileSystemUtils.copyRecursively(Path.of("src/test/resources/connectors/mappings"), mappings);
            assertThat(reload(api).status()).isEqualTo(200);
            assertThat(connector(api, "btc-api").path("working").asBoolean()).isTrue();

            String afterConnecting = submit(api, "Bộ Tài chính", "Đề xuất quỹ tín dụng cho đổi mới sáng tạo.");
            await().atMost(PATIENCE).until(() -> "DELIVERED".equals(delivery(db, afterConnecting, "BTC", "status")));
            assertThat(delivery(db, afterConnecting, "BTC", "system")).isEqualTo("btc-api");
            assertThat(delivery(db, afterConnecting, "BTC", "external_reference")).startsWith("btc-api-");
            JsonNode received = receivedBy(api, "btc-api", afterConnecting);
            assertThat(received.size()).isOne();
            assertThat(received.get(0).path("body").asText()).contains("\"soHoSo\":\"" + afterConnecting + "\"")
                    .contains("\"vaiTro\":\"CHU_TRI\"");

            // an integrator breaks the Ministry of Science and Technology's mapping
            Path dispatch = mappings.resolve("bkhcn-api/dispatch.jsonata");
            String good = Files.readString(dispatch);
            Files.writeString(dispatch, "{ \"maHoSoHub\": ");
            reload(api);
            JsonNode broken = connector(api, "bkhcn-api");
            assertThat(broken.path("working").asBoolean()).isFalse();
            assertThat(broken.path("problems").get(0).asText()).contains(dispatch.toString()).contains("does not compile");
            assertThat(connector(api, "btc-api").path("working").asBoolean()).isTrue();

            String waiting = submit(api, "Bộ Khoa học và Công nghệ", "Đề xuất chương trình phát triển công nghệ lượng tử.");
            String meanwhile = submit(api, "Bộ Tài chính", "Đề xuất cơ chế tài chính cho phòng thí nghiệm trọng điểm.");
            await().atMost(PATIENCE).until(() -> "DELIVERED".equals(delivery(db, meanwhile, "BTC", "status")));
            await().atMost(PATIENCE).until(() -> String.valueOf(delivery(db, waiting, "BKHCN", "last_error"))
                    .contains("dispatch.jsonata"));
            assertThat(delivery(db, waiting, "BKHCN", "status")).isEqualTo("PENDING");
            assertThat(receivedBy(api, "bkhcn-api", waiting).size()).isZero();

            Files.writeString(dispatch, good);
            reload(api);
            assertThat(connector(api, "bkhcn-api").path("working").asBoolean()).isTrue();
            await().atMost(PATIENCE).until(() -> "DELIVERED".equals(delivery(db, waiting, "BKHCN", "status")));
            assertThat(receivedBy(api, "bkhcn-api", waiting).size()).isOne();
        }
    }

    private static String submit(HubApi api, String addressee, String content) {
        return Flows.submitAddressedTo(api, addressee, content).path("code").asText();
    }

    private static HubApi.Reply reload(HubApi api) {
        return api.postJson("/api/v1/connectors/reload", Map.of(), HubApi.bearer(Samples.VPTW));
    }

    private static JsonNode connector(HubApi api, String system) {
        for (JsonNode c : api.get("/api/v1/connectors", HubApi.bearer(Samples.VPTW)).json()) {
            if (c.path("system").asText().equals(system)) {
                return c;
            }
        }
        throw new AssertionError("no connector " + system + " in " + api.get("/api/v1/connectors", HubApi.bearer(Samples.VPTW)).body());
    }

    private static JsonNode receivedBy(HubApi api, String system, String caseCode) {
        JsonNode all = api.get("/sandbox/" + system + "/received").json().path("received");
        ArrayNode mine = JsonNodeFactory.instance.arrayNode();
        all.forEach(r -> {
            if (caseCode.equals(r.path("caseCode").asText())) {
                mine.add(r);
            }
        });
        return mine;
    }

    private static String delivery(JdbcTemplate db, String caseCode, String agency, String column) {
        return db.queryForList("select " + column + "::text from delivery where case_code = ? and agency = ?",
                String.class, caseCode, agency).stream().findFirst().orElse(null);
    }
}
