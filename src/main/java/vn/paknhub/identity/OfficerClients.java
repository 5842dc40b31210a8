package vn.paknhub.identity;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The hub as an OpenID Connect client of the ministry's identity provider, registration {@value #ID}. The
 * provider's metadata is read at the first sign-in, not at start-up: the hub starts (and serves its API)
 * while the provider is away, and on the development hub the provider is the hub itself, whose address is
 * known only once it listens.
 */
class OfficerClients implements ClientRegistrationRepository {

    static final String ID = "officer";

    private final Environment env;
    private final OfficerSignIn.Settings settings;
    private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

    OfficerClients(Environment env, OfficerSignIn.Settings settings) {
        this.env = env;
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration.get();
        if (known != null) {
            return known;
        }
        // read when used: on the development hub the issuer names the port the server took
        String issuer = env.getProperty("hub.console.oidc.issuer-uri", settings.issuerUri()).strip();
        if (issuer.isEmpty()) {
            throw new IllegalStateException("HUB_CONSOLE_OIDC_ISSUER_URI is not set: officers cannot sign in");
        }
        ClientRegistration made = ClientRegistrations.fromIssuerLocation(issuer).registrationId(ID)
                .clientId(settings.clientId())
                .clientSecret(env.getProperty("hub.console.oidc.client-secret", settings.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(settings.scopes())
                .clientName("PAKN Hub")
                .build();
        registration.compareAndSet(null, made);
        return registration.get();
    }
}
