package vn.paknhub.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.ProblemDetails;

/**
 * The operators' actuator endpoints (metrics, Prometheus, Camel routes) answer only the Central Party
 * Office's credential, which runs the system (Đ21); health and info stay open to load balancers and probes.
 */
@Component
class OperatorEndpointsFilter extends OncePerRequestFilter {

    private final AgencyAccess access;

    OperatorEndpointsFilter(AgencyAccess access) {
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/actuator") || path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || path.equals("/actuator/info");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            access.requireCentralOffice(request.getHeader("Authorization"));
        } catch (ApiProblem refused) {
            ProblemDetails.write(response, refused, request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
