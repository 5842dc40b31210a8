package vn.paknhub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What counts as a second factor, which claimed roles the hub knows, and who runs the hub. */
class OfficerSignInTest {

    private static OfficerSignIn with(List<String> amr, List<String> acr) {
        return new OfficerSignIn(new OfficerSignIn.Settings("https://idp.example.gov.vn", "pakn-hub-console", "", amr, acr,
                "pakn_agency", "pakn_roles", List.of("openid")), "VPTW");
    }

    @Test
    void a_second_factor_shows_in_amr_or_in_an_acr_the_operator_lists() {
        OfficerSignIn standard = with(List.of("otp", "mfa", "hwk", "swk", "sms"), List.of());
        assertThat(standard.hasSecondFactor(List.of("pwd", "otp"), null)).isTrue();
        assertThat(standard.hasSecondFactor(List.of("PWD", "MFA"), null)).isTrue();
        assertThat(standard.hasSecondFactor(List.of("pwd"), null)).isFalse();
        assertThat(standard.hasSecondFactor(null, "urn:vn:loa:2")).isFalse();
        assertThat(standard.hasSecondFactor(List.of(), null)).isFalse();

        OfficerSignIn byLevel = with(List.of(), List.of("urn:vn:loa:2", "urn:vn:loa:3"));
        assertThat(byLevel.hasSecondFactor(List.of("pwd"), "urn:vn:loa:2")).isTrue();
        assertThat(byLevel.hasSecondFactor(List.of("pwd", "otp"), "urn:vn:loa:1")).isFalse();
    }

    @Test
    void only_the_hubs_roles_become_authorities() {
        assertThat(OfficerSignIn.rolesOf(List.of("officer", "SUPERVISOR", "admin", "ROLE_OPERATOR")))
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_OFFICER", "ROLE_SUPERVISOR");
        assertThat(OfficerSignIn.rolesOf(null)).isEmpty();
    }

    @Test
    void the_central_party_offices_officers_carry_its_authority_and_no_other_bodys_do() {
        OfficerSignIn signIn = with(List.of("otp"), List.of());
        List<GrantedAuthority> granted = List.of(new SimpleGrantedAuthority("OIDC_USER"));
        assertThat(signIn.authorities("VPTW", granted, List.of("clerk"))).extracting(GrantedAuthority::getAuthority)
                .containsExactly("OIDC_USER", "ROLE_CLERK", MachineCredentials.ROLE_CENTRAL_OFFICE);
        // the body's code is read as AgencyAccess reads it, whatever the provider's case
        assertThat(signIn.authorities("vptw", granted, List.of())).extracting(GrantedAuthority::getAuthority)
                .contains(MachineCredentials.ROLE_CENTRAL_OFFICE);
        assertThat(signIn.authorities("BKHCN", granted, List.of("CLERK", "OPERATOR"))).extracting(GrantedAuthority::getAuthority)
                .containsExactly("OIDC_USER", "ROLE_CLERK", "ROLE_OPERATOR");
        // a role claimed by name is not the body's authority
        assertThat(signIn.authorities("BKHCN", granted, List.of("CENTRAL_OFFICE", "ROLE_CENTRAL_OFFICE")))
                .extracting(GrantedAuthority::getAuthority).containsExactly("OIDC_USER");
    }
}
