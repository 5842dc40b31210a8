package vn.paknhub.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import vn.paknhub.audit.AccessLog;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.ProblemDetails;

/**
 * Who calls, for every request: partner systems and bodies' machines present an opaque bearer token,
 * checked by Spring Security's bearer-token filter against the credential store ({@link MachineCredentials}).
 * The API is stateless (no session, no cookie: no CSRF to guard against); the operators' actuator endpoints
 * need the Central Party Office's credential; health and info stay open to probes. A refused credential is
 * answered in problem+json like every other refusal, and written in the access log. The Central Party Office's
 * own operations are marked on their handlers ({@link CentralOfficeOnly}) and checked by method security.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /** The paths of the officers' console and of their sign-in: sessions, CSRF tokens, a strict CSP. */
    static final String[] CONSOLE = {"/console", "/console/**", "/oauth2/authorization/**", "/login/oauth2/**"};

    @Bean
    OfficerSignIn officerSignIn(OfficerSignIn.Settings settings, CaseSettings cases) {
        return new OfficerSignIn(settings, cases.centralOffice());
    }

    @Bean
    ClientRegistrationRepository officerClients(Environment env, OfficerSignIn.Settings settings) {
        return new OfficerClients(env, settings);
    }

    /**
     * The console: officers signed in with OpenID Connect and a second factor; a visit without a session is
     * sent to the provider. Secure, HTTP-only session cookie (server.servlet.session.cookie), CSRF tokens on
     * every form, a Content-Security-Policy allowing nothing but the hub's own scripts, styles and images.
     */
    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, OfficerSignIn signIn, ClientRegistrationRepository clients)
            throws Exception {
        http.securityMatcher(CONSOLE)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/console/signed-out", "/console/refused", "/console/assets/**").permitAll()
                        // the Central Party Office's desks, by role (the pages also check the body)
                        .requestMatchers("/console/triage", "/console/triage/**").hasRole(OfficerSignIn.Role.CLERK.name())
                        .requestMatchers("/console/deliveries", "/console/deliveries/**", "/console/connectors/**",
                                "/console/mail", "/console/mail/**", "/console/parked/**", "/console/maintenance")
                                .hasRole(OfficerSignIn.Role.OPERATOR.name())
                        .requestMatchers("/console/scans", "/console/scans/**")
                                .hasAnyRole(OfficerSignIn.Role.CLERK.name(), OfficerSignIn.Role.OPERATOR.name())
                        .requestMatchers("/console/statistics", "/console/statistics/**")
                                .hasAnyRole(OfficerSignIn.Role.CLERK.name(), OfficerSignIn.Role.SUPERVISOR.name())
                        // a supervisor reads every case; steps are taken by a clerk or a body's officer
                        .requestMatchers(HttpMethod.POST, "/console/cases/*/actions")
                                .hasAnyRole(OfficerSignIn.Role.CLERK.name(), OfficerSignIn.Role.OFFICER.name())
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.accessDeniedPage("/console/forbidden"))
                .oauth2Login(o -> o.clientRegistrationRepository(clients)
                        // one provider: a visit without a session goes straight to it
                        .loginPage("/oauth2/authorization/" + OfficerClients.ID)
                        .userInfoEndpoint(u -> u.oidcUserService(signIn))
                        .defaultSuccessUrl("/console/")
                        .failureHandler((request, response, e) -> response.sendRedirect("/console/refused?reason="
                                + (e instanceof OAuth2AuthenticationException x ? x.getError().getErrorCode() : "error"))))
                .logout(l -> l.logoutUrl("/console/sign-out").logoutSuccessUrl("/console/signed-out"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self';"
                        + " style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, MachineCredentials credentials, AccessLog accessLog) throws Exception {
        AuthenticationEntryPoint refused = (request, response, e) -> refuse(request, response, accessLog, e);
        AccessDeniedHandler forbidden = (request, response, e) -> ProblemDetails.write(response,
                ApiProblem.centralOfficeOnly(), request.getRequestURI());
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(MachineCredentials.ROLE_CENTRAL_OFFICE)
                        // each API answers an anonymous caller itself, in its own words (AgencyAccess, and
                        // method security on the Central Party Office's handlers: CentralOfficeOnly, ProblemHandler)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(refused).accessDeniedHandler(forbidden))
                .oauth2ResourceServer(o -> o.opaqueToken(t -> t.introspector(credentials))
                        .authenticationEntryPoint(refused).accessDeniedHandler(forbidden));
        return http.build();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, AccessLog accessLog,
            AuthenticationException e) throws IOException {
        // logged before answering: once the caller has its answer, the log already holds the attempt
        if (request.getRequestURI().startsWith("/api/v1/") || request.getRequestURI().startsWith("/actuator/")) {
            accessLog.recordRefused(request.getHeader("Authorization") == null ? "anonymous" : "unknown-credential",
                    request.getMethod(), request.getRequestURI(), request.getQueryString(),
                    HttpStatus.UNAUTHORIZED.value(), request.getRemoteAddr());
        }
        ProblemDetails.write(response, ApiProblem.notAuthenticated(), request.getRequestURI());
    }
}
