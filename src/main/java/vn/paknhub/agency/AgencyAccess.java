package vn.paknhub.agency;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Component;
import vn.paknhub.identity.MachineCredentials;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.problem.ApiProblem;

/**
 * Who may see which case: an agency sees the cases assigned to it and reads those it coordinates
 * (Đ11.2đ: the lead body acts, the coordinating bodies contribute); the Central Party Office
 * supervises them all (Đ21) and receives those with no recipient yet (Đ10.4). Anything else is
 * answered exactly like an unknown code, and the attempt is written into the case's audit history.
 */
@Component
public class AgencyAccess {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyAccess.class);

    private final CaseService cases;
    private final CaseSettings settings;
    private final CaseParticipation participation;

    private final String agencyClaim;

    public AgencyAccess(CaseService cases, CaseSettings settings, CaseParticipation participation,
            vn.paknhub.identity.OfficerSignIn.Settings officers) {
        this.agencyClaim = officers.agencyClaim();
        this.cases = cases;
        this.settings = settings;
        this.participation = participation;
    }

    /** The calling agency, as Spring Security authenticated its bearer token; 401 when there is none. */
    public String authenticate() {
        return caller().orElseThrow(ApiProblem::notAuthenticated);
    }

    /**
     * The body acting in this request: the one whose machine credential authenticated it, or the body of
     * the officer signed in to the console; empty for an anonymous request.
     */
    public java.util.Optional<String> caller() {
        org.springframework.security.core.Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser officer) {
            return java.util.Optional.ofNullable(officer.getClaimAsString(agencyClaim))
                    .map(s -> s.toUpperCase(java.util.Locale.ROOT));
        }
        return a != null && a.getPrincipal() instanceof OAuth2AuthenticatedPrincipal p
                && p.getAttribute(MachineCredentials.AGENCY) instanceof String agency ? java.util.Optional.of(agency)
                        : java.util.Optional.empty();
    }

    /**
     * Who acts, for the logs: a body's system by its code, an officer as {@code BODY/subject (name)} —
     * the person, not only the body (Đ17). The Central Party Office's own operations are not checked here
     * but by method security ({@link vn.paknhub.identity.CentralOfficeOnly}); they name their operator with this.
     */
    public String actorLabel() {
        org.springframework.security.core.Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser officer) {
            return caller().orElse("?") + "/" + officer.getSubject()
                    + (officer.getFullName() == null ? "" : " (" + officer.getFullName() + ")");
        }
        return caller().orElse("anonymous");
    }

    public boolean isCentralOffice(String agency) {
        return settings.centralOffice().equals(agency);
    }

    /** Resolves the case and the caller's role on it in one step, refusing (and logging) foreign cases. */
    public Access access(String agency, String code) {
        CaseFile c = cases.find(code).orElseThrow(CaseService::noSuchCase);
        if (isCentralOffice(agency)) {
            return new Access(c, new Actor(ActorRole.CENTRAL_OFFICE, agency), false);
        }
        if (agency.equals(c.assignedAgency())) {
            return new Access(c, new Actor(ActorRole.AGENCY, agency), false);
        }
        if (participation.coordinates(code, agency)) {
            return new Access(c, new Actor(ActorRole.AGENCY, agency), true);
        }
        cases.recordAccess(c, CaseEvent.ACCESS_DENIED, new Actor(ActorRole.AGENCY, actorLabel()),
                "case not assigned to this agency");
        LOG.warn("Agency {} was refused case {} (assigned to {})", agency, c.code(), c.assignedAgency());
        throw CaseService.noSuchCase();
    }

    /** @param coordinating the caller reads the case as a coordinating body: it takes no step on it */
    public record Access(CaseFile caseFile, Actor actor, boolean coordinating) {

        /** Steps on a case are the lead body's and the Central Party Office's (Đ11.2đ). */
        public Access toAct() {
            if (coordinating) {
                throw new ApiProblem(HttpStatus.FORBIDDEN, "Cơ quan phối hợp không thực hiện thao tác trên hồ sơ;"
                        + " cơ quan chủ trì xử lý", "A coordinating body takes no step on the case; the lead body does",
                        List.of());
            }
            return this;
        }
    }
}
