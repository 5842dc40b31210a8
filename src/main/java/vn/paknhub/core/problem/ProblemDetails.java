package vn.paknhub.core.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * The one shape of every error answer (RFC 9457 problem+json): the MVC handler, the servlet filters, the
 * error page and Tomcat's own refusals (a request it cannot even parse) all write it from here.
 */
public final class ProblemDetails {

    /** Seconds a client is told to wait when the hub cannot store or read right now. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private ProblemDetails() {
    }

    public static ProblemDetail of(ApiProblem p, String instance) {
        ProblemDetail body = ProblemDetail.forStatus(p.status());
        body.setType(URI.create("/problems/" + p.type()));
        body.setTitle(p.titleVi() + " / " + p.titleEn());
        body.setDetail(detail(p));
        if (instance != null) {
            body.setInstance(URI.create(instance));
        }
        if (!p.errors().isEmpty()) {
            body.setProperty("errors", p.errors());
        }
        return body;
    }

    /** The headers an answer of this status carries beside its body. */
    public static HttpHeaders headers(ApiProblem p) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (p.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pakn-hub\"");
        }
        if (p.status() == HttpStatus.SERVICE_UNAVAILABLE || p.status() == HttpStatus.TOO_MANY_REQUESTS) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(p.retryAfterSeconds() > 0 ? p.retryAfterSeconds() : RETRY_AFTER_SECONDS));
        }
        return headers;
    }

    /** Writes the answer outside Spring MVC (filters, Tomcat's valve). */
    public static void write(HttpServletResponse response, ApiProblem p, String instance) throws IOException {
        response.setStatus(p.status().value());
        headers(p).forEach((name, values) -> values.forEach(v -> response.setHeader(name, v)));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = JSON.writeValueAsBytes(of(p, instance));
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    private static String detail(ApiProblem p) {
        if (p.errors().size() == 1) {
            FieldError only = p.errors().get(0);
            return only.message() + " / " + only.messageEn();
        }
        if (p.errors().isEmpty()) {
            return p.titleVi() + ". / " + p.titleEn() + ".";
        }
        return "Có " + p.errors().size() + " lỗi, xem «errors». / " + p.errors().size() + " problems, see 'errors'.";
    }
}
