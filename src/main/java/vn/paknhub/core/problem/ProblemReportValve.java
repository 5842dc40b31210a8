package vn.paknhub.core.problem;

import java.io.IOException;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own refusals — a request it cannot parse before any servlet sees it (a header over the size
 * limit, an encoded slash in the path, a malformed request line) — answered as problem+json instead of
 * Tomcat's HTML page. Errors inside the application never get here: they have their own answer.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.resetBuffer();
            ProblemDetails.write(response.getResponse(), problem(status, throwable), null);
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer already started: nothing more can be said
        }
    }

    static ApiProblem problem(int status, Throwable cause) {
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null) {
            resolved = HttpStatus.BAD_REQUEST;
        }
        String reason = cause == null || cause.getMessage() == null ? "" : cause.getMessage().toLowerCase();
        if (resolved == HttpStatus.BAD_REQUEST && reason.contains("header")) {
            return new ApiProblem(resolved, "Yêu cầu không đúng định dạng", "Malformed request", List.of(new FieldError(
                    "header", "header-size", "Tiêu đề (header) của yêu cầu quá lớn hoặc không hợp lệ.",
                    "A request header is too large or invalid.")));
        }
        if (resolved == HttpStatus.BAD_REQUEST) {
            return new ApiProblem(resolved, "Yêu cầu không đúng định dạng", "Malformed request", List.of(new FieldError(
                    "$", "http-syntax", "Dòng yêu cầu, đường dẫn hoặc tiêu đề không hợp lệ (ví dụ %2F trong đường dẫn).",
                    "The request line, path or headers are invalid (for example %2F in the path).")));
        }
        return new ApiProblem(resolved, "Yêu cầu không thể xử lý", resolved.getReasonPhrase(), List.of());
    }
}
