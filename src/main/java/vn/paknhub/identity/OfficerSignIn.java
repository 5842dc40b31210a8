package vn.paknhub.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Officers sign in as people (Đ17.1): OpenID Connect against the ministry's identity provider, refused
 * unless the ID token shows a second factor ({@code amr} naming one of {@link Settings#secondFactorAmr}, or
 * an {@code acr} among {@link Settings#secondFactorAcr}). The body and the roles come from claims the
 * provider is configured to add.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8176">RFC 8176, authentication method reference values</a>
 */
public class OfficerSignIn extends OidcUserService {

    /**
     * @param issuerUri       the provider's issuer (its /.well-known/openid-configuration is read at the first sign-in)
     * @param clientId        the hub's client at the provider
     * @param clientSecret    its secret (environment only)
     * @param secondFactorAmr amr values that show a second factor (RFC 8176: otp, mfa, hwk, swk, sms, ...)
     * @param secondFactorAcr acr values that show one (the provider's own levels); empty for none
     * @param agencyClaim     the claim naming the officer's body (its code)
     * @param rolesClaim      the claim listing the officer's roles in the hub
     * @param scopes          the scopes asked for (openid, and profile for the officer's name)
     */
    @ConfigurationProperties("hub.console.oidc")
    public record Settings(@DefaultValue("") String issuerUri, @DefaultValue("pakn-hub-console") String clientId,
            @DefaultValue("") String clientSecret, @DefaultValue({"otp", "mfa", "hwk", "swk", "sms"}) List<String> secondFactorAmr,
            @DefaultValue({}) List<String> secondFactorAcr, @DefaultValue("pakn_agency") String agencyClaim,
            @DefaultValue("pakn_roles") String rolesClaim, @DefaultValue({"openid", "profile"}) List<String> scopes) {
    }

    /** The hub's roles for people (issue 23): what each may see and do in the console. */
    public enum Role {
        /** central-office clerk (VPTW): triage, forward, review */
        CLERK,
        /** an officer of one body: its inbox and cases */
        OFFICER,
        /** reads everything, escalations */
        SUPERVISOR,
        /** deliveries, connectors, mail, scans */
        OPERATOR;

        public String authority() {
            return "ROLE_" + name();
        }
    }

    /** Why a sign-in was refused: the token shows no second factor. */
    public static final String SECOND_FACTOR_REQUIRED = "second_factor_required";
    public static final String NO_BODY = "no_body";

    private final Settings settings;
    private final String centralOffice;

    /** @param centralOffice the Central Party Office's code (hub.case.central-office): its officers run the hub */
    public OfficerSignIn(Settings settings, String centralOffice) {
        this.settings = settings;
        this.centralOffice = centralOffice.toUpperCase(Locale.ROOT);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = super.loadUser(request);
        if (!hasSecondFactor(user.getClaimAsStringList("amr"), user.getClaimAsString("acr"))) {
            throw new OAuth2AuthenticationException(new OAuth2Error(SECOND_FACTOR_REQUIRED,
                    "Đăng nhập cần yếu tố xác thực thứ hai / a second factor is required", null));
        }
        String agency = user.getClaimAsString(settings.agencyClaim());
        if (agency == null || agency.isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_BODY,
                    "Tài khoản chưa gắn với cơ quan nào / the account names no body", null));
        }
        return new DefaultOidcUser(authorities(agency, user.getAuthorities(), user.getClaimAsStringList(settings.rolesClaim())),
                user.getIdToken(), user.getUserInfo());
    }

    /**
     * What the officer may do: what the provider granted, the hub's roles they claim, and — for the Central
     * Party Office's officers — the same authority its machine credential carries, so that its operations
     * ({@link CentralOfficeOnly}) open to its people in the console as to its system over the API.
     */
    List<GrantedAuthority> authorities(String agency, Collection<? extends GrantedAuthority> granted, List<String> claimedRoles) {
        List<GrantedAuthority> authorities = new ArrayList<>(granted);
        authorities.addAll(rolesOf(claimedRoles));
        // the body is compared as AgencyAccess.caller() reads it: upper case
        if (agency != null && agency.toUpperCase(Locale.ROOT).equals(centralOffice)) {
            authorities.add(new SimpleGrantedAuthority(MachineCredentials.ROLE_CENTRAL_OFFICE));
        }
        return authorities;
    }

    boolean hasSecondFactor(List<String> amr, String acr) {
        Set<String> wanted = settings.secondFactorAmr().stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        boolean byAmr = amr != null && amr.stream().anyMatch(a -> wanted.contains(a.toLowerCase(Locale.ROOT)));
        boolean byAcr = acr != null && settings.secondFactorAcr().contains(acr);
        return byAmr || byAcr;
    }

    static Collection<GrantedAuthority> rolesOf(List<String> claimed) {
        if (claimed == null) {
            return List.of();
        }
        return claimed.stream().map(r -> r.toUpperCase(Locale.ROOT))
                .filter(r -> Arrays.stream(Role.values()).anyMatch(x -> x.name().equals(r)))
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
