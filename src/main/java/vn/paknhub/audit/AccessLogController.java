package vn.paknhub.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/** Who read or changed what through the agency and operator APIs (Đ17); Central Party Office only. */
@RestController
@CentralOfficeOnly
class AccessLogController {

    private final AccessLog log;
    private final ZoneId zone;

    AccessLogController(AccessLog log, CaseSettings settings) {
        this.log = log;
        this.zone = settings.timeZone();
    }

    /** Newest first; {@code from}/{@code to} are days (YYYY-MM-DD, both included), the last 7 by default. */
    @GetMapping("/api/v1/access-log")
    List<AccessLog.Entry> find(@RequestParam(required = false) String actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "200") int limit) {
        LocalDate last = to == null ? LocalDate.now(zone) : ApiProblem.date("to", to);
        LocalDate first = from == null ? last.minusDays(6) : ApiProblem.date("from", from);
        return log.find(actor, first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(),
                Math.max(1, Math.min(limit, 1000)));
    }
}
