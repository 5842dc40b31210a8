package vn.paknhub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.paknhub.delivery.ConnectorSigner;
import vn.paknhub.delivery.DispatchComposer;

/**
 * The simulated partners telling the hub what happened to a case, each in its own format and by its
 * own means: the ministry's JSON API by signed webhook, the Ministry of Health's SOAP-style service by a
 * signed XML webhook, the province on its Kafka status topic, the
 * national portal by keeping the change until the hub polls for it. Integrators use it to try a status mapping; tests use it as the partner.
 */
@Component
@ConditionalOnProperty(name = "hub.sandbox.enabled", havingValue = "true")
public class SandboxStatusSender {

    /**
     * @param status      the partner's own status code (e.g. DA_TIEP_NHAN, or "2" for the portal)
     * @param sequence    the partner's counter for the case; next one when null
     * @param eventId     the partner's event id; a new one when null (give the same to send a copy)
     * @param sentAt      epoch seconds for the signature; now when null (an old one is a replay)
     */
    public record StatusRequest(String caseCode, String agency, String status, String reason, Long sequence,
            String targetAgency, String eventId, Long sentAt) {
    }

    /** What the hub answered (a webhook), or 202 once the change is on the partner's topic or queue. */
    public record HubAnswer(int status, String body) {
    }

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Sandboxes sandboxes;
    private final ConnectorSigner signer;
    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final Environment env;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    SandboxStatusSender(Sandboxes sandboxes, ConnectorSigner signer, ProducerTemplate producer, ObjectMapper json,
            Environment env, Clock clock) {
        this.sandboxes = sandboxes;
        this.signer = signer;
        this.producer = producer;
        this.json = json;
        this.env = env;
        this.clock = clock;
    }

    public HubAnswer send(String system, StatusRequest r) throws IOException, InterruptedException {
        long sequence = r.sequence() != null ? r.sequence()
                : sequences.computeIfAbsent(system + "/" + r.caseCode(), k -> new AtomicLong()).incrementAndGet();
        String eventId = r.eventId() != null ? r.eventId() : UUID.randomUUID().toString();
        // with seconds always: OffsetDateTime.toString() drops ":00", which RFC 3339 (and the schema) refuses
        String at = DispatchComposer.timestamp(clock.instant().truncatedTo(ChronoUnit.SECONDS), VIETNAM);
        Map<String, Object> m = new LinkedHashMap<>();
        switch (system) {
            case Sandboxes.JSON_MINISTRY -> {
                m.put("maSuKien", eventId);
                m.put("maHoSoHub", r.caseCode());
                m.put("maCoQuan", r.agency() != null ? r.agency() : "BKHCN");
                m.put("soThuTu", sequence);
                m.put("trangThai", r.status());
                m.put("lyDo", r.reason());
                m.put("thoiDiem", at);
                m.put("coQuanChuyenDen", r.targetAgency());
                sandboxes.partner(system).noteStatus(r.caseCode(), r.status());
                return webhook(system, "BKHCN_API_SIGNING_KEY", json.writeValueAsString(m), r.sentAt(), "application/json");
            }
            case Sandboxes.XML_MINISTRY -> {
                // the Ministry of Health's own SOAP-style message, mapped by mappings/byt-soap/status.xsl
                String body = """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
                          <soap:Body>
                            <CapNhatTrangThaiPAKN xmlns="urn:byt:pakn:v1">
                        """ + SandboxXml.element("MaThongDiep", eventId) + SandboxXml.element("MaHoSoHub", r.caseCode())
                        + SandboxXml.element("MaDonVi", r.agency() != null ? r.agency() : "BYT")
                        + SandboxXml.element("SoThuTu", Long.toString(sequence)) + SandboxXml.element("TrangThai", r.status())
                        + SandboxXml.element("LyDo", r.reason()) + SandboxXml.element("DonViChuyenDen", r.targetAgency())
                        + SandboxXml.element("ThoiDiem", at) + """
                            </CapNhatTrangThaiPAKN>
                          </soap:Body>
                        </soap:Envelope>
                        """;
                return webhook(system, "BYT_SOAP_SIGNING_KEY", body, r.sentAt(), "text/xml; charset=utf-8");
            }
            case Sandboxes.NATIONAL_PORTAL -> {
                // the portal does not call back: the change waits until the hub polls for it
                m.put("MaGiaoDich", eventId);
                m.put("MaHoSo", r.caseCode());
                m.put("MaDonVi", r.agency());
                m.put("SoThuTu", sequence);
                m.put("TrangThai", r.status());
                m.put("NoiDungXuLy", r.reason());
                m.put("ThoiDiemXuLy", PORTAL_TIME.format(clock.instant().atZone(VIETNAM)));
                m.put("NguoiXuLy", "Cán bộ một cửa");
                sandboxes.partner(system).queueStatus(m);
                return new HubAnswer(202, "{\"queued\": true}");
            }
            case Sandboxes.KAFKA_PROVINCE -> {
                m.put("eventId", eventId);
                m.put("hoSo", r.caseCode());
                m.put("donVi", r.agency() != null ? r.agency() : "68");
                m.put("stt", sequence);
                m.put("trangThai", r.status());
                m.put("ghiChu", r.reason());
                m.put("luc", at);
                m.put("chuyenDen", r.targetAgency());
                producer.sendBodyAndHeader("kafka:" + ProvinceTopicSandbox.STATUS_TOPIC, json.writeValueAsString(m),
                        "kafka.KEY", r.caseCode());
                return new HubAnswer(202, "{\"topic\": \"" + ProvinceTopicSandbox.STATUS_TOPIC + "\"}");
            }
            default -> throw new IllegalArgumentException("no status sandbox for system " + system);
        }
    }

    private HubAnswer webhook(String system, String keyVariable, String body, Long sentAt, String contentType)
            throws IOException, InterruptedException {
        String timestamp = Long.toString(sentAt != null ? sentAt : clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + env.getRequiredProperty("local.server.port") + "/api/v1/partners/" + system + "/status"))
                .header("Content-Type", contentType)
                .header("X-Pakn-Timestamp", timestamp)
                .header("X-Pakn-Signature", ConnectorSigner.signature(signer.keyFor(keyVariable), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new HubAnswer(answer.statusCode(), answer.body());
    }
}
