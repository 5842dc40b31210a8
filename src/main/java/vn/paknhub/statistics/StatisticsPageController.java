package vn.paknhub.statistics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.console.ConsolePage;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The Đ14.3 statistics and the daily reports, for the Central Party Office's clerks and supervisors: the
 * period's figures grouped by body, field, channel, state, kind or submitter type, drawn as bars (server-side SVG:
 * no script), and exported as CSV for the periodic report; the day's report per body.
 */
@ConsolePage
@CentralOfficeOnly
class StatisticsPageController {

    private final AgencyAccess access;
    private final CaseStatistics statistics;
    private final OfficerActions officers;
    private final DailyReports daily;
    private final AgencyDirectory agencies;
    private final CaseSettings settings;
    private final java.time.Clock clock;

    StatisticsPageController(AgencyAccess access, CaseStatistics statistics, OfficerActions officers, DailyReports daily,
            AgencyDirectory agencies, CaseSettings settings, java.time.Clock clock) {
        this.access = access;
        this.statistics = statistics;
        this.officers = officers;
        this.daily = daily;
        this.agencies = agencies;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/console/statistics")
    String page(@RequestParam(defaultValue = "AGENCY") String by, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, Locale locale) {
        LocalDate today = clock.instant().atZone(settings.timeZone()).toLocalDate();
        CaseStatistics.Period period = CaseStatistics.Period.parse(from == null ? today.withDayOfMonth(1).toString() : from,
                to == null ? today.toString() : to);
        CaseStatistics.Dimension dimension = dimension(by);
        CaseStatistics.Report report = statistics.report(dimension, period.from(), period.to(), null);
        model.addAttribute("report", report);
        model.addAttribute("by", dimension.name());
        model.addAttribute("dimensions", CaseStatistics.Dimension.values());
        model.addAttribute("from", period.from().toString());
        model.addAttribute("to", period.to().toString());
        model.addAttribute("chart", StatisticsChart.of(report.rows()));
        model.addAttribute("people", byPerson(officers.between(period.from(), period.to(), null)));
        model.addAttribute("today", today);
        model.addAttribute("daily", agencies.withMailbox().stream().sorted().map(a -> daily.of(a, today)).toList());
        return "console/statistics";
    }

    /** The same figures as a CSV file (UTF-8 with a byte-order mark, so that spreadsheets read the diacritics). */
    @GetMapping("/console/statistics/export")
    ResponseEntity<String> export(@RequestParam(defaultValue = "AGENCY") String by, @RequestParam String from,
            @RequestParam String to) {
        CaseStatistics.Period period = CaseStatistics.Period.parse(from, to);
        CaseStatistics.Report report = statistics.report(dimension(by), period.from(), period.to(), null);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + CaseStatistics.csvName(report) + "\"")
                .body(CaseStatistics.csv(report));
    }

    /** One person's (or one body's system's) steps of one kind over the period. */
    record PersonRow(String agency, String actor, String action, long events) {
    }

    /** The period's steps per person and action, the days added up; the busiest first. */
    static List<PersonRow> byPerson(OfficerActions.Report report) {
        java.util.Map<List<String>, Long> sums = new java.util.LinkedHashMap<>();
        for (OfficerActions.Row r : report.rows()) {
            sums.merge(List.of(r.agency(), r.actor(), r.action()), r.events(), Long::sum);
        }
        return sums.entrySet().stream().map(e -> new PersonRow(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2),
                e.getValue())).sorted(java.util.Comparator.comparingLong(PersonRow::events).reversed()
                        .thenComparing(PersonRow::actor).thenComparing(PersonRow::action)).toList();
    }

    private static CaseStatistics.Dimension dimension(String by) {
        return CaseStatistics.Dimension.valueOf(ApiProblem.oneOf("by", by,
                Arrays.stream(CaseStatistics.Dimension.values()).map(Enum::name).toList()));
    }

    /** Bars of a chart, in SVG user units, computed here so that the page needs no script. */
    record StatisticsChart(int width, int height, List<Bar> bars) {

        static final int LABEL = 170;
        static final int ROW = 26;
        static final int PLOT = 640;

        /** One group: its received cases, and of them those answered on time and overdue, to one scale. */
        record Bar(String key, long received, long onTime, long overdue, int y, int receivedWidth, int onTimeWidth,
                int overdueWidth) {
        }

        static StatisticsChart of(List<CaseStatistics.Row> rows) {
            long max = Math.max(1, rows.stream().mapToLong(r -> Math.max(r.received(), r.onTime() + r.overdue())).max().orElse(1));
            List<Bar> bars = new java.util.ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                CaseStatistics.Row r = rows.get(i);
                bars.add(new Bar(r.key().isEmpty() ? "—" : r.key(), r.received(), r.onTime(), r.overdue(), i * ROW + 4,
                        scale(r.received(), max), scale(r.onTime(), max), scale(r.overdue(), max)));
            }
            return new StatisticsChart(LABEL + PLOT + 60, Math.max(1, rows.size()) * ROW + 8, bars);
        }

        private static int scale(long value, long max) {
            return (int) Math.round((double) value * PLOT / max);
        }
    }
}
