package vn.paknhub.sla;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    CaseClocks(NamedParameterJdbcTemplate jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
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
        change.start().ifPresent(clock -> {
            // overdue updates fall every 5 working days counted from the missed deadline, not from the day it was noticed
            LocalDate dayZero = clock == Clock.OVERDUE_UPDATE ? processingDue.stream().filter(d -> d != null).findFirst()
                    .orElseGet(() -> calendar.dayZero(e.occurredAt().toInstant()))
                    : calendar.dayZero(e.occurredAt().toInstant());
            start(e.caseCode(), clock, e.eventId(), Timestamp.from(e.occurredAt().toInstant()), dayZero, 1);
        });
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
        start(code, clock, startedBy, Timestamp.from(now), previousDue, round + 1);
        return true;
    }

    private void start(String code, Clock clock, UUID startedBy, Timestamp startedAt, LocalDate dayZero, int round) {
        WorkingCalendar.Deadline due = calendar.workingDaysAfter(dayZero, clock.workingDays());
        jdbc.update("""
                insert into case_clock (case_code, clock, started_by, started_at, day_zero, due_on, warn_on,
                    legal_basis, unconfirmed_years, round)
                values (:code, :clock, :event, :at, :dayZero, :due, :warn, :basis, cast(:years as integer[]), :round)
                on conflict (started_by, clock, round) do nothing""",
                new MapSqlParameterSource("code", code).addValue("event", startedBy).addValue("at", startedAt)
                        .addValue("clock", clock.name()).addValue("dayZero", dayZero).addValue("due", due.day())
                        .addValue("warn", clock.warnAfter() == 0 ? null
                                : calendar.workingDaysAfter(dayZero, clock.warnAfter()).day())
                        .addValue("basis", clock.legalBasis())
                        .addValue("years", due.unconfirmedYears().toArray(Integer[]::new))
                        .addValue("round", round));
    }

    public List<CaseClockView> of(String code) {
        return jdbc.query("""
                select clock, legal_basis, started_at, day_zero, due_on, warn_on, stopped_at, unconfirmed_years, round
                from case_clock where case_code = :code order by id""", new MapSqlParameterSource("code", code),
                (rs, i) -> {
                    Clock clock = Clock.valueOf(rs.getString(1));
                    return new CaseClockView(clock.name(), rs.getInt(9), rs.getString(2), clock.workingDays(),
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
