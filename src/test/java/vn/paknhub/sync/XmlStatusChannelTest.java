package vn.paknhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.paknhub.delivery.ConnectorSigner;
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
 * The Ministry of Health's SOAP-style system reports back like the JSON partners: its signed XML status
 * message (the sandbox sends them) is mapped by mappings/byt-soap/status.xsl and goes through the same
 * checks — applied once, duplicates recognised, an unknown status parked and mapped again once taught,
 * forgeries and DOCTYPEs refused.
 */
@HubIntegrationTest
class XmlStatusChannelTest {

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
    ConnectorSigner signer;

    @TempDir
    Path mappingsCopy;

    private HubApi api;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    private String state(String code) {
        return db.queryForObject("select state from case_file where code = ?", String.class, code);
    }

    private HubAnswer ministry(String code, String status, Long sequence, String eventId) throws Exception {
        return partner.send(Sandboxes.XML_MINISTRY, new StatusRequest(code, "BYT", status, null, sequence, null, eventId, null));
    }

    @Test
    void a_signed_xml_status_is_applied_once_and_shown_with_its_source() throws Exception {
        String code = Flows.deliveredTo(api, db, "Bộ Y tế", "BYT", "Đề nghị bổ sung thuốc điều trị ung thư vào danh mục bảo hiểm.");
        String eventId = UUID.randomUUID().toString();

        HubAnswer accepted = ministry(code, "DA_TIEP_NHAN", 1L, eventId);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(json.readTree(accepted.body()).path("kind").asText()).isEqualTo("APPLIED");
        assertThat(state(code)).isEqualTo("ACCEPTED");
        JsonNode accept = null;
        for (JsonNode e : api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(Samples.VPTW)).json()) {
            if (e.path("action").asText().equals("ACCEPT")) {
                accept = e;
            }
        }
        assertThat(accept).isNotNull();
        assertThat(accept.path("details").path("source").asText()).isEqualTo("byt-soap");
        assertThat(accept.path("details").path("externalStatus").asText()).isEqualTo("DA_TIEP_NHAN");

        HubAnswer again = ministry(code, "DA_TIEP_NHAN", 1L, eventId);
        assertThat(json.readTree(again.body()).path("kind").asText()).isEqualTo("DUPLICATE");
        assertThat(db.queryForObject("select received from status_update where message_id = ?::uuid", String.class, eventId))
                .as("the partner's own XML is kept, to be mapped again").contains("<CapNhatTrangThaiPAKN");

        assertThat(ministry(code, "DANG_XU_LY", 2L, null).status()).isEqualTo(200);
        assertThat(state(code)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void an_unknown_xml_status_is_parked_and_applied_once_status_xsl_knows_it() throws Exception {
        String code = Flows.deliveredTo(api, db, "Bộ Y tế", "BYT", "Kiến nghị rút ngắn thời gian cấp phép hành nghề y.");
        String id = UUID.randomUUID().toString();
        HubAnswer parked = ministry(code, "CHO_LANH_DAO_KY", 1L, id);
        assertThat(parked.status()).isEqualTo(422);
        assertThat(parked.body()).contains("UNKNOWN_STATUS");
        assertThat(state(code)).isEqualTo("FORWARDED");

        Path fixed = Files.createDirectories(mappingsCopy.resolve("byt-soap"));
        Files.writeString(fixed.resolve("status.xsl"), Files.readString(Path.of("mappings/byt-soap/status.xsl"))
                .replace("'DA_TIEP_NHAN': 'ACCEPTED',", "'DA_TIEP_NHAN': 'ACCEPTED',\n      'CHO_LANH_DAO_KY': 'ACCEPTED',"));
        StatusOutcome applied = new StatusUpdateRecords(namedDb, updates, mappings, xmlMappings, json, mappingsCopy)
                .reprocess(UUID.fromString(id), new StatusUpdateController.Reprocess(null, null), "VPTW");
        assertThat(applied.kind()).isEqualTo(StatusOutcome.Kind.APPLIED);
        assertThat(state(code)).isEqualTo("ACCEPTED");
    }

    @Test
    void a_forged_an_old_and_a_doctype_carrying_message_are_refused_and_change_nothing() throws Exception {
        String code = Flows.deliveredTo(api, db, "Bộ Y tế", "BYT", "Đề nghị tăng cường kiểm tra an toàn thực phẩm.");
        HubAnswer old = partner.send(Sandboxes.XML_MINISTRY, new StatusRequest(code, "BYT", "DA_TIEP_NHAN", null, 1L, null,
                null, Instant.now().minusSeconds(3600).getEpochSecond()));
        assertThat(old.status()).isEqualTo(401);

        String body = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CapNhatTrangThaiPAKN xmlns=\"urn:byt:pakn:v1\"><MaHoSoHub>&e;</MaHoSoHub></CapNhatTrangThaiPAKN>";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HubApi.Reply forged = api.post("/api/v1/partners/byt-soap/status", "text/xml", body, "X-Pakn-Timestamp", timestamp,
                "X-Pakn-Signature", "sha256=00");
        assertThat(forged.status()).isEqualTo(401);
        HubApi.Reply doctype = api.post("/api/v1/partners/byt-soap/status", "text/xml", body, "X-Pakn-Timestamp", timestamp,
                "X-Pakn-Signature", ConnectorSigner.signature(signer.keyFor("BYT_SOAP_SIGNING_KEY"), timestamp, body));
        assertThat(doctype.status()).isEqualTo(422);
        assertThat(doctype.body()).doesNotContain("root:");

        assertThat(state(code)).isEqualTo("FORWARDED");
        assertThat(db.queryForObject("select count(*) from status_update where case_code = ?", Integer.class, code)).isZero();
    }
}
