package vn.paknhub.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.delivery.ConnectorCatalogue;

/**
 * What operators act on, read from the case store in a few statements: work waiting or parked in every
 * queue, and the deadlines of each body that are near or past. Read on a timer, never per request.
 */
@Component
class OperationsFigures {

    /** One labelled figure: the labels (system, body, status, ...) and its value. */
    record Figure(Map<String, String> labels, double value) {
    }

    /** Everything read at one moment. */
    record Snapshot(long outboxEvents, double outboxLagSeconds, List<Figure> deliveries, List<Figure> statusUpdatesParked,
            List<Figure> notifications, long dailyReportsParked, long mailQuarantined, List<Figure> paperScans,
            List<Figure> clocks, long busMessagesParked) {
    }

    private final JdbcTemplate db;
    private final Clock clock;
    private final CaseSettings cases;
    private final ConnectorCatalogue connectors;

    OperationsFigures(JdbcTemplate db, Clock clock, CaseSettings cases, ConnectorCatalogue connectors) {
        this.db = db;
        this.clock = clock;
        this.cases = cases;
        this.connectors = connectors;
    }

    Snapshot read() {
        Instant now = clock.instant();
        Map<String, Object> outbox = db.queryForMap("select count(*) as events, min(created_at) as oldest from outbox");
        Timestamp oldest = (Timestamp) outbox.get("oldest");
        double lag = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
        LocalDate today = LocalDate.ofInstant(now, cases.timeZone());
        // every system, body and status is reported, at 0 when nothing waits: an alert on "parked > 0" or a
        // graph needs the series to exist before the first item parks
        List<String> systems = connectors.statuses().stream().map(ConnectorCatalogue.ConnectorStatus::system).toList();
        List<String> bodies = db.queryForList("select distinct coalesce(f.assigned_agency, 'NONE') from case_clock k"
                + " join case_file f on f.code = k.case_code where k.stopped_at is null", String.class);
        return new Snapshot(((Number) outbox.get("events")).longValue(), lag,
                withZeros(figures("select system, lower(status) as status, count(*) as n from delivery"
                        + " where status in ('PENDING', 'PARKED') group by system, status"),
                        Map.of("system", systems, "status", List.of("pending", "parked"))),
                withZeros(figures("select system, count(*) as n from status_update where outcome = 'PARKED' group by system"),
                        Map.of("system", systems)),
                withZeros(figures("select lower(channel) as channel, lower(status) as status, count(*) as n from notification"
                        + " where status in ('PENDING', 'PARKED') group by channel, status"),
                        Map.of("channel", List.of("email", "sms"), "status", List.of("pending", "parked"))),
                count("select count(*) from daily_report where status = 'PARKED'"),
                count("select count(*) from mail_message where status = 'QUARANTINED'"),
                withZeros(figures("select lower(status) as status, count(*) as n from paper_scan"
                        + " where status in ('VERIFY', 'FAILED') group by status"), Map.of("status", List.of("verify", "failed"))),
                withZeros(figures("select coalesce(f.assigned_agency, 'NONE') as agency,"
                        + " case when k.due_on < ? then 'overdue' else 'due_soon' end as state, count(*) as n"
                        + " from case_clock k join case_file f on f.code = k.case_code"
                        + " where k.stopped_at is null and (k.due_on < ? or k.warn_on <= ?)"
                        + " group by 1, 2", today, today, today),
                        Map.of("agency", bodies, "state", List.of("due_soon", "overdue"))),
                count("select count(*) from parked_message"));
    }

    /** The figures, with a 0 for every combination of these label values that has none. */
    static List<Figure> withZeros(List<Figure> found, Map<String, List<String>> universe) {
        List<Map<String, String>> combinations = new ArrayList<>(List.of(Map.of()));
        for (Map.Entry<String, List<String>> label : new TreeMap<>(universe).entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combinations) {
                for (String value : label.getValue()) {
                    Map<String, String> more = new HashMap<>(c);
                    more.put(label.getKey(), value);
                    next.add(more);
                }
            }
            combinations = next;
        }
        List<Figure> all = new ArrayList<>(found);
        Set<Map<String, String>> present = new HashSet<>();
        found.forEach(f -> present.add(f.labels()));
        combinations.stream().filter(c -> !present.contains(c)).forEach(c -> all.add(new Figure(c, 0)));
        return all;
    }

    private long count(String sql) {
        Long n = db.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    /** Rows whose last column {@code n} is the value and the others its labels. */
    private List<Figure> figures(String sql, Object... args) {
        return db.query(sql, (rs, i) -> {
            Map<String, String> labels = new HashMap<>();
            int columns = rs.getMetaData().getColumnCount();
            for (int c = 1; c < columns; c++) {
                labels.put(rs.getMetaData().getColumnLabel(c), rs.getString(c));
            }
            return new Figure(labels, rs.getDouble(columns));
        }, args);
    }
}
