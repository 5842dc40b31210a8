package vn.paknhub.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.abuse.SubmitterGuard;
import vn.paknhub.casefile.Channel;
import vn.paknhub.casefile.ItemKind;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.intake.FieldCatalogue;
import vn.paknhub.intake.IntakeService;
import vn.paknhub.intake.SubmissionReceipt;
import vn.paknhub.intake.SubmissionRequest;
import vn.paknhub.intake.Submitter;

/**
 * Open311 GeoReport v2 (with mySociety's {@code servicerequestupdates}) for the civic-report apps:
 * the services are the Đ6 fields, a posted request goes through the same validation (Đ8) and intake
 * as the web form and gets the same tracking code, and the answers come in XML or JSON by extension.
 *
 * <p>Items are not public until published with consent (Đ12.4b): a request is visible to the client
 * application that posted it (its {@code api_key}) and, once published, to everyone; the listing
 * never carries the submitter's details.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    /** The pseudo-service for an item whose writer does not know its field: the hub classifies it. */
    static final String UNCLASSIFIED = "chua-ro";
    private static final int TITLE_MAX = 200;

    private final FieldCatalogue fields;
    private final IntakeService intake;
    private final SubmitterGuard guard;
    private final Open311Clients clients;
    private final Open311Requests requests;

    Open311Controller(FieldCatalogue fields, IntakeService intake, SubmitterGuard guard, Open311Clients clients,
            Open311Requests requests) {
        this.fields = fields;
        this.intake = intake;
        this.guard = guard;
        this.clients = clients;
        this.requests = requests;
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format) {
        Open311Format f = Open311Format.of(format);
        List<Map<String, Object>> out = new ArrayList<>();
        for (FieldCatalogue.Field field : fields.all()) {
            out.add(service(field.code(), field.nameVi(), "Lĩnh vực " + field.letter() + " (Điều 6 Quy chế 03-QC/BCĐTW) — "
                    + field.nameEn()));
        }
        out.add(service(UNCLASSIFIED, "Chưa rõ lĩnh vực", "Hệ thống phân loại lĩnh vực theo nội dung — the hub"
                + " classifies the field from the text"));
        return f.list(HttpStatus.OK, "services", out);
    }

    private static Map<String, Object> service(String code, String name, String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", code);
        s.put("service_name", name);
        s.put("description", description);
        s.put("metadata", true);
        s.put("type", "realtime");
        s.put("keywords", "PAKN, SKGP, phản ánh, kiến nghị, sáng kiến, giải pháp");
        s.put("group", "Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số");
        return s;
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
        Open311Format f = Open311Format.of(format);
        if (!UNCLASSIFIED.equals(code) && fields.find(code).isEmpty()) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "service_code", "không có dịch vụ «" + code
                    + "» / no such service", f);
        }
        List<Map<String, Object>> attributes = new ArrayList<>();
        attributes.add(attribute(1, "title", "string", false, "Tiêu đề (10–300 ký tự); để trống thì lấy câu đầu của"
                + " nội dung / title, else the first sentence of the description", null));
        attributes.add(attribute(2, "consent_to_publish", "singlevaluelist", true, "Đồng ý công khai nội dung và danh"
                + " tính khi có kết quả (Điều 5.1) / consent to publication", List.of(value("true", "Đồng ý"),
                        value("false", "Không đồng ý"))));
        attributes.add(attribute(3, "contact_address", "string", true, "Địa chỉ liên hệ của người gửi (Điều 8.2) /"
                + " the submitter's contact address", null));
        attributes.add(attribute(4, "kind", "singlevaluelist", false, "Loại PAKN, SKGP (Điều 3.1) / item kind",
                Arrays.stream(ItemKind.values()).map(k -> value(k.name(), k.labelVi())).toList()));
        attributes.add(attribute(5, "organisation", "string", false, "Tên tổ chức (nếu gửi thay mặt tổ chức) /"
                + " organisation", null));
        attributes.add(attribute(6, "addressee", "string", false, "Cơ quan muốn gửi tới (Điều 10.4) / addressee", null));
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("service_code", code);
        def.put("attributes", attributes);
        return f.object("service_definition", def);
    }

    private static Map<String, Object> attribute(int order, String code, String datatype, boolean required,
            String description, List<Map<String, Object>> values) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("variable", true);
        a.put("code", code);
        a.put("datatype", datatype);
        a.put("required", required);
        a.put("datatype_description", null);
        a.put("order", order);
        a.put("description", description);
        if (values != null) {
            a.put("values", values);
        }
        return a;
    }

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", key);
        v.put("name", name);
        return v;
    }

    /** The request parameters come form-encoded, as the specification has them; attributes as {@code attribute[code]}. */
    @PostMapping("/requests.{format}")
    ResponseEntity<String> post(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        Open311Format f = Open311Format.of(format);
        long client = clients.find(params.getFirst("api_key")).orElseThrow(() -> new Open311Exception(
                HttpStatus.FORBIDDEN, "api_key", "khoá API không hợp lệ hoặc đã bị thu hồi / invalid or revoked api_key", f));
        String serviceCode = params.getFirst("service_code");
        if (serviceCode == null || !UNCLASSIFIED.equals(serviceCode) && fields.find(serviceCode).isEmpty()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_code", "cần mã dịch vụ trong danh sách services"
                    + " / a service_code from the services list is required", f);
        }
        String description = params.getFirst("description");
        String name = String.join(" ", Optional.ofNullable(params.getFirst("first_name")).orElse(""),
                Optional.ofNullable(params.getFirst("last_name")).orElse("")).strip();
        Boolean consent = switch (Optional.ofNullable(attr(params, "consent_to_publish")).orElse("")) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
        SubmissionRequest request = new SubmissionRequest(title(attr(params, "title"), description),
                content(description, params), UNCLASSIFIED.equals(serviceCode) ? null : serviceCode,
                attr(params, "addressee"), new Submitter(name.isEmpty() ? null : name, attr(params, "organisation"),
                        attr(params, "contact_address"), params.getFirst("phone"), params.getFirst("email"), null, null),
                consent, attr(params, "kind"));
        SubmissionReceipt receipt;
        try {
            var warning = guard.admit(request.submitter());
            receipt = intake.submit(request, List.of(), Channel.WEB, null);
            warning.ifPresent(m -> guard.noteWarning(receipt.code(), m));
        } catch (ApiProblem problem) {
            throw translated(problem, f);
        }
        clients.recordRequest(receipt.code(), client);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", receipt.code());
        r.put("service_notice", "Đã tiếp nhận. Mã số theo dõi " + receipt.code() + ", mã bí mật tra cứu "
                + receipt.lookupSecret() + " (chỉ hiện một lần; tra cứu tại /tra-cuu). Cơ quan có thẩm quyền phân loại,"
                + " tiếp nhận trong 5 ngày làm việc (Điều 11.2).");
        r.put("account_id", params.getFirst("account_id"));
        // an extension: the secret the person needs to follow the item on the public pages, shown this once
        r.put("lookup_secret", receipt.lookupSecret());
        return f.list(HttpStatus.CREATED, "service_requests", List.of(r));
    }

    private static String attr(MultiValueMap<String, String> params, String code) {
        String v = params.getFirst("attribute[" + code + "]");
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The title given, else the description's first sentence, cut at a word before 200 characters. */
    static String title(String given, String description) {
        if (given != null) {
            return given;
        }
        if (description == null || description.isBlank()) {
            return null;
        }
        String text = description.strip().replaceAll("\\s+", " ");
        int end = text.length();
        for (String stop : List.of(". ", "? ", "! ", "\n")) {
            int i = text.indexOf(stop);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        String first = text.substring(0, end);
        if (first.length() <= TITLE_MAX) {
            return first;
        }
        int cut = first.lastIndexOf(' ', TITLE_MAX - 1);
        return first.substring(0, cut > 10 ? cut : TITLE_MAX - 1) + "…";
    }

    /** The description, with the place the app reported (address, coordinates, picture address) after it. */
    private static String content(String description, MultiValueMap<String, String> params) {
        if (description == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(description);
        String address = params.getFirst("address_string");
        String lat = params.getFirst("lat");
        String lon = params.getFirst("long");
        if (address != null && !address.isBlank() || lat != null && lon != null) {
            s.append("\n\nĐịa điểm: ").append(address == null ? "" : address.strip());
            if (lat != null && lon != null) {
                s.append(" (").append(lat.strip()).append(", ").append(lon.strip()).append(")");
            }
        }
        // never fetched by the hub (it would let a caller make the hub call any address); kept as a link
        String media = params.getFirst("media_url");
        if (media != null && !media.isBlank()) {
            s.append("\nẢnh, tệp kèm theo: ").append(media.strip());
        }
        return s.toString();
    }

    /** The intake's field names, as the Open311 parameters a client sent. */
    private static final Map<String, String> PARAMETER = Map.ofEntries(Map.entry("title", "attribute[title]"),
            Map.entry("content", "description"), Map.entry("field", "service_code"),
            Map.entry("consentToPublish", "attribute[consent_to_publish]"), Map.entry("kind", "attribute[kind]"),
            Map.entry("addressee", "attribute[addressee]"), Map.entry("submitter", "first_name"),
            Map.entry("submitter.fullName", "first_name"), Map.entry("submitter.address", "attribute[contact_address]"),
            Map.entry("submitter.organisation", "attribute[organisation]"), Map.entry("submitter.phone", "phone"),
            Map.entry("submitter.email", "email"));

    private static Open311Exception translated(ApiProblem problem, Open311Format f) {
        HttpStatus status = problem.status() == HttpStatus.UNPROCESSABLE_ENTITY ? HttpStatus.BAD_REQUEST : problem.status();
        List<Open311Exception.Error> errors = problem.errors().isEmpty()
                ? List.of(new Open311Exception.Error(status.value(), problem.titleVi() + " / " + problem.titleEn()))
                : problem.errors().stream().map((FieldError e) -> new Open311Exception.Error(status.value(),
                        PARAMETER.getOrDefault(e.field(), e.field()) + ": " + e.message() + " / " + e.messageEn()
                                + " [" + e.rule() + "]")).toList();
        return new Open311Exception(status, errors, f);
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> list(@PathVariable String format, @RequestParam Map<String, String> params) {
        Open311Format f = Open311Format.of(format);
        Optional<Long> client = apiKey(params, f);
        List<String> ids = params.get("service_request_id") == null ? List.of()
                : Arrays.stream(params.get("service_request_id").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .toList();
        String status = params.get("status");
        if (status != null && !List.of("open", "closed").contains(status)) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "status", "open hoặc closed / open or closed", f);
        }
        return f.list(HttpStatus.OK, "service_requests", requests.find(client, ids, params.get("service_code"), status,
                date("start_date", params.get("start_date"), f), date("end_date", params.get("end_date"), f)));
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> one(@PathVariable String id, @PathVariable String format,
            @RequestParam Map<String, String> params) {
        Open311Format f = Open311Format.of(format);
        List<Map<String, Object>> found = requests.find(apiKey(params, f), List.of(id), null, null, null, null);
        if (found.isEmpty()) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id", "không có yêu cầu «" + id
                    + "» mà ứng dụng này được xem / no such request visible to this client", f);
        }
        return f.list(HttpStatus.OK, "service_requests", found);
    }

    /** mySociety's extension: the updates of the visible requests between two instants. */
    @GetMapping("/servicerequestupdates.{format}")
    ResponseEntity<String> updates(@PathVariable String format, @RequestParam Map<String, String> params) {
        Open311Format f = Open311Format.of(format);
        return f.list(HttpStatus.OK, "service_request_updates", requests.updates(apiKey(params, f),
                date("start_date", params.get("start_date"), f), date("end_date", params.get("end_date"), f)));
    }

    /** A key is optional on reads (published items only without one), but a wrong one is refused, not ignored. */
    private Optional<Long> apiKey(Map<String, String> params, Open311Format f) {
        String key = params.get("api_key");
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(clients.find(key).orElseThrow(() -> new Open311Exception(HttpStatus.FORBIDDEN, "api_key",
                "khoá API không hợp lệ hoặc đã bị thu hồi / invalid or revoked api_key", f)));
    }

    private static Instant date(String name, String value, Open311Format f) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, name, "thời điểm W3C, ví dụ 2026-12-01T00:00:00+07:00 /"
                    + " a W3C date-time with its offset", f);
        }
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> refused(Open311Exception e) {
        return e.format.list(e.status, "errors", e.errors.stream().map(err -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", err.code());
            m.put("description", err.description());
            return m;
        }).toList());
    }
}
