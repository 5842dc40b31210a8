package vn.paknhub.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.identity.OfficerSignIn;

/**
 * The bar on top of every console page: who is signed in, for which body, and the desks this person's roles
 * open (the filter chain checks the same roles; a link not shown is a page refused anyway).
 */
@ControllerAdvice(annotations = ConsolePage.class)
class ConsoleBar {

    private final AgencyAccess access;
    private final AgencyDirectory directory;

    ConsoleBar(AgencyAccess access, AgencyDirectory directory) {
        this.access = access;
        this.directory = directory;
    }

    /**
     * @param central the person belongs to the Central Party Office (VPTW)
     * @param here    the page's path, for the language switch to come back to
     */
    record Bar(String person, String body, boolean central, boolean clerk, boolean officer, boolean supervisor,
            boolean operator, String here) {
    }

    @ModelAttribute("bar")
    Bar bar(@AuthenticationPrincipal OidcUser person, HttpServletRequest request, Locale locale) {
        if (person == null) {
            return null;
        }
        String agency = access.caller().orElse("?");
        boolean english = "en".equals(locale.getLanguage());
        return new Bar(person.getFullName() != null ? person.getFullName() : person.getSubject(),
                directory.find(agency).map(a -> english ? a.nameEn() : a.nameVi()).orElse(agency),
                access.isCentralOffice(agency), has(person, OfficerSignIn.Role.CLERK), has(person, OfficerSignIn.Role.OFFICER),
                has(person, OfficerSignIn.Role.SUPERVISOR), has(person, OfficerSignIn.Role.OPERATOR), request.getRequestURI());
    }

    static boolean has(OidcUser person, OfficerSignIn.Role role) {
        return person != null && person.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }
}
