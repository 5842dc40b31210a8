package vn.paknhub.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import vn.paknhub.core.xml.UntrustedXml;
import vn.paknhub.delivery.ConnectorSigner;
import vn.paknhub.sandbox.SandboxPartner.Mode;

/**
 * Simulators of the partner systems the shipped connectors reach, for the development stack and
 * for integrators trying a connector: each checks a delivery the way its real system would (format,
 * signature), dedupes by idempotency key, and answers in its own format — or fails as told through
 * {@code PUT /sandbox/{system}/behaviour}.
 */
@RestController
@RequestMapping("/sandbox")
@ConditionalOnProperty(name = "hub.sandbox.enabled", havingValue = "true")
class SandboxController {

    private static final Pattern PORTAL_TIME = Pattern.compile("^\\d{14}$");
    private static final Pattern CASE_CODE = Pattern.compile("[A-Z]+-\\d{8}-\\d{6}");

    record Behaviour(Mode mode, Integer times) {
    }

    private final Sandboxes sandboxes;
    private final SandboxStatusSender statusSender;
    private final SandboxFiles files;
    private final ConnectorSigner signer;
    private final ObjectMapper json;
    private final Clock clock;
    private final long timeoutMs;

    SandboxController(Sandboxes sandboxes, SandboxStatusSender statusSender, SandboxFiles files, ConnectorSigner signer,
            ObjectMapper json, Clock clock, @Value("${camel.component.http.response-timeout}") long responseTimeoutMs) {
        this.files = files;
        this.sandboxes = sandboxes;
        this.statusSender = statusSender;
        this.signer = signer;
        this.json = json;
        this.clock = clock;
        this.timeoutMs = responseTimeoutMs;
    }

    @PutMapping("/{system}/behaviour")
    Map<String, Object> behave(@PathVariable String system, @RequestBody Behaviour b) {
        sandboxes.partner(system).behave(b.mode(), b.times() == null ? -1 : b.times());
        return sandboxes.partner(system).report();
    }

    @GetMapping("/{system}/received")
    Map<String, Object> received(@PathVariable String system) {
        return sandboxes.partner(system).report();
    }

    @DeleteMapping("/{system}/received")
    void reset(@PathVariable String system) {
        sandboxes.partner(system).reset();
    }

