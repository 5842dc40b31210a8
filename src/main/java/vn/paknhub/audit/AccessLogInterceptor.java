package vn.paknhub.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.paknhub.agency.AgencyAccess;

/**
 * Writes every request to the agency and operator APIs and every page of the console in the access log
 * (an officer by body, subject and name), once answered: the lists,
 * histories, statistics and downloads read, the actions taken, and the attempts refused. The submitter
 * API is not logged here (anonymous; its reads and changes are in the case history).
 */
@Configuration
class AccessLogInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogInterceptor.class);

    private final AccessLog log;
    private final AgencyAccess access;

    AccessLogInterceptor(AccessLog log, AgencyAccess access) {
        this.log = log;
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**", "/console", "/console/**")
                .excludePathPatterns("/api/v1/submissions", "/api/v1/submissions/**", "/api/v1/openapi.yaml",
                        "/api/v1/evidence/signing-keys", "/console/assets/**", "/console/signed-out", "/console/refused");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        // an unknown credential is refused before any API (and logged there, identity.SecurityConfiguration)
        String actor = access.actorLabel();
        try {
            log.record(actor, request.getMethod(), request.getRequestURI(), request.getQueryString(), response.getStatus(),
                    request.getRemoteAddr());
        } catch (RuntimeException e) {
            // the answer is already given; the database being down is reported by readiness
            LOG.warn("Access not logged ({} {} by {}): {}", request.getMethod(), request.getRequestURI(), actor, e.toString());
        }
    }
}
