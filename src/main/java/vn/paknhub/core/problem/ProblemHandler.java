package vn.paknhub.core.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error into RFC 9457 problem+json with the broken rule named, Vietnamese first.
 * Nothing internal (stack traces, SQL, class names) reaches the caller.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem p, WebRequest request) {
        return render(p, request);
    }

    /**
     * Method security refused the handler (identity.CentralOfficeOnly). Answered here, not left to the filter
     * chain, so that the access log (written once the handler is done) holds the status the caller got.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, WebRequest request) {
        return render(refusal(SecurityContextHolder.getContext().getAuthentication()), request);
    }

    /** Method security found no caller at all (no security context): not authenticated, as without a token. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, WebRequest request) {
        return render(ApiProblem.notAuthenticated(), request);
    }

    /**
     * A refusal in the words a hand-made check used: no caller is not authenticated (401); a caller is not the
     * Central Party Office, the one role the API checks (as the filter chain's AccessDeniedHandler says too).
     */
    static ApiProblem refusal(@Nullable Authentication caller) {
        return TRUST.isAuthenticated(caller) ? ApiProblem.centralOfficeOnly() : ApiProblem.notAuthenticated();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        return render(ApiProblem.invalid("query:" + e.getName(), "format",
                "Giá trị của «" + e.getName() + "» không hợp lệ.", "Invalid value for '" + e.getName() + "'."), request);
    }

    /** The database cannot be reached (or not in time): nothing was stored; the client may try again shortly. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
        TransientDataAccessException.class})
    ResponseEntity<Object> unavailable(Exception e, WebRequest request) {
        LOG.warn("Database unavailable answering {}: {}", describe(request), e.getMessage());
        return render(ApiProblem.unavailable(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        LOG.error("Unexpected error answering {}", describe(request), e);
        return render(ApiProblem.internal(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonBodyLimitFilter.BodyTooLarge) {
                return render(tooLarge("$", "body-size", "Nội dung yêu cầu vượt quá dung lượng cho phép.",
                        "The request body exceeds the allowed size."), request);
            }
        }
        return render(unreadable(e.getMostSpecificCause()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return render(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Kiểu nội dung không được hỗ trợ", "Unsupported content type",
                List.of(new FieldError("header:Content-Type", "media-type",
                        "Chỉ chấp nhận: " + supported + ".", "Accepted: " + supported + "."))), request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return render(tooLarge("attachments", "attachment-size", "Tệp đính kèm hoặc yêu cầu vượt quá dung lượng cho phép.",
                "An attachment or the request exceeds the allowed size."), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String part = e.getRequestPartName();
        return render(ApiProblem.invalid(part, "required", "Thiếu phần «" + part + "» trong yêu cầu multipart.",
                "The multipart request lacks the part '" + part + "'."), request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return render(ApiProblem.notFound("địa chỉ này", "resource"), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return render(new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "Phương thức không được hỗ trợ", "Method not allowed", List.of()), request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            org.springframework.web.bind.ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            String h = missing.getHeaderName();
            return render(ApiProblem.invalid("header:" + h, "required", "Thiếu tiêu đề «" + h + "».", "Missing header '" + h + "'."),
                    request);
        }
        return render(ApiProblem.invalid("$", "format", "Yêu cầu không hợp lệ.", "Malformed request."), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        HttpStatus resolved = HttpStatus.resolve(status.value());
        String reason = resolved == null ? "Error" : resolved.getReasonPhrase();
        return render(new ApiProblem(resolved == null ? HttpStatus.BAD_REQUEST : resolved, "Yêu cầu không thể xử lý", reason, List.of()), request);
    }

    public static ApiProblem tooLarge(String field, String rule, String vi, String en) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "Dữ liệu quá lớn", "Payload too large",
                List.of(new FieldError(field, rule, vi, en)));
    }

    private static ApiProblem unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return badRequest(field, "unknown-field", "Trường «" + field + "» không có trong mẫu dữ liệu.",
                    "Unknown field '" + field + "'.");
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((JsonMappingException) cause);
            return badRequest(field.isEmpty() ? "$" : field, "type",
                    "Kiểu dữ liệu của «" + field + "» không đúng.", "Wrong data type for '" + field + "'.");
        }
        if (cause instanceof JsonProcessingException j && j.getLocation() != null) {
            String where = "dòng " + j.getLocation().getLineNr() + ", cột " + j.getLocation().getColumnNr();
            String whereEn = "line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
            return badRequest("$", "malformed-json", "JSON không đúng cú pháp (" + where + ").",
                    "Malformed JSON (" + whereEn + ").");
        }
        return badRequest("$", "malformed-json", "Không đọc được nội dung yêu cầu (JSON).",
                "The request body could not be read as JSON.");
    }

    private static ApiProblem badRequest(String field, String rule, String vi, String en) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Yêu cầu không đúng định dạng", "Malformed request",
                List.of(new FieldError(field, rule, vi, en)));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ResponseEntity<Object> render(ApiProblem p, WebRequest request) {
        String instance = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
        return ResponseEntity.status(p.status()).headers(ProblemDetails.headers(p)).body(ProblemDetails.of(p, instance));
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest s
                ? s.getRequest().getMethod() + " " + s.getRequest().getRequestURI() : request.toString();
    }
}
