package vn.paknhub.abuse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.ProblemDetails;

/**
 * The submitter API, per client address (Đ18–19): refused while an operator's lock or revocation covers
 * the address, and answered 429 with Retry-After beyond the limits on sending, reading and following up.
 * The address is the connection's, or the proxy's forwarded one where the operator has told Spring to
 * trust it ({@code SERVER_FORWARD_HEADERS_STRATEGY=native}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ClientLimitFilter extends OncePerRequestFilter {

    private static final String SUBMISSIONS = "/api/v1/submissions";
    /** Published answers and open data: read by anyone, so limited like the submitter's reads. */
    private static final String PUBLIC = "/api/public/";

    private final RateLimits limits;
    private final AbuseMeasures measures;

    ClientLimitFilter(RateLimits limits, AbuseMeasures measures) {
        this.limits = limits;
        this.measures = measures;
    }

    /** The other doors an item comes in by: the public form and Open311's POST requests (sending), the public follow-up page. */
    private static final String PUBLIC_FORM = "/gui-pakn";
    private static final String PUBLIC_LOOKUP = "/tra-cuu";
    private static final String OPEN311_REQUESTS = "/open311/v2/requests.";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean post = "POST".equals(request.getMethod());
        return !(path.equals(SUBMISSIONS) || path.startsWith(SUBMISSIONS + "/") || path.startsWith(PUBLIC)
                || post && (path.equals(PUBLIC_FORM) || path.equals(PUBLIC_LOOKUP) || path.startsWith(OPEN311_REQUESTS)));
    }

    private static RateLimits.Kind kindOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.equals(SUBMISSIONS) || path.equals(PUBLIC_FORM) || path.startsWith(OPEN311_REQUESTS)) {
            return RateLimits.Kind.SUBMIT;
        }
        return "GET".equals(request.getMethod()) || path.equals(PUBLIC_LOOKUP) ? RateLimits.Kind.LOOKUP
                : RateLimits.Kind.FOLLOW_UP;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        RateLimits.Kind kind = kindOf(request);
        Optional<AbuseMeasures.Measure> measure;
        Optional<Duration> wait;
        try {
            measure = measures.onAddress(address);
            wait = measure.isPresent() && measure.get().refuses() ? Optional.empty() : limits.take(kind, address);
        } catch (RuntimeException storeDown) {
            // the limits live in the database: when it cannot be reached, nothing could be taken anyway
            logger.debug("Rate limits not read (" + storeDown + "): answered 503");
            ProblemDetails.write(response, ApiProblem.unavailable(), request.getRequestURI());
            return;
        }
        if (measure.isPresent() && measure.get().refuses()) {
            ProblemDetails.write(response, SubmitterGuard.refused(measure.get()), request.getRequestURI());
            return;
        }
        if (wait.isPresent()) {
            ProblemDetails.write(response, ApiProblem.tooMany("", "D18-client-rate-limit",
                    "Địa chỉ này gửi quá nhiều yêu cầu trong thời gian ngắn; vui lòng thử lại sau.",
                    "Too many requests from this address in a short time; please try again later.",
                    wait.get().toSeconds()), request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
