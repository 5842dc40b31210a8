package vn.paknhub.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.core.problem.ApiProblem;

/**
 * The statistics of Đ14.3, in JSON or CSV. The Central Party Office sees every body's cases; any
 * other body only the cases assigned to it.
 */
@RestController
class StatisticsController {

    /** A longer period would be a query over years of cases in one request. */
    private static final int MAX_DAYS = 366;

    private final AgencyAccess access;
    private final CaseStatistics statistics;

    StatisticsController(AgencyAccess access, CaseStatistics statistics) {
        this.access = access;
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/statistics")
    ResponseEntity<?> statistics(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(defaultValue = "AGENCY") String by, @RequestParam String from, @RequestParam String to,
            @RequestParam(defaultValue = "JSON") String format) {
        String agency = access.authenticate(authorization);
        CaseStatistics.Dimension dimension = CaseStatistics.Dimension.valueOf(ApiProblem.oneOf("by", by,
                Arrays.stream(CaseStatistics.Dimension.values()).map(Enum::name).toList()));
        String as = ApiProblem.oneOf("format", format, List.of("JSON", "CSV"));
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first) || last.isAfter(first.plusDays(MAX_DAYS - 1))) {
            throw ApiProblem.invalid("to", "period", "«to» phải từ «from» đến tối đa " + MAX_DAYS + " ngày sau.",
                    "'to' must be on or after 'from' and at most " + MAX_DAYS + " days after it.");
        }
        CaseStatistics.Report report = statistics.report(dimension, first, last,
                access.isCentralOffice(agency) ? null : agency);
        if (as.equals("CSV")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"thong-ke-" + report.by() + "-" + first
                            + "-" + last + ".csv\"")
                    .body(CaseStatistics.csv(report));
        }
        return ResponseEntity.ok(report);
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "date", "«" + field + "» phải là ngày dạng YYYY-MM-DD.",
                    "'" + field + "' must be a date as YYYY-MM-DD.");
        }
    }
}
