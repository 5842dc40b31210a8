package vn.paknhub.agency;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.problem.ApiProblem;

/**
 * Who may see which case: an agency sees the cases assigned to it; the Central Party Office
 * supervises them all (Đ21) and receives those with no recipient yet (Đ10.4). Anything else is
 * answered exactly like an unknown code, and the attempt is written into the case's audit history.
 */
@Component
public class AgencyAccess {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyAccess.class);

    private final AgencyCredentials credentials;
    private final CaseService cases;
    private final CaseSettings settings;

    public AgencyAccess(AgencyCredentials credentials, CaseService cases, CaseSettings settings) {
        this.credentials = credentials;
        this.cases = cases;
        this.settings = settings;
    }

    /** The calling agency, from an {@code Authorization: Bearer} header. */
    public String authenticate(String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7) : null;
        return credentials.agencyFor(token).orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "Chưa xác thực cơ quan", "Agency not authenticated", List.of()));
    }

    /**
     * The calling agency, which must be the Central Party Office: the triage queue, deliveries and
     * connectors are its to run (it operates the system, Đ21).
     */
    public String requireCentralOffice(String authorization) {
        String agency = authenticate(authorization);
        if (!isCentralOffice(agency)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Chỉ Văn phòng Trung ương Đảng được thực hiện",
                    "Only the Central Party Office may do this", List.of());
        }
        return agency;
    }

    public boolean isCentralOffice(String agency) {
        return settings.centralOffice().equals(agency);
    }

    /** The case as the calling agency may act on it, with the role it acts in. */
    public Actor actorFor(String agency, CaseFile c) {
        if (isCentralOffice(agency)) {
            return new Actor(ActorRole.CENTRAL_OFFICE, agency);
        }
        if (agency.equals(c.assignedAgency())) {
            return new Actor(ActorRole.AGENCY, agency);
        }
        cases.recordAccess(c, CaseEvent.ACCESS_DENIED, new Actor(ActorRole.AGENCY, agency),
                "case not assigned to this agency");
        LOG.warn("Agency {} was refused case {} (assigned to {})", agency, c.code(), c.assignedAgency());
        throw CaseService.noSuchCase();
    }

    /** Resolves the case and the caller's role on it in one step, refusing (and logging) foreign cases. */
    public Access access(String agency, String code) {
        CaseFile c = cases.find(code).orElseThrow(CaseService::noSuchCase);
        return new Access(c, actorFor(agency, c));
    }

    public record Access(CaseFile caseFile, Actor actor) {
    }
}