    /**
     * The PAKN system of the National Public Service Portal (conventions of reference/notes.md §4.6):
     * new items by GuiPAKN, updates of its items by DongBoHoSoMC.
     */
    @PostMapping(path = "/dvcqg-pakn/api", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> nationalPortal(@RequestBody String body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestHeader(name = "dstcode", required = false) String destination) throws Exception {
        SandboxPartner partner = sandboxes.partner(Sandboxes.NATIONAL_PORTAL);
        Mode mode = partner.nextAttempt();
        ResponseEntity<String> failure = misbehave(mode, "{\"error_code\": ");
        if (failure != null) {
            return failure;
        }
        JsonNode m = json.readTree(body);
        if (!signer.secret("DVCQG_PAKN_SESSION").equals(m.path("session").asText()) || destination == null
                || destination.isBlank()) {
            return ResponseEntity.status(401).body(json.writeValueAsString(Map.of("error_code", "100",
                    "message", "AUTHEN_ERROR: phiên (session) hoặc dstcode không hợp lệ / bad session or dstcode")));
        }
        JsonNode data = m.path("data").path(0);
        List<String> errors = new ArrayList<>();
        require(errors, !m.path("madonvi").asText().isBlank(), "madonvi");
        boolean update = "DongBoHoSoMC".equals(m.path("service").asText());
        require(errors, update || "GuiPAKN".equals(m.path("service").asText()), "service = GuiPAKN | DongBoHoSoMC");
        for (String field : update ? List.of("MaHoSo", "SuKien", "MaGiaoDich")
                : List.of("MaHoSo", "TrichYeu", "NoiDung", "ChuHoSo", "DonViXuLy", "MaGiaoDich")) {
            require(errors, !data.path(field).asText().isBlank(), "data[0]." + field);
        }
        String time = update ? "ThoiDiem" : "NgayTiepNhan";
        require(errors, PORTAL_TIME.matcher(data.path(time).asText()).matches(), "data[0]." + time + " yyyyMMddHHmmss");
        List<SandboxFiles.Check> checks = files.check(m.path("madonvi").asText(), SandboxFiles.fromJson(
                data.path(update ? "DanhSachHoSoBoSung" : "TaiLieuNop"), "TenTepDinhKem", "MaBam", "NoiDungBase64",
                "DuongDanTaiTepTin"));
        errors.addAll(SandboxFiles.problems(checks));
        if (mode == Mode.REFUSE || !errors.isEmpty()) {
            return ResponseEntity.badRequest().body(json.writeValueAsString(Map.of("error_code", "500",
                    "message", "DATA_INCORRECT: " + (errors.isEmpty() ? "từ chối thử nghiệm / test refusal" : errors))));
        }
        String id = data.path("MaGiaoDich").asText(key);
        partner.noteFiles(id, checks);
        boolean fresh = partner.receive(id, data.path("MaHoSo").asText(), body);
        String reference = "PAKN.%s.%04d".formatted(LocalDate.now(clock).toString().replace("-", ""),
                partner.position(id));
        return slowly(mode, ResponseEntity.ok(json.writeValueAsString(Map.of("error_code", "00", "message", "Thành công",
                "duplicate", !fresh, "data", Map.of("MaPAKN", reference)))));
    }

    /** The portal's progress query: what changed since the hub's cursor (a position in the portal's list). */
    @GetMapping(path = "/dvcqg-pakn/status", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> nationalPortalProgress(@RequestParam(defaultValue = "") String since) {
        Map.Entry<List<Object>, Integer> changes = sandboxes.partner(Sandboxes.NATIONAL_PORTAL)
                .statusSince(since.isBlank() ? 0 : Integer.parseInt(since));
        return Map.of("error_code", "00", "data", changes.getKey(), "next", String.valueOf(changes.getValue()));
    }

    /** The Ministry of Science and Technology's JSON API: HMAC-signed bodies only; updates have "loai": "CAP_NHAT". */
    @PostMapping(path = "/bkhcn-api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> jsonMinistry(@RequestBody String body,
            @RequestHeader(name = "X-Pakn-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Pakn-Signature", required = false) String signature,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestHeader(name = "traceparent", required = false) String traceparent) throws Exception {
        SandboxPartner partner = sandboxes.partner(Sandboxes.JSON_MINISTRY);
        partner.noteTrace(key, traceparent);
        Mode mode = partner.nextAttempt();
        ResponseEntity<String> failure = misbehave(mode, "{\"status\": ");
        if (failure != null) {
            return failure;
        }
        String expected = timestamp == null ? null
                : ConnectorSigner.signature(signer.keyFor("BKHCN_API_SIGNING_KEY"), timestamp, body);
        if (expected == null || !expected.equals(signature)) {
            return ResponseEntity.status(401).body("{\"status\": \"rejected\", \"errors\": [\"invalid signature\"]}");
        }
        JsonNode m;
        try {
            m = json.readTree(body);
        } catch (JsonProcessingException e) {
            // a body it cannot read is refused in its own format, as the ministry's API answers any bad request
            return signed(rejected(List.of("không phải JSON / not JSON")), "BKHCN_API_SIGNING_KEY");
        }
        List<String> errors = new ArrayList<>();
        boolean update = "CAP_NHAT".equals(m.path("loai").asText());
        for (String field : update ? List.of("maHoSoHub", "suKien", "maCapNhat")
                : List.of("maHoSoHub", "tieuDe", "noiDung", "vaiTro")) {
            require(errors, !m.path(field).asText().isBlank(), field);
        }
        require(errors, update || !m.path("nguoiGui").path("hoTen").asText().isBlank(), "nguoiGui.hoTen");
        require(errors, key != null && !key.isBlank(), "Idempotency-Key");
        // this is the system of the Ministry of Science and Technology: it downloads linked files as BKHCN
        List<SandboxFiles.Check> checks = files.check("BKHCN", SandboxFiles.fromJson(
                m.path(update ? "tepBoSung" : "tepDinhKem"), "ten", "sha256", "noiDungBase64", "duongDan"));
        errors.addAll(SandboxFiles.problems(checks));
        if (mode == Mode.REFUSE || !errors.isEmpty()) {
            return signed(rejected(errors), "BKHCN_API_SIGNING_KEY");
        }
        partner.noteFiles(key, checks);
        return signed(kept(mode, partner, key, m.path("maHoSoHub").asText(), body, n -> "BKHCN-%06d".formatted(n)),
                "BKHCN_API_SIGNING_KEY");
    }

    /** The Ministry of Health's SOAP-style XML service: TiepNhanPAKN for new items, CapNhatPAKN for updates. */
    @PostMapping(path = "/byt-soap/pakn", produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> xmlMinistry(@RequestBody String body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        SandboxPartner partner = sandboxes.partner(Sandboxes.XML_MINISTRY);
        Mode mode = partner.nextAttempt();
        ResponseEntity<String> failure = misbehave(mode, "<soap:Envelope");
        if (failure != null) {
            return failure;
        }
        List<String> errors = new ArrayList<>();
        String caseCode = "";
        List<SandboxFiles.Check> checks = List.of();
        try {
            Document d = UntrustedXml.parse(body);
            boolean update = d.getElementsByTagNameNS("*", "CapNhatPAKN").getLength() > 0;
            for (String element : update ? List.of("MaHoSo", "SuKien", "MaGiaoDich")
                    : List.of("MaHoSo", "TieuDe", "NoiDung", "HoTenNguoiGui", "VaiTro")) {
                require(errors, !SandboxXml.text(d, element).isBlank(), element);
            }
            caseCode = SandboxXml.text(d, "MaHoSo");
            // the Ministry of Health's system downloads linked files as BYT
            checks = files.check("BYT", SandboxFiles.fromXml(d));
            errors.addAll(SandboxFiles.problems(checks));
        } catch (Exception e) {
            errors.add("XML không hợp lệ / invalid XML: " + e.getMessage());
        }
        require(errors, key != null && !key.isBlank(), "Idempotency-Key");
        if (mode == Mode.REFUSE || !errors.isEmpty()) {
            return ResponseEntity.ok(SandboxXml.answer("1", "", "Từ chối / Refused: "
                    + (errors.isEmpty() ? "test refusal" : String.join(", ", errors))));
        }
        partner.noteFiles(key, checks);
        boolean fresh = partner.receive(key, caseCode, body);
        return slowly(mode, ResponseEntity.ok(SandboxXml.answer(fresh ? "0" : "2", "BYT-" + partner.position(key),
                fresh ? "Đã tiếp nhận" : "Đã có")));
    }

    /**
     * A partner for any system an integrator is connecting, before its real system is ready: it
     * keeps every JSON or XML body that carries an Idempotency-Key and answers {@code {"status":
     * "received" | "duplicate", "ticket": "<system>-<n>"}}. Point a new connector's url at
     * {@code /sandbox/<system>/inbox} and see what it sends with {@code GET /sandbox/<system>/received}.
     */
    @PostMapping(path = "/{system}/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> anySystem(@PathVariable String system, @RequestBody String body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) throws Exception {
        SandboxPartner partner = sandboxes.partner(system);
        Mode mode = partner.nextAttempt();
        ResponseEntity<String> failure = misbehave(mode, "{\"status\": ");
        if (failure != null) {
            return failure;
        }
        if (mode == Mode.REFUSE || key == null || key.isBlank()) {
            return rejected(key == null || key.isBlank() ? List.of("thiếu / missing: Idempotency-Key") : List.of());
        }
        var code = CASE_CODE.matcher(body);
        return kept(mode, partner, key, code.find() ? code.group() : "", body, n -> system + "-" + n);
    }

    /** An SMS gateway: keeps each message once per reference and answers as a gateway that queued it. */
    @PostMapping(path = "/" + Sandboxes.SMS_GATEWAY + "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> smsGateway(@RequestBody String body) throws Exception {
        SandboxPartner partner = sandboxes.partner(Sandboxes.SMS_GATEWAY);
        ResponseEntity<String> failure = misbehave(partner.nextAttempt(), "{\"status\": ");
        if (failure != null) {
            return failure;
        }
        JsonNode m = json.readTree(body);
        var code = CASE_CODE.matcher(m.path("text").asText());
        partner.receive(m.path("reference").asText(), code.find() ? code.group() : "", body);
        return ResponseEntity.accepted().body(json.writeValueAsString(Map.of("status", "queued",
                "id", "SMS-" + partner.position(m.path("reference").asText()))));
    }

    /**
     * The ministry's daily export of the cases it holds (the new cases it received, not the hub's updates),
     * with how many records it has of each and its own status: what the hub reconciles against.
     */
    @GetMapping(path = "/bkhcn-api/export", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jsonMinistryExport() throws JsonProcessingException {
        SandboxPartner partner = sandboxes.partner(Sandboxes.JSON_MINISTRY);
        Map<String, Integer> copies = new java.util.LinkedHashMap<>();
        for (SandboxPartner.Received r : partner.all()) {
            if (!"CAP_NHAT".equals(json.readTree(r.body()).path("loai").asText())) {
                copies.merge(r.caseCode(), 1, Integer::sum);
            }
        }
        List<Map<String, Object>> cases = new ArrayList<>();
        copies.forEach((code, n) -> {
            Map<String, Object> c = new java.util.LinkedHashMap<>();
            c.put("maHoSoHub", code);
            c.put("soBanGhi", n);
            c.put("trangThai", partner.statusOf(code));
            cases.add(c);
        });
        return Map.of("ngayXuat", clock.instant().toString(), "hoSo", cases);
    }

    /** The partner's status of a case changes on its side without a message to the hub: a skipped status. */
    @PutMapping(path = "/{system}/cases/{caseCode}/status")
    void changeWithoutTelling(@PathVariable String system, @PathVariable String caseCode, @RequestBody Map<String, String> body) {
        sandboxes.partner(system).noteStatus(caseCode, body.get("status"));
    }

    /** The partner tells the hub what happened to a case, in its own format and by its own means. */
    @PostMapping(path = "/{system}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> sendStatus(@PathVariable String system, @RequestBody SandboxStatusSender.StatusRequest request)
            throws Exception {
        SandboxStatusSender.HubAnswer answer = statusSender.send(system, request);
        return ResponseEntity.status(answer.status()).body(answer.body());
    }

    /** The ministry signs its answers as the hub signs its messages, so that the hub keeps signed receipts. */
    private ResponseEntity<String> signed(ResponseEntity<String> answer, String keyVariable) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return ResponseEntity.status(answer.getStatusCode()).header("X-Pakn-Timestamp", timestamp)
                .header("X-Pakn-Signature", ConnectorSigner.signature(signer.keyFor(keyVariable), timestamp, answer.getBody()))
                .body(answer.getBody());
    }

    /** A JSON partner refusing the message: the rules it breaks, or a test refusal. */
    private ResponseEntity<String> rejected(List<String> errors) throws JsonProcessingException {
        return ResponseEntity.unprocessableEntity().body(json.writeValueAsString(Map.of("status", "rejected",
                "errors", errors.isEmpty() ? List.of("từ chối thử nghiệm / test refusal") : errors)));
    }

    /** A JSON partner keeping a valid message: 201 the first time, 200 for a copy, with its ticket. */
    private ResponseEntity<String> kept(Mode mode, SandboxPartner partner, String key, String caseCode, String body,
            IntFunction<String> ticket) throws JsonProcessingException {
        if (mode == Mode.LOSE) {
            // says it has it, keeps nothing: only reconciliation can find out
            return ResponseEntity.status(201).body(json.writeValueAsString(Map.of("status", "received", "ticket",
                    ticket.apply(0))));
        }
        boolean fresh = partner.receive(key, caseCode, body);
        if (fresh && mode == Mode.TWICE) {
            partner.receiveAgain(key, caseCode, body);
        }
        return slowly(mode, ResponseEntity.status(fresh ? 201 : 200).body(json.writeValueAsString(Map.of(
                "status", fresh ? "received" : "duplicate", "ticket", ticket.apply(partner.position(key))))));
    }

    /** Behaviours that do not depend on the message; null = go on and answer normally. */
    private ResponseEntity<String> misbehave(Mode mode, String malformedStart) {
        switch (mode) {
            case FAIL_5XX:
                return ResponseEntity.status(503).body("Service Unavailable");
            case MALFORMED:
                return ResponseEntity.ok(malformedStart + " <<<not what this system sends");
            default:
                return null;
        }
    }

    /**
     * A partner that did the work but answers after the hub stopped waiting: the hub cannot know the
     * item arrived, sends it again, and must be told it is a duplicate.
     */
    private ResponseEntity<String> slowly(Mode mode, ResponseEntity<String> answer) {
        if (mode == Mode.TIMEOUT) {
            try {
                Thread.sleep(timeoutMs + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer;
    }

    private static void require(List<String> errors, boolean ok, String what) {
        if (!ok) {
            errors.add("thiếu hoặc sai / missing or wrong: " + what);
        }
    }
}
