package vn.paknhub.core.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** A refusal by method security is worded as the hand-made checks worded it: who is not known, who may not. */
class ProblemHandlerRefusalTest {

    @Test
    void no_caller_or_an_anonymous_one_is_not_authenticated() {
        assertThat(ProblemHandler.refusal(null).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ApiProblem anonymous = ProblemHandler.refusal(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(anonymous.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.titleEn()).isEqualTo(ApiProblem.notAuthenticated().titleEn());
    }

    @Test
    void a_known_caller_without_the_authority_is_told_it_is_the_central_party_offices() {
        ApiProblem body = ProblemHandler.refusal(UsernamePasswordAuthenticationToken.authenticated("BKHCN", null,
                AuthorityUtils.createAuthorityList("ROLE_AGENCY")));
        assertThat(body.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(body.titleVi()).isEqualTo(ApiProblem.centralOfficeOnly().titleVi());
        assertThat(body.errors()).isEqualTo(List.of());
        // a token the filter chain has not vouched for is nobody's
        assertThat(ProblemHandler.refusal(UsernamePasswordAuthenticationToken.unauthenticated("BKHCN", null)).status())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
