package vn.paknhub.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.CaseState;

/**
 * The statistics of Đ14.3 over the cases received in a period, grouped by field, body, channel, state,
 * kind or submitter type: how many were received, are still open, were answered; how many were answered within the
 * processing period and how many went past it; the submitters' ratings (agreement and disagreement
 * with the answer, mean score); and appeals. On time and overdue are judged by the processing clock
 * (Đ13.1): a clock that ran past its due day is overdue whether or not the body answered since.
 */
@Component
public class CaseStatistics {

    /**
     * What the rows are grouped by. KIND tells the initiatives and solutions (Đ14.3d) from the feedback and petitions,
     * SUBMITTER_TYPE counts who sends (Đ2.3); both are blank for cases whose kind or sender nobody stated or read.
     */
    public enum Dimension {
        // the case's field, else the router's reading of it (an item waiting in triage or screened is counted too)
        FIELD("coalesce(c.field_code, (select r.classification -> 'field' ->> 'fieldCode' from case_routing r"
                + " where r.case_id = c.id), '')"), AGENCY("coalesce(c.assigned_agency, '')"), CHANNEL("c.channel"),
        STATE("c.state"), KIND("coalesce(c.kind, '')"), SUBMITTER_TYPE("coalesce(c.submitter_type, '')");

        private final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /**
     * One group. Rates are shares of the cases whose processing was judged (on time + overdue), null
     * when none was; the mean score is over rated cases, null when none was rated.
     */
    public record Row(String key, long received, long open, long closed, long answered, long onTime, long overdue,
            Double onTimeRate, Double overdueRate, long rated, long agreed, long disagreed, Double meanScore,
            long appeals) {

        /**
         * From the counts in the query's order: received, open, closed, answered, on time, overdue,
         * rated, agreed, disagreed, sum of scores, appeals.
         */
        static Row of(String key, long[] c) {
            long judged = c[4] + c[5];
            return new Row(key, c[0], c[1], c[2], c[3], c[4], c[5], share(c[4], judged), share(c[5], judged), c[6], c[7],
                    c[8], c[6] == 0 ? null : round((double) c[9] / c[6]), c[10]);
        }

        private static Double share(long part, long whole) {
            return whole == 0 ? null : round((double) part / whole);
        }

        private static double round(double v) {
            return Math.round(v * 10000) / 10000.0;
        }
    }

    /** The longest period one report covers. */
    static final int MAX_DAYS = 366;

    /** A report's period, from and to inclusive, as asked by a person or a system (ISO dates). */
    public record Period(LocalDate from, LocalDate to) {

        /** Refused in the caller's words when a date is not one or the period runs backwards or too long. */
        public static Period parse(String from, String to) {
            LocalDate first = vn.paknhub.core.problem.ApiProblem.date("from", from);
            LocalDate last = vn.paknhub.core.problem.ApiProblem.date("to", to);
            if (last.isBefore(first) || last.isAfter(first.plusDays(MAX_DAYS - 1))) {
                throw vn.paknhub.core.problem.ApiProblem.invalid("to", "period", "«to» phải từ «from» đến tối đa " + MAX_DAYS
                        + " ngày sau.", "'to' must be on or after 'from' and at most " + MAX_DAYS + " days after it.");
            }
            return new Period(first, last);
        }
    }

    /** The report: its groups and their total; {@code agency} is null when it covers every body. */
    public record Report(String by, LocalDate from, LocalDate to, String agency, List<Row> rows, Row total) {
    }

    private static final String[] TERMINAL = Arrays.stream(CaseState.values())
            .filter(CaseState::terminal).map(Enum::name).toArray(String[]::new);

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    public CaseStatistics(NamedParameterJdbcTemplate jdbc, CaseSettings settings) {
        this.jdbc = jdbc;
        this.zone = settings.timeZone();
    }

    /** Cases received from {@code from} to {@code to} (both days included); only {@code agency}'s when it is given. */
    public Report report(Dimension by, LocalDate from, LocalDate to, String agency) {
        MapSqlParameterSource p = new MapSqlParameterSource("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .addValue("until", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .addValue("terminal", TERMINAL).addValue("agency", agency);
        List<long[]> counts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        jdbc.query("""
                with cases as (
                    select c.code, c.state, c.result_posted_at, c.rating_score, c.rating_agree, c.appeal_used,
                           %s as key
                    from case_file c
                    where c.received_at >= :from and c.received_at < :until
                      and (cast(:agency as text) is null or c.assigned_agency = :agency)),
                processing as (
                    select k.case_code, bool_or(k.overdue_at is not null or (k.stopped_at is null and k.due_on < current_date))
                               as overdue,
                           bool_and(k.stopped_at is not null) as stopped
                    from case_clock k join cases on cases.code = k.case_code
                    where k.clock = 'PROCESSING' group by k.case_code)
                select key, count(*),
                       count(*) filter (where not (state = any(:terminal))),
                       count(*) filter (where state = any(:terminal)),
                       count(*) filter (where result_posted_at is not null),
                       count(*) filter (where p.stopped and not p.overdue),
                       count(*) filter (where p.overdue),
                       count(rating_score),
                       count(*) filter (where rating_agree),
                       count(*) filter (where rating_agree = false),
                       coalesce(sum(rating_score), 0),
                       count(*) filter (where appeal_used)
                from cases left join processing p on p.case_code = cases.code
                group by key order by key""".formatted(by.column), p, rs -> {
            keys.add(rs.getString(1));
            long[] c = new long[11];
            for (int i = 0; i < c.length; i++) {
                c[i] = rs.getLong(i + 2);
            }
            counts.add(c);
        });
        List<Row> rows = new ArrayList<>();
        long[] total = new long[11];
        for (int r = 0; r < keys.size(); r++) {
            long[] c = counts.get(r);
            rows.add(Row.of(keys.get(r), c));
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
        }
        return new Report(by.name().toLowerCase(Locale.ROOT), from, to, agency, rows, Row.of("TOTAL", total));
    }

    /** The file name a CSV export of {@code report} is saved under. */
    public static String csvName(Report report) {
        return "thong-ke-" + report.by() + "-" + report.from() + "-" + report.to() + ".csv";
    }

    /** The report as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs show Vietnamese right). */
    public static String csv(Report report) {
        StringBuilder out = new StringBuilder("\uFEFF").append(report.by()).append(",received,open,closed,answered,on_time,"
                + "overdue,on_time_rate,overdue_rate,rated,agreed,disagreed,mean_score,appeals\r\n");
        List<Row> all = new ArrayList<>(report.rows());
        all.add(report.total());
        for (Row r : all) {
            out.append(quoted(r.key())).append(',').append(r.received()).append(',').append(r.open()).append(',')
                    .append(r.closed()).append(',').append(r.answered()).append(',').append(r.onTime()).append(',')
                    .append(r.overdue()).append(',').append(blank(r.onTimeRate())).append(',').append(blank(r.overdueRate()))
                    .append(',').append(r.rated()).append(',').append(r.agreed()).append(',').append(r.disagreed())
                    .append(',').append(blank(r.meanScore())).append(',').append(r.appeals()).append("\r\n");
        }
        return out.toString();
    }

    private static String quoted(String s) {
        return s.matches("[\\p{L}\\p{N} ._-]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String blank(Double d) {
        return d == null ? "" : d.toString();
    }
}
