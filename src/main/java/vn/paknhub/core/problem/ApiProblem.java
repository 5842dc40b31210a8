package vn.paknhub.core.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An answer the caller can act on: an HTTP status, a problem type, a bilingual title and the
 * rules that were broken. Thrown by any capability; rendered as RFC 9457 problem+json.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String titleVi;
    private final String titleEn;
    private final List<FieldError> errors;
    private final long retryAfterSeconds;

    public ApiProblem(HttpStatus status, String titleVi, String titleEn, List<FieldError> errors) {
        this(status, titleVi, titleEn, errors, 0);
    }

    private ApiProblem(HttpStatus status, String titleVi, String titleEn, List<FieldError> errors, long retryAfterSeconds) {
        super(status.value() + ": " + titleEn, null, false, false);
        this.status = status;
        this.titleVi = titleVi;
        this.titleEn = titleEn;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Too many requests (Đ18–19): the rule broken, and when the caller may try again. */
    public static ApiProblem tooMany(String field, String rule, String messageVi, String messageEn, long retryAfterSeconds) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Gửi quá nhiều yêu cầu, vui lòng thử lại sau",
                "Too many requests, please try again later", List.of(new FieldError(field, rule, messageVi, messageEn)),
                Math.max(1, retryAfterSeconds));
    }

    /** Refused by an operator's measure (a lock or a revocation, Đ19). */
    public static ApiProblem forbidden(String field, String rule, String messageVi, String messageEn) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Không được phép gửi yêu cầu", "Request not allowed",
                List.of(new FieldError(field, rule, messageVi, messageEn)));
    }

    /** The seconds to wait before trying again, 0 when the status's usual answer applies. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** No credential, or none the hub knows: the one answer of the API and its filter chain. */
    public static ApiProblem notAuthenticated() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "Chưa xác thực cơ quan", "Agency not authenticated", List.of());
    }

    /** The triage queue, deliveries, connectors and the operators' endpoints are the Central Party Office's (Đ21). */
    public static ApiProblem centralOfficeOnly() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Chỉ Văn phòng Trung ương Đảng được thực hiện",
                "Only the Central Party Office may do this", List.of());
    }

    public static ApiProblem notFound(String whatVi, String whatEn) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Không tìm thấy " + whatVi, "No such " + whatEn, List.of());
    }

    /** Something the caller could not cause; the cause stays in the hub's log. */
    public static ApiProblem internal() {
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "Hệ thống gặp lỗi, vui lòng thử lại sau",
                "Internal error, please try again later", List.of());
    }

    /** The hub cannot store or read right now (its database is unreachable); nothing was kept. */
    public static ApiProblem unavailable() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Hệ thống tạm thời chưa tiếp nhận được, vui lòng gửi lại sau ít phút",
                "Temporarily unavailable, please send again in a few moments", List.of());
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Dữ liệu không hợp lệ", "Invalid request", errors);
    }

    public static ApiProblem invalid(String field, String rule, String messageVi, String messageEn) {
        return invalid(List.of(new FieldError(field, rule, messageVi, messageEn)));
    }

    /** A day written YYYY-MM-DD; anything else is refused naming the field. */
    public static java.time.LocalDate date(String field, String value) {
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid(field, "date", "«" + field + "» phải là ngày dạng YYYY-MM-DD.",
                    "'" + field + "' must be a date as YYYY-MM-DD.");
        }
    }

    /**
     * The value of a query parameter that takes one of a few words (a status), in capitals; any
     * other value is refused naming the parameter and the words it takes.
     */
    public static String oneOf(String field, String value, List<String> allowed) {
        String v = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            String words = String.join(", ", allowed);
            throw invalid(field, "one-of", "«" + field + "» phải là một trong: " + words + ".",
                    "'" + field + "' must be one of: " + words + ".");
        }
        return v;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem type of the contract (schemas/openapi.yaml): one per status, the rules tell the rest. */
    public String type() {
        return switch (status) {
            case BAD_REQUEST -> "malformed-request";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "illegal-transition";
            case PAYLOAD_TOO_LARGE -> "payload-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case UNPROCESSABLE_ENTITY -> "validation-failed";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            case SERVICE_UNAVAILABLE -> "service-unavailable";
            default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
        };
    }

    public String titleVi() {
        return titleVi;
    }

    public String titleEn() {
        return titleEn;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
