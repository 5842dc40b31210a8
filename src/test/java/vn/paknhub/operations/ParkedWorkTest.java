package vn.paknhub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.sandbox.SandboxPartner;
import vn.paknhub.sandbox.Sandboxes;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/** Parked work of every kind is listed in one place and taken up again the same way. */
@HubIntegrationTest
class ParkedWorkTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Sandboxes sandboxes;

    @Test
    void a_delivery_the_partner_refused_is_listed_with_its_reason_and_delivered_once_replayed() {
        HubApi api = new HubApi(port);
        SandboxPartner partner = sandboxes.partner("bkhcn-api");
        partner.behave(SandboxPartner.Mode.REFUSE, 1);
        String code = Flows.submitAddressedTo(api, "Bộ Khoa học và Công nghệ",
                "Đề xuất cho phép viện nghiên cứu công lập góp vốn vào doanh nghiệp khởi nguồn.").path("code").asText();
        await().atMost(PATIENCE).until(() -> "PARKED".equals(status(code)));
        String id = db.queryForObject("select id::text from delivery where case_code = ? and kind = 'DISPATCH'", String.class, code);

        JsonNode parked = find(api, "delivery", id);
        assertThat(parked.path("caseCode").asText()).isEqualTo(code);
        assertThat(parked.path("what").asText()).contains("bkhcn-api");
        assertThat(parked.path("reason").asText()).isNotBlank();

        HubApi.Reply replayed = api.postJson("/api/v1/parked/delivery/" + id + "/replay", Map.of(), HubApi.bearer(Samples.VPTW));
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(code)));
        assertThat(partner.receivedFor(code)).hasSize(1);
        assertThat(api.postJson("/api/v1/parked/delivery/" + id + "/replay", Map.of(), HubApi.bearer(Samples.VPTW)).status())
                .as("no longer parked").isEqualTo(404);
    }

    @Test
    void a_parked_notification_is_listed_and_sent_once_replayed() {
        HubApi api = new HubApi(port);
        String code = Flows.submit(api).path("code").asText();
        await().atMost(PATIENCE).until(() -> db.queryForObject(
                "select count(*) from notification where case_code = ? and channel = 'EMAIL' and status = 'SENT'", Integer.class, code) > 0);
        // as the sender leaves a message the mail server kept refusing
        String id = db.queryForObject("select id::text from notification where case_code = ? and channel = 'EMAIL' limit 1",
                String.class, code);
        db.update("update notification set status = 'PARKED', attempts = 10, last_error = '550 mailbox unavailable'"
                + " where id = ?::uuid", id);

        JsonNode parked = find(api, "notification", id);
        assertThat(parked.path("attempts").asInt()).isEqualTo(10);
        assertThat(parked.path("reason").asText()).contains("550");
        assertThat(api.postJson("/api/v1/parked/notification/" + id + "/replay", Map.of(), HubApi.bearer(Samples.VPTW))
                .status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "SENT".equals(db.queryForObject(
                "select status from notification where id = ?::uuid", String.class, id)));
        assertThat(db.queryForObject("select attempts from notification where id = ?::uuid", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void only_the_central_office_sees_and_replays_parked_work_and_unknown_kinds_and_ids_are_named() {
        HubApi api = new HubApi(port);
        assertThat(api.get("/api/v1/parked").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/parked", HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/parked", HubApi.bearer(Samples.VPTW)).status()).isEqualTo(200);
        HubApi.Reply unknownKind = api.get("/api/v1/parked?kind=fax", HubApi.bearer(Samples.VPTW));
        assertThat(unknownKind.status()).isEqualTo(422);
        assertThat(unknownKind.rules()).containsExactly("one-of");
        for (String kind : new String[] {"delivery", "notification", "daily-report", "mail", "status-update"}) {
            assertThat(api.postJson("/api/v1/parked/" + kind + "/" + UUID.randomUUID() + "/replay", Map.of(),
                    HubApi.bearer(Samples.VPTW)).status()).as(kind).isEqualTo(404);
            assertThat(api.get("/api/v1/parked?kind=" + kind, HubApi.bearer(Samples.VPTW)).status()).as(kind).isEqualTo(200);
        }
    }

    private String status(String code) {
        return db.queryForList("select status from delivery where case_code = ? and kind = 'DISPATCH'", String.class, code)
                .stream().findFirst().orElse(null);
    }

    private static JsonNode find(HubApi api, String kind, String id) {
        for (JsonNode item : api.get("/api/v1/parked?kind=" + kind + "&limit=500", HubApi.bearer(Samples.VPTW)).json()) {
            if (item.path("id").asText().equals(id)) {
                assertThat(item.path("kind").asText()).isEqualTo(kind);
                return item;
            }
        }
        throw new AssertionError(kind + " " + id + " is not listed as parked");
    }
}
