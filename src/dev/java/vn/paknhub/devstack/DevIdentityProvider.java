package vn.paknhub.devstack;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The development hub's identity provider, standing in for the ministry's (Spring Authorization Server,
 * test scope: never in the production jar). Demo officers of the Central Party Office and two bodies
 * sign in with a password and a TOTP code (RFC 6238, as an authenticator app makes it); their passwords
 * and TOTP secrets are made for this run and printed in the start-up log. A sign-in without the code is
 * allowed here, with {@code amr: ["pwd"]} only, so that the hub's own refusal can be seen.
 */
@Configuration
@ConditionalOnProperty(name = "hub.dev-idp.enabled", havingValue = "true")
public class DevIdentityProvider {

    private static final Logger LOG = LoggerFactory.getLogger(DevIdentityProvider.class);
    static final String CLIENT_ID = "pakn-hub-console";
    private static final String AMR = "AMR_";

    /** A demo officer: sign in with {@code username}, {@code password} and {@link Totp#code} of {@code totpSecret}. */
    public record Officer(String username, String password, byte[] totpSecret, String name, String agency,
            List<String> roles) {

        public String totpSecretBase32() {
            return Totp.base32(totpSecret);
        }
    }

    /** The demo officers of this run. */
    public record Officers(List<Officer> all) {

        public Officer named(String username) {
            return all.stream().filter(o -> o.username().equals(username)).findFirst().orElseThrow();
        }

        Optional<Officer> find(String username) {
            return all.stream().filter(o -> o.username().equals(username)).findFirst();
        }
    }

    @Bean
    Officers devOfficers() {
        List<Officer> all = new ArrayList<>();
        all.add(officer("vptw.vanthu", "Nguyễn Thị Lan", "VPTW", "CLERK"));
        all.add(officer("vptw.giamsat", "Trần Văn Bình", "VPTW", "SUPERVISOR"));
        all.add(officer("vptw.vanhanh", "Lê Minh Quân", "VPTW", "OPERATOR"));
        all.add(officer("bkhcn.canbo", "Phạm Thu Hà", "BKHCN", "OFFICER"));
        all.add(officer("byt.canbo", "Hoàng Đức Long", "BYT", "OFFICER"));
        StringBuilder printed = new StringBuilder();
        for (Officer o : all) {
            printed.append("\n    ").append(o.username()).append(" (").append(o.name()).append(", ").append(o.agency())
                    .append(", ").append(String.join("+", o.roles())).append("): password ").append(o.password())
                    .append(", TOTP secret ").append(o.totpSecretBase32()).append(" (otpauth://totp/PAKN-Hub:")
                    .append(o.username()).append("?secret=").append(o.totpSecretBase32()).append("&issuer=PAKN-Hub)");
        }
        LOG.warn("Development identity provider: officers for this run only, sign in at /console/ with the password and"
                + " the TOTP code of an authenticator app holding the secret:" + printed);
        return new Officers(List.copyOf(all));
    }

    private static Officer officer(String username, String name, String agency, String role) {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        byte[] password = new byte[12];
        random.nextBytes(password);
        return new Officer(username, Base64.getUrlEncoder().withoutPadding().encodeToString(password), secret, name, agency,
                List.of(role));
    }

