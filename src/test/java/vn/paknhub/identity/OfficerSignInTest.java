package vn.paknhub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

/** What counts as a second factor, and which claimed roles the hub knows. */
class OfficerSignInTest {

    private static OfficerSignIn with(List<String> amr, List<String> acr) {
        return new OfficerSignIn(new OfficerSignIn.Settings("https://idp.example.gov.vn", "pakn-hub-console", "", amr, acr,
                "pakn_agency", "pakn_roles", List.of("openid")));
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
}
