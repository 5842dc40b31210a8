package vn.paknhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.paknhub.delivery.JsonMappings;
import vn.paknhub.delivery.XmlStatusMappings;
import vn.paknhub.sandbox.SandboxStatusSender;
import vn.paknhub.sandbox.SandboxStatusSender.HubAnswer;
import vn.paknhub.sandbox.SandboxStatusSender.StatusRequest;
import vn.paknhub.sandbox.Sandboxes;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * An update whose status the system's mapping did not know waits for an operator (Đ23: never
 * guessed), who lists it and applies it once the mapping is fixed or decides its status by hand; it
 * then goes through every check an update goes through on arrival, and is applied at most once.
 */
@HubIntegrationTest
class StatusUpdateReprocessingTest {

    @LocalServerPort
    int port;
    @Autowired
    SandboxStatusSender partner;
    @Autowired
    JdbcTemplate db;
    @Autowired
    NamedParameterJdbcTemplate namedDb;
    @Autowired
    StatusUpdates updates;
    @Autowired
    JsonMappings mappings;
    @Autowired
    XmlStatusMappings xmlMappings;
    @Autowired
    ObjectMapper json;

    private HubApi api;

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    private String deliveredToTheMinistry(String content) {
        return Flows.deliveredTo(api, db, "Bộ Khoa học và Công nghệ", "BKHCN", content);
    }

    private String parked(String code, String externalStatus) throws Exception {
        String id = UUID.randomUUID().toString();
        HubAnswer answer = partner.send(Sandboxes.JSON_MINISTRY, new StatusRequest(code, "BKHCN", externalStatus, null,
                1L, null, id, null));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("UNKNOWN_STATUS");
        return id;
    }

    private String state(String code) {
        return db.queryForObject("select state from case_file where code = ?", String.class, code);
    }

    private HubApi.Reply reprocess(String id, Object decision, String token) {
        return api.postJson("/api/v1/status-updates/" + id + "/reprocess", decision, HubApi.bearer(token));
    }

    @Test
    void a_parked_update_is_listed_and_applied_once_its_mapping_knows_the_status() throws Exception {
        String code = deliveredToTheMinistry("Đề xuất quỹ đổi mới sáng tạo cho doanh nghiệp nhỏ.");
        String id = parked(code, "CHO_KY_DUYET");

        HubApi.Reply listed = api.get("/api/v1/status-updates?system=bkhcn-api&caseCode=" + code,
                HubApi.bearer(Samples.VPTW));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        JsonNode kept = listed.json().get(0);
        assertThat(kept.path("messageId").asText()).isEqualTo(id);
        assertThat(kept.path("outcome").asText()).isEqualTo("PARKED");
        assertThat(kept.path("externalStatus").asText()).isEqualTo("CHO_KY_DUYET");
        assertThat(kept.path("reason").asText()).contains("UNKNOWN_STATUS");
        assertThat(json.readTree(kept.path("received").asText()).path("trangThai").asText()).isEqualTo("CHO_KY_DUYET");
        assertThat(api.get("/api/v1/status-updates", HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);

        // the mapping has not changed: still not understood, still parked, nothing applied
        HubApi.Reply unchanged = reprocess(id, null, Samples.VPTW);
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.json().path("kind").asText()).isEqualTo("PARKED");
        assertThat(state(code)).isEqualTo("FORWARDED");

        // the integrator teaches the mapping the new status (here in a copy of mappings/, read as the hub reads it)
        Path fixed = Files.createDirectories(mappingsCopy.resolve("bkhcn-api"));
        Files.writeString(fixed.resolve("status.jsonata"), Files.readString(Path.of("mappings/bkhcn-api/status.jsonata"))
                .replace("\"DA_TIEP_NHAN\": \"ACCEPTED\",", "\"DA_TIEP_NHAN\": \"ACCEPTED\",\n    \"CHO_KY_DUYET\": \"ACCEPTED\","));
        StatusUpdateRecords afterTheFix = new StatusUpdateRecords(namedDb, updates, mappings, xmlMappings, json, mappingsCopy);
        StatusOutcome applied = afterTheFix.reprocess(UUID.fromString(id),
                new StatusUpdateController.Reprocess(null, null), "VPTW");
        assertThat(applied.kind()).isEqualTo(StatusOutcome.Kind.APPLIED);
        assertThat(state(code)).isEqualTo("ACCEPTED");
        assertThat(db.queryForMap("select outcome, status, reprocessed_by from status_update where message_id = ?::uuid",
                id)).containsEntry("outcome", "APPLIED").containsEntry("status", "ACCEPTED")
                .containsEntry("reprocessed_by", "VPTW");
        JsonNode accept = null;
        for (JsonNode e : api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(Samples.VPTW)).json()) {
            accept = e.path("action").asText().equals("ACCEPT") ? e : accept;
        }
        assertThat(accept).isNotNull();
        assertThat(accept.path("details").path("source").asText()).isEqualTo("bkhcn-api");
        assertThat(accept.path("details").path("reprocessedBy").asText()).isEqualTo("VPTW");

        // once applied it is no longer parked: a second reprocess is refused and applies nothing
        HubApi.Reply again = reprocess(id, null, Samples.VPTW);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.rules()).contains("not-parked");
        assertThat(db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id"
                + " where f.code = ? and e.action = 'ACCEPT'", Integer.class, code)).isOne();
    }

    @TempDir
    Path mappingsCopy;

    @Test
    void an_operator_decides_the_status_by_hand_and_the_state_machine_still_has_the_last_word() throws Exception {
        String code = deliveredToTheMinistry("Đề xuất mở dữ liệu khoa học cho các viện nghiên cứu.");
        String illegal = parked(code, "DA_TRA_LOI_KHIEU_NAI");
        HubApi.Reply refused = reprocess(illegal, Map.of("status", "APPEAL_ANSWERED",
                "reason", "Đã trả lời phúc đáp."), Samples.VPTW);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().path("kind").asText()).isEqualTo("REFUSED");
        assertThat(refused.json().path("code").asText()).isEqualTo("illegal-transition");
        assertThat(state(code)).isEqualTo("FORWARDED");
        assertThat(db.queryForObject("select outcome from status_update where message_id = ?::uuid", String.class,
                illegal)).isEqualTo("REFUSED");

        String id = UUID.randomUUID().toString();
        assertThat(partner.send(Sandboxes.JSON_MINISTRY, new StatusRequest(code, "BKHCN", "DA_XEM_XET", null, 2L, null,
                id, null)).status()).isEqualTo(422);
        HubApi.Reply applied = reprocess(id, Map.of("status", "ACCEPTED"), Samples.VPTW);
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.json().path("kind").asText()).isEqualTo("APPLIED");
        assertThat(state(code)).isEqualTo("ACCEPTED");

        // the partner sends the same message again: a duplicate, nothing changes
        HubAnswer copy = partner.send(Sandboxes.JSON_MINISTRY, new StatusRequest(code, "BKHCN", "DA_XEM_XET", null, 2L,
                null, id, null));
        assertThat(copy.status()).isEqualTo(200);
        assertThat(json.readTree(copy.body()).path("kind").asText()).isEqualTo("DUPLICATE");
        assertThat(state(code)).isEqualTo("ACCEPTED");

        assertThat(reprocess(UUID.randomUUID().toString(), null, Samples.VPTW).status()).isEqualTo(404);
        assertThat(reprocess(id, Map.of("status", "ACCEPTED"), Samples.BKHCN).status()).isEqualTo(403);
    }
}
