package vn.paknhub.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.Backoff;
import vn.paknhub.core.WorkQueue;
import vn.paknhub.notify.NotificationTemplates;
import vn.paknhub.notify.Notifications;
import vn.paknhub.notify.OutgoingMail;

/**
 * The daily report of each body with a mailbox (báo cáo hằng ngày): what reached it today, what it
 * accepted and answered, what it answered on time, and what stands overdue or awaits a supplement.
 * From {@code hub.reports.daily-at} (15:30) the first node to look makes the day's report of each
 * body, once (the row is the claim); then it is mailed to the body's officers with retries, and
 * stays readable by API.
 */
@Component
public class DailyReports {

    /** The day's figures of one body, over the cases it holds now. */
    public record Figures(long received, long accepted, long answered, long answeredOnTime, long overdue,
            long awaitingSupplement) {
    }

    /** A body's report: made (with {@code madeAt}) or, before it is made, the figures so far. */
    public record Report(String agency, LocalDate day, Instant madeAt, String status, Figures figures) {
    }

    static final String TEMPLATE = "daily-report";
    private static final String COLUMNS = "agency, day, made_at, status, figures::text";
    private static final String SELECT = "select " + COLUMNS + " from daily_report";
    /** A report not sent is tried again after a minute, then longer, at most every half hour, until parked. */
    private static final long RETRY_MS = 60_000;
    private static final long MAX_RETRY_MS = 1_800_000;
    private static final int LEASE_SECONDS = 120;
    private static final Logger LOG = LoggerFactory.getLogger(DailyReports.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final AgencyDirectory agencies;
    private final NotificationTemplates templates;
    private final ProducerTemplate producer;
    private final ReportSettings settings;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final WorkQueue queue;

    DailyReports(NamedParameterJdbcTemplate jdbc, AgencyDirectory agencies, NotificationTemplates templates,
            ProducerTemplate producer, ReportSettings settings, ObjectMapper json,
            CaseSettings caseSettings) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.templates = templates;
        this.producer = producer;
        this.settings = settings;
        this.json = json;
        this.zone = caseSettings.timeZone();
        this.queue = new WorkQueue(jdbc, "daily_report", "SENT", null);
    }

    public Figures figures(String agency, LocalDate day) {
        MapSqlParameterSource p = new MapSqlParameterSource("agency", agency)
                .addValue("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .addValue("until", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant())).addValue("day", day);
        return jdbc.queryForObject("""
                with mine as (select id, code, state from case_file where assigned_agency = :agency),
                today as (select e.case_id, e.action from case_event e join mine on mine.id = e.case_id
                          where e.occurred_at >= :from and e.occurred_at < :until)
                select (select count(distinct case_id) from today where action = 'FORWARD'),
                       (select count(distinct case_id) from today where action = 'ACCEPT'),
                       (select count(distinct case_id) from today where action = 'POST_RESULT'),
                       (select count(*) from case_clock k join mine on mine.code = k.case_code
                        where k.clock = 'PROCESSING' and k.stopped_at >= :from and k.stopped_at < :until
                          and k.overdue_at is null),
                       (select count(distinct k.case_code) from case_clock k join mine on mine.code = k.case_code
                        where k.clock = 'PROCESSING' and k.stopped_at is null and k.due_on < :day),
                       (select count(*) from mine where state = 'SUPPLEMENT_REQUESTED')""", p,
                (rs, i) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)));
    }

    /** Makes the day's reports not yet made, once it is time; how many this node made. */
    public int makeDue(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (local.toLocalTime().isBefore(settings.dailyAt())) {
            return 0;
        }
        LocalDate day = local.toLocalDate();
        int made = 0;
        for (String agency : agencies.withMailbox()) {
            Figures f = figures(agency, day);
            made += jdbc.update("""
                    insert into daily_report (agency, day, figures, made_at, status)
                    values (:agency, :day, cast(:figures as jsonb), :now, 'PENDING') on conflict (agency, day) do nothing""",
                    new MapSqlParameterSource("agency", agency).addValue("day", day).addValue("figures", write(f))
                            .addValue("now", Timestamp.from(now)));
        }
        if (made > 0) {
            LOG.info("Daily reports of {}: {} made", day, made);
        }
        return made;
    }

    /**
     * Mails the reports made and not yet sent, claimed from the work queue (any node, each once); a report
     * the mail server refuses is tried again later, then parked with its reason. How many went.
     */
    public int sendDue() {
        int sent = 0;
        List<Claimed> due = queue.claimDue(50, LEASE_SECONDS, "q.id, q.attempts, " + COLUMNS, (rs, i) ->
                new Claimed(rs.getObject(1, UUID.class), rs.getInt(2), new Report(rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), read(rs.getString(7)))));
        for (Claimed c : due) {
            Report r = c.report();
            try {
                send(r);
                queue.done(List.of(c.id()), ", sent_at = now()");
                sent++;
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warn("Daily report of {} for {} not sent (attempt {} of {}): {}", r.agency(), r.day(), c.attempts(),
                        settings.maxAttempts(), why);
                if (c.attempts() >= settings.maxAttempts()) {
                    queue.park(c.id(), why);
                } else {
                    queue.retryLater(c.id(), why, Instant.now().plusMillis(Backoff.exponentialMs(RETRY_MS, MAX_RETRY_MS, c.attempts())));
                }
            }
        }
        return sent;
    }

    private record Claimed(UUID id, int attempts, Report report) {
    }

    /** Sends a parked report again with a fresh budget; false when it is not parked. */
    public boolean replay(UUID id) {
        return queue.replay(id);
    }

    /** A parked report: its body, day, attempts and why it was not sent. */
    public record Parked(UUID id, String agency, LocalDate day, int attempts, String lastError) {
    }

    public List<Parked> parked(int limit) {
        return queue.parked("id, agency, day, attempts, last_error", "made_at", limit, (rs, i) -> new Parked(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getString(5)));
    }

    private void send(Report r) {
        Map<String, String> values = new HashMap<>();
        values.put("agency", agencies.find(r.agency()).map(AgencyDirectory.Agency::nameVi).orElse(r.agency()));
        values.put("date", r.day().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        Figures f = r.figures();
        values.put("received", String.valueOf(f.received()));
        values.put("accepted", String.valueOf(f.accepted()));
        values.put("answered", String.valueOf(f.answered()));
        values.put("answeredOnTime", String.valueOf(f.answeredOnTime()));
        values.put("overdue", String.valueOf(f.overdue()));
        values.put("awaitingSupplement", String.valueOf(f.awaitingSupplement()));
        OutgoingMail.send(producer, agencies.mailbox(r.agency()).orElseThrow(),
                templates.render(TEMPLATE, Notifications.Channel.EMAIL, values), null);
    }

    /** The body's report of {@code day}: as made, or the figures so far when it is not made yet. */
    public Report of(String agency, LocalDate day) {
        List<Report> made = jdbc.query(SELECT + " where agency = :agency and day = :day",
                new MapSqlParameterSource("agency", agency).addValue("day", day), this::report);
        return made.isEmpty() ? new Report(agency, day, null, "NOT_MADE_YET", figures(agency, day)) : made.get(0);
    }

    private Report report(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Report(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getTimestamp(3).toInstant(), rs.getString(4),
                read(rs.getString(5)));
    }

    private String write(Figures f) {
        try {
            return json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Figures read(String text) {
        try {
            return json.readValue(text, Figures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
