package vn.paknhub.sla;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.paknhub.bus.CaseEventMessage;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.core.calendar.WorkingCalendar;

/** The clocks of the cases, started and stopped as the case events say (in the caller's transaction). */
@Repository
public class CaseClocks {

    /** A clock of a case as operators, bodies and the person see it. */
    public record CaseClockView(String clock, int round, String legalBasis, int workingDays, OffsetDateTime startedAt,
            LocalDate dayZero, LocalDate dueOn, LocalDate warnOn, boolean running, OffsetDateTime stoppedAt,
            List<Integer> unconfirmedYears) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CaseClocks.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkingCalendar calendar;
    private final ProcessingPeriods periods;

    CaseClocks(NamedParameterJdbcTemplate jdbc, WorkingCalendar calendar, ProcessingPeriods periods) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.periods = periods;
    }

    void apply(CaseEventMessage e) {
        Optional<CaseState> to = state(e.toState());
        if (to.isEmpty() || e.fromState() != null && state(e.fromState()).isEmpty()) {
            // an event from a newer hub version: its clocks are left as they are rather than stopping the bus
            LOG.warn("Case event {} of {} names a state this hub does not know ({} -> {}); clocks unchanged",
                    e.eventId(), e.caseCode(), e.fromState(), e.toState());
            return;
        }
        ClockPolicy.Change change = ClockPolicy.on(e.action(), e.fromState() == null ? null
                : state(e.fromState()).orElseThrow(), to.get());
        MapSqlParameterSource at = new MapSqlParameterSource("code", e.caseCode()).addValue("event", e.eventId())
                .addValue("at", Timestamp.from(e.occurredAt().toInstant()));
        // whatever ran before stops: a case has one clock at a time
        List<LocalDate> processingDue = change.stop().isPresent() || change.start().isPresent()
                ? jdbc.queryForList("update case_clock set stopped_by = :event, stopped_at = :at"
                        + " where case_code = :code and stopped_at is null returning case when clock = 'PROCESSING'"
                        + " then due_on end", at, LocalDate.class)
                : List.of();
        if ("POST_RESULT".equals(e.action())) {
            resultPosting(e);
        }
        change.start().ifPresent(clock -> {
            // overdue updates fall every 5 working days counted from the missed deadline, not from the day it was noticed
            LocalDate dayZero = clock == Clock.OVERDUE_UPDATE ? processingDue.stream().filter(d -> d != null).findFirst()
                    .orElseGet(() -> calendar.dayZero(e.occurredAt().toInstant()))
                    : calendar.dayZero(e.occurredAt().toInstant());
            start(e.caseCode(), clock, e.eventId(), e.occurredAt().toInstant(), dayZero, 1, e.fieldCode());
        });
    }

    /**
     * The posting period of a result whose date the body gave (Đ13.3), recorded whole: counted from
     * the result's day, stopped at the posting, marked overdue when the posting came after its due day.
     */
    private void resultPosting(CaseEventMessage e) {
        List<String> given = jdbc.queryForList("select details ->> 'resultDate' from case_event where event_id = :event",
                new MapSqlParameterSource("event", e.eventId()), String.class);
        if (given.isEmpty() || given.get(0) == null) {
            return;
        }
        LocalDate resultDay = LocalDate.parse(given.get(0));
        LocalDate dayZero = calendar.isWorkingDay(resultDay) ? resultDay : calendar.nextWorkingDay(resultDay);
        WorkingCalendar.Deadline due = calendar.workingDaysAfter(dayZero, Clock.RESULT_POSTING.workingDays());
        Instant posted = e.occurredAt().toInstant();
        boolean late = postedLate(calendar, posted, due.day());
        jdbc.update("""
                insert into case_clock (case_code, clock, started_by, started_at, day_zero, due_on, legal_basis,
                    unconfirmed_years, round, working_days, stopped_by, stopped_at, overdue_at)
                values (:code, 'RESULT_POSTING', :event, :at, :dayZero, :due, :basis, cast(:years as integer[]), 1, :days,
                    :event, :at, :overdue)
                on conflict (started_by, clock, round) do nothing""",
                new MapSqlParameterSource("code", e.caseCode()).addValue("event", e.eventId())
                        .addValue("at", Timestamp.from(posted)).addValue("dayZero", dayZero).addValue("due", due.day())
                        .addValue("basis", Clock.RESULT_POSTING.legalBasis())
                        .addValue("years", due.unconfirmedYears().toArray(Integer[]::new))
                        .addValue("days", Clock.RESULT_POSTING.workingDays())
                        .addValue("overdue", late ? Timestamp.from(posted) : null));
    }

    /**
     * The posting is an instant like every other event: one after the cut-off (or on a day off) counts
     * from the next working day, so a result posted at 18:00 on its due day is late.
     */
    static boolean postedLate(WorkingCalendar calendar, Instant posted, LocalDate due) {
        return calendar.dayZero(posted).isAfter(due);
    }

    /**
     * Starts the next round of a clock that runs in rounds, from the due day of the round that ended
     * (stopped here); false when that was its last round.
     */
    boolean nextRound(long runId, String code, Clock clock, UUID startedBy, LocalDate previousDue, int round,
            Instant now) {
        jdbc.update("update case_clock set stopped_at = :now where id = :id",
                new MapSqlParameterSource("id", runId).addValue("now", Timestamp.from(now)));
        if (round >= clock.rounds()) {
            return false;
        }
        start(code, clock, startedBy, now, previousDue, round + 1, null);
        return true;
    }

    /** A period counted on the calendar: its due day, and its reminder day (null: none). */
    private record Counted(WorkingCalendar.Deadline due, LocalDate warnOn) {
    }

    /** {@code days} working days of {@code clock} from {@code dayZero}, for a period started at {@code trigger}. */
    private Counted count(Clock clock, LocalDate dayZero, int days, Instant trigger) {
        int warnAfter = clock.warnAfter(days);
        return new Counted(calendar.workingDaysAfter(dayZero, days, trigger),
                warnAfter == 0 ? null : calendar.workingDaysAfter(dayZero, warnAfter, trigger).day());
    }

    /** {@code startedAt} is also the trigger that maintenance windows are judged against (Đ16.3). */
    private void start(String code, Clock clock, UUID startedBy, Instant startedAt, LocalDate dayZero, int round,
            String field) {
        int days = periods.workingDays(clock, field);
        Counted counted = count(clock, dayZero, days, startedAt);
        jdbc.update("""
                insert into case_clock (case_code, clock, started_by, started_at, day_zero, due_on, warn_on,
                    legal_basis, unconfirmed_years, round, working_days)
                values (:code, :clock, :event, :at, :dayZero, :due, :warn, :basis, cast(:years as integer[]), :round, :days)
                on conflict (started_by, clock, round) do nothing""",
                new MapSqlParameterSource("code", code).addValue("event", startedBy)
                        .addValue("at", Timestamp.from(startedAt)).addValue("clock", clock.name())
                        .addValue("dayZero", dayZero).addValue("due", counted.due().day())
                        .addValue("warn", counted.warnOn())
                        .addValue("basis", periods.legalBasis(clock, field))
                        .addValue("years", counted.due().unconfirmedYears().toArray(Integer[]::new))
                        .addValue("round", round).addValue("days", days));
    }

    /**
     * Counts the running clocks again against the maintenance windows, for those the operators
     * announced after the clocks started (the count at start saw only the windows known then); how
     * many due days moved. The same on every node, so it may run on each at start-up.
     */
    public int recount() {
        List<WorkingCalendar.MaintenanceWindow> windows = calendar.maintenance();
        if (windows.isEmpty()) {
            return 0;
        }
        Instant lastStart = windows.stream().map(WorkingCalendar.MaintenanceWindow::start)
                .max(Instant::compareTo).orElseThrow();
        LocalDate firstDay = windows.stream().map(w -> w.start().atZone(ZoneOffset.UTC).toLocalDate()
                .minusDays(1)).min(LocalDate::compareTo).orElseThrow();
        record Running(long id, Clock clock, LocalDate dayZero, Instant startedAt, LocalDate dueOn, int days) {
        }
        List<Running> running = jdbc.query("""
                select id, clock, day_zero, started_at, due_on, working_days from case_clock
                where stopped_at is null and started_at <= :lastTrigger and due_on >= :firstDay""",
                new MapSqlParameterSource("lastTrigger", Timestamp.from(lastStart.minus(Duration.ofHours(3))))
                        .addValue("firstDay", firstDay),
                (rs, i) -> {
                    Clock clock = Clock.valueOf(rs.getString(2));
                    return new Running(rs.getLong(1), clock, rs.getObject(3, LocalDate.class),
                            rs.getTimestamp(4).toInstant(), rs.getObject(5, LocalDate.class),
                            rs.getObject(6) == null ? clock.workingDays() : rs.getInt(6));
                });
        int moved = 0;
        for (Running r : running) {
            Counted counted = count(r.clock(), r.dayZero(), r.days(), r.startedAt());
            if (!counted.due().day().equals(r.dueOn())) {
                moved += jdbc.update("update case_clock set due_on = :due, warn_on = :warn where id = :id",
                        new MapSqlParameterSource("id", r.id()).addValue("due", counted.due().day())
                                .addValue("warn", counted.warnOn()));
            }
        }
        if (moved > 0) {
            LOG.info("Maintenance windows (Đ16.3): the due days of {} running clocks moved", moved);
        }
        return moved;
    }

    public List<CaseClockView> of(String code) {
        return jdbc.query("""
                select clock, legal_basis, started_at, day_zero, due_on, warn_on, stopped_at, unconfirmed_years, round,
                    working_days
                from case_clock where case_code = :code order by id""", new MapSqlParameterSource("code", code),
                (rs, i) -> {
                    Clock clock = Clock.valueOf(rs.getString(1));
                    int days = rs.getObject(10) == null ? clock.workingDays() : rs.getInt(10);
                    return new CaseClockView(clock.name(), rs.getInt(9), rs.getString(2), days,
                            rs.getObject(3, OffsetDateTime.class), rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getTimestamp(7) == null,
                            rs.getObject(7, OffsetDateTime.class), years(rs.getArray(8)));
                });
    }

    private static Optional<CaseState> state(String name) {
        try {
            return Optional.of(CaseState.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static List<Integer> years(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Integer[]) array.getArray()).toList();
    }
}
