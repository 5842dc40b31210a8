package vn.paknhub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import jakarta.servlet.Filter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.paknhub.identity.MachineCredentials;
import vn.paknhub.support.HubIntegrationTest;

/**
 * The console's Central Party Office desks behind method security, through the real filter chain with an
 * officer's session as the sign-in leaves it: a clerk of another body (the role, not the body) is shown the
 * forbidden page with 403 and the refusal is in the access log under their name; the Central Party Office's
 * clerk gets the desk. (The sign-in itself, and its authority, are ConsoleBrowserTest's and OfficerSignInTest's.)
 */
@HubIntegrationTest
class ConsoleMethodSecurityTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter security;
    @Autowired
    JdbcTemplate db;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(security).build();
    }

    /** A session as OfficerSignIn leaves it: the body in pakn_agency, the hub's roles as authorities. */
    private static MockHttpSession signedIn(String agency, String subject, String name, String... authorities) {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token").subject(subject).claim("pakn_agency", agency)
                .claim("name", name).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build();
        List<GrantedAuthority> granted = AuthorityUtils.createAuthorityList(authorities);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                new OAuth2AuthenticationToken(new DefaultOidcUser(granted, token), granted, "officer")));
        return session;
    }

    @Test
    void a_clerk_of_another_body_is_shown_the_forbidden_page_and_the_refusal_is_logged_under_their_name() throws Exception {
        String subject = "bkhcn.vanthu-" + UUID.randomUUID();
        mvc.perform(get("/console/triage").session(signedIn("BKHCN", subject, "Trần Thị Thử", "ROLE_CLERK")))
                .andExpect(status().isForbidden()).andExpect(view().name("console/problem"))
                .andExpect(model().attribute("titleEn", "This page is for another role"));
        assertThat(db.queryForList("select status from access_log where actor = ? and path = '/console/triage'",
                Integer.class, "BKHCN/" + subject + " (Trần Thị Thử)")).containsExactly(403);
    }

    @Test
    void the_central_party_offices_clerk_gets_the_desk_and_the_operator_the_deliveries() throws Exception {
        mvc.perform(get("/console/triage").session(signedIn("VPTW", "vptw.vanthu", "Nguyễn Thị Lan", "ROLE_CLERK",
                MachineCredentials.ROLE_CENTRAL_OFFICE))).andExpect(status().isOk()).andExpect(view().name("console/triage"));
        mvc.perform(get("/console/deliveries").session(signedIn("VPTW", "vptw.vanhanh", "Lê Minh Quân", "ROLE_OPERATOR",
                MachineCredentials.ROLE_CENTRAL_OFFICE))).andExpect(status().isOk()).andExpect(view().name("console/deliveries"));
        // the authority the sign-in grants opens the desk, not the body claim alone
        mvc.perform(get("/console/triage").session(signedIn("VPTW", "vptw.vanthu", "Nguyễn Thị Lan", "ROLE_CLERK")))
                .andExpect(status().isForbidden()).andExpect(view().name("console/problem"));
    }
}
