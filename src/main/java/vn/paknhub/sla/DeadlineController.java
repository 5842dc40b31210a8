package vn.paknhub.sla;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;

/** The deadlines of a case, running and past, each with its legal basis, for the bodies that see the case. */
@RestController
class DeadlineController {

    private final AgencyAccess access;
    private final CaseClocks clocks;

    DeadlineController(AgencyAccess access, CaseClocks clocks) {
        this.access = access;
        this.clocks = clocks;
    }

    @GetMapping("/api/v1/agency/cases/{code}/deadlines")
    List<CaseClocks.CaseClockView> deadlines(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String code) {
        return clocks.of(access.access(access.authenticate(authorization), code).caseFile().code());
    }
}