    /** The provider's endpoints and its login page; its own session key, apart from the console's. */
    @Bean
    @Order(0)
    SecurityFilterChain devIdentityProviderChain(HttpSecurity http, Officers officers, Clock clock) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        RequestMatcher endpoints = server.getEndpointsMatcher();
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey("PAKN_DEV_IDP_SECURITY_CONTEXT");
        HttpSessionRequestCache saved = new HttpSessionRequestCache();
        saved.setSessionAttrName("PAKN_DEV_IDP_SAVED_REQUEST");
        http.securityMatcher(new OrRequestMatcher(endpoints, request -> request.getRequestURI().startsWith("/idp/")))
                .with(server, s -> s.oidc(Customizer.withDefaults())
                        .authorizationEndpoint(a -> a.authorizationResponseHandler(DevIdentityProvider::codeWithoutSession)))
                .authorizeHttpRequests(a -> a.requestMatchers("/idp/login", "/idp/login.css").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/idp/login").authenticationDetailsSource(TotpDetails::new))
                .authenticationProvider(new PasswordAndTotp(officers, clock))
                .securityContext(c -> c.securityContextRepository(contexts))
                .requestCache(r -> r.requestCache(saved))
                .csrf(c -> c.ignoringRequestMatchers(endpoints))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/idp/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * Hands the code to the hub and forgets the sign-in: every visit to the console signs in afresh (a
     * refused sign-in can be retried with the code at once; the ministry's provider keeps its own sessions).
     */
    private static void codeWithoutSession(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
            Authentication authentication) throws java.io.IOException {
        var granted = (org.springframework.security.oauth2.server.authorization.authentication
                .OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute("PAKN_DEV_IDP_SECURITY_CONTEXT");
        }
        var uri = org.springframework.web.util.UriComponentsBuilder.fromUriString(granted.getRedirectUri())
                .queryParam("code", org.springframework.web.util.UriUtils.encode(granted.getAuthorizationCode().getTokenValue(),
                        StandardCharsets.UTF_8));
        if (granted.getState() != null) {
            uri.queryParam("state", org.springframework.web.util.UriUtils.encode(granted.getState(), StandardCharsets.UTF_8));
        }
        response.sendRedirect(uri.build(true).toUriString());
    }

    /** The issuer is taken from each request (http://localhost:<port>), the port being known only once the hub listens. */
    @Bean
    AuthorizationServerSettings devAuthorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    JWKSource<SecurityContext> devJwkSource() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** The hub's console as this provider's one client, its redirect address made once the port is known. */
    @Bean
    RegisteredClientRepository devClients(Environment env) {
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient client) {
                // the provider re-saves a client to upgrade its secret's encoding; this one is made anew each time
            }

            @Override
            public RegisteredClient findById(String id) {
                return CLIENT_ID.equals(id) ? client() : null;
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                return CLIENT_ID.equals(clientId) ? client() : null;
            }

            private RegisteredClient client() {
                String base = "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
                return RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID)
                        .clientSecret("{noop}" + env.getProperty("hub.console.oidc.client-secret"))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri(base + "/login/oauth2/code/officer")
                        .scope(OidcScopes.OPENID)
                        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                        .build();
            }
        };
    }

    /** The ID token says who signed in, how (amr), their body and roles, as the ministry's provider is set up to. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> devIdTokenClaims(Officers officers) {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            Authentication who = context.getPrincipal();
            officers.find(who.getName()).ifPresent(o -> context.getClaims().claims(c -> {
                c.put("name", o.name());
                c.put("pakn_agency", o.agency());
                c.put("pakn_roles", o.roles());
                c.put("amr", who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith(AMR)).map(a -> a.substring(AMR.length())).toList());
            }));
        };
    }

    /** The form's TOTP code, carried beside the user name and password. */
    static final class TotpDetails {
        private final String code;

        TotpDetails(HttpServletRequest request) {
            String c = request.getParameter("code");
            this.code = c == null ? "" : c.strip();
        }
    }

    /** Password, then the TOTP code when one is given: {@code amr} says which were shown. */
    static final class PasswordAndTotp implements AuthenticationProvider {
        private final Officers officers;
        private final Clock clock;

        PasswordAndTotp(Officers officers, Clock clock) {
            this.officers = officers;
            this.clock = clock;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            Officer o = officers.find(authentication.getName()).orElseThrow(() -> new BadCredentialsException("unknown"));
            String given = String.valueOf(authentication.getCredentials());
            if (!MessageDigest.isEqual(o.password().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
                throw new BadCredentialsException("wrong password");
            }
            List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority(AMR + "pwd")));
            String code = authentication.getDetails() instanceof TotpDetails d ? d.code : "";
            if (!code.isEmpty()) {
                if (!Totp.matches(o.totpSecret(), code, clock.instant().getEpochSecond())) {
                    throw new BadCredentialsException("wrong code");
                }
                authorities.add(new SimpleGrantedAuthority(AMR + "otp"));
            }
            return UsernamePasswordAuthenticationToken.authenticated(o.username(), null, authorities);
        }

        @Override
        public boolean supports(Class<?> type) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
        }
    }

    /** The provider's sign-in page (Vietnamese, with the English alongside). */
    @RestController
    @ConditionalOnProperty(name = "hub.dev-idp.enabled", havingValue = "true")
    static class LoginPage {

        @GetMapping(path = "/idp/login", produces = MediaType.TEXT_HTML_VALUE)
        @ResponseBody
        String login(HttpServletRequest request) {
            CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            boolean failed = request.getParameter("error") != null;
            return """
                    <!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>Đăng nhập / Sign in</title></head>
                    <body><main><h1>Đăng nhập hệ thống định danh (phát triển) / Development identity provider</h1>
                    %s<form method="post" action="/idp/login">
                    <p><label for="username">Tên đăng nhập / User name</label><br><input id="username" name="username" autocomplete="username" required autofocus></p>
                    <p><label for="password">Mật khẩu / Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
                    <p><label for="code">Mã xác thực (OTP) / One-time code</label><br><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}"></p>
                    <input type="hidden" name="%s" value="%s">
                    <p><button id="sign-in" type="submit">Đăng nhập / Sign in</button></p>
                    </form></main></body></html>""".formatted(failed
                    ? "<p id=\"error\" role=\"alert\">Sai tên đăng nhập, mật khẩu hoặc mã xác thực / wrong user name, password or code</p>"
                    : "", HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
        }
    }
}
