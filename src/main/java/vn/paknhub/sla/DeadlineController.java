package vn.paknhub.sla;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.casefile.CaseService;

/** The deadlines of a case, running and past, each with its legal basis, for the bodies that see the case and its sender. */
@RestController
class DeadlineController {

    private final AgencyAccess access;
    private final CaseClocks clocks;
    private final CaseService cases;

    DeadlineController(AgencyAccess access, CaseClocks clocks, CaseService cases) {
        this.access = access;
        this.clocks = clocks;
        this.cases = cases;
    }

    /**
     * The same for the person who sent the item (with the lookup secret): when the body must answer,
     * by which article, and when their own periods (supplement, appeal) end.
     */
    @GetMapping("/api/v1/submissions/{code}/deadlines")
    List<CaseClocks.CaseClockView> submittersDeadlines(@PathVariable String code,
            @RequestHeader(name = "X-Lookup-Secret", required = false) String secret) {
        return clocks.of(cases.findForSubmitter(code, secret).code());
    }

    @GetMapping("/api/v1/agency/cases/{code}/deadlines")
    List<CaseClocks.CaseClockView> deadlines(
            @PathVariable String code) {
        return clocks.of(access.access(access.authenticate(), code).caseFile().code());
    }
}
