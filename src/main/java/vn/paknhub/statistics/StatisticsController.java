package vn.paknhub.statistics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The statistics of Đ14.3, in JSON or CSV, and the bodies' daily reports. The Central Party Office
 * sees every body's cases; any other body only the cases assigned to it.
 */
@RestController
class StatisticsController {

    /** A longer period would be a query over years of cases in one request. */

    private final AgencyAccess access;
    private final CaseStatistics statistics;
    private final OfficerActions officerActions;
    private final DailyReports dailyReports;
    private final vn.paknhub.agency.AgencyDirectory agencies;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    StatisticsController(AgencyAccess access, CaseStatistics statistics, OfficerActions officerActions,
            DailyReports dailyReports, vn.paknhub.agency.AgencyDirectory agencies, java.time.Clock clock,
            vn.paknhub.casefile.CaseSettings settings) {
        this.access = access;
        this.statistics = statistics;
        this.officerActions = officerActions;
        this.dailyReports = dailyReports;
        this.agencies = agencies;
        this.clock = clock;
        this.zone = settings.timeZone();
    }

    @GetMapping("/api/v1/statistics")
    ResponseEntity<?> statistics(@RequestParam(defaultValue = "AGENCY") String by, @RequestParam String from, @RequestParam String to,
            @RequestParam(defaultValue = "JSON") String format) {
        String agency = access.authenticate();
        CaseStatistics.Dimension dimension = CaseStatistics.Dimension.valueOf(ApiProblem.oneOf("by", by,
                Arrays.stream(CaseStatistics.Dimension.values()).map(Enum::name).toList()));
        String as = ApiProblem.oneOf("format", format, List.of("JSON", "CSV"));
        CaseStatistics.Period period = CaseStatistics.Period.parse(from, to);
        LocalDate first = period.from();
        LocalDate last = period.to();
        CaseStatistics.Report report = statistics.report(dimension, first, last,
                access.isCentralOffice(agency) ? null : agency);
        if (as.equals("CSV")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + CaseStatistics.csvName(report) + "\"")
                    .body(CaseStatistics.csv(report));
        }
        return ResponseEntity.ok(report);
    }

    /**
     * Who did what (Đ17): the case events of each officer and each body's system per day and action, every
     * body's; Central Party Office only, as the access log that names the same people is.
     */
    @GetMapping("/api/v1/statistics/officers")
    @CentralOfficeOnly
    OfficerActions.Report officers(@RequestParam String from, @RequestParam String to) {
        CaseStatistics.Period period = CaseStatistics.Period.parse(from, to);
        return officerActions.between(period.from(), period.to(), null);
    }

    /**
     * The daily report of {@code day} (today by default): the caller's body's, or every body's for
     * the Central Party Office; before it is made, the figures so far.
     */
    @GetMapping("/api/v1/reports/daily")
    List<DailyReports.Report> daily(@RequestParam(required = false) String day) {
        String agency = access.authenticate();
        LocalDate which = day == null ? LocalDate.now(clock.withZone(zone)) : ApiProblem.date("day", day);
        return (access.isCentralOffice(agency) ? agencies.withMailbox().stream().sorted().toList() : List.of(agency))
                .stream().map(a -> dailyReports.of(a, which)).toList();
    }
}
