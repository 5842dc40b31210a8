package vn.paknhub.sla;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.casefile.ActionInput;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.Savepoints;
import vn.paknhub.core.problem.ApiProblem;

/**
 * What happens when a day passes: a clock past its reminder day gets a reminder in the case history,
 * a clock past its due day is marked overdue, and where the regulation prescribes a step the hub takes
 * it (a supplement not given in time suspends the item, Đ11.2b; processing past its time limit makes
 * the case overdue, Đ13.2). Each row is claimed with its mark in one statement, so each reminder and
 * each overdue step happens once whichever node scans, and a scan after downtime catches up.
 */
@Component
public class DeadlineScan {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineScan.class);
    private static final Actor SLA = new Actor(ActorRole.SYSTEM, "sla");
    private static final int BATCH = 500;

    /** A clock whose day has passed, as claimed by this scan. */
    private record Passed(String caseCode, Clock clock, LocalDate day) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseService cases;
    private final Savepoints savepoints;
    private final TransactionTemplate tx;
    private final CaseSettings settings;
    private final java.time.Clock time;

    DeadlineScan(NamedParameterJdbcTemplate jdbc, CaseService cases, Savepoints savepoints, TransactionTemplate tx,
            CaseSettings settings, java.time.Clock time) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.savepoints = savepoints;
        this.tx = tx;
        this.settings = settings;
        this.time = time;
    }

    /** One pass (called by the sla-scan timer); the number of reminders and overdue marks taken. */
    public int scan() {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(time.withZone(settings.timeZone()));
        int done = 0;
        List<Passed> batch;
        do {
            batch = tx.execute(s -> {
                List<Passed> claimed = claim("warned_at", "warn_on", today);
                claimed.forEach(this::remind);
                List<Passed> overdue = claim("overdue_at", "due_on", today);
                overdue.forEach(this::overdue);
                return Stream.concat(claimed.stream(), overdue.stream()).toList();
            });
            done += batch.size();
        } while (!batch.isEmpty());
        if (done > 0) {
            LOG.info("Deadline scan: {} reminders and overdue steps in {} ms", done, (System.nanoTime() - started) / 1_000_000);
        }
        return done;
    }

    private List<Passed> claim(String mark, String day, LocalDate today) {
        return jdbc.query("update case_clock set " + mark + " = :now where id in (select id from case_clock"
                + " where stopped_at is null and " + mark + " is null and " + day + " < :today order by " + day
                + " limit :batch for update skip locked) returning case_code, clock, " + day,
                new MapSqlParameterSource("now", Timestamp.from(time.instant())).addValue("today", today)
                        .addValue("batch", BATCH),
                (rs, i) -> new Passed(rs.getString(1), Clock.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)));
    }

    private void remind(Passed p) {
        cases.find(p.caseCode()).ifPresent(c -> cases.record(c, "DEADLINE_REMINDER", SLA, null, details(p)));
    }

    private void overdue(Passed p) {
        Optional<CaseFile> found = cases.find(p.caseCode());
        if (found.isEmpty()) {
            return;
        }
        cases.record(found.get(), "DEADLINE_PASSED", SLA, null, details(p));
        prescribedStep(p.clock()).ifPresent(step -> {
            try {
                savepoints.within(() -> cases.apply(p.caseCode(), step, SLA, "Quá thời hạn " + p.clock().workingDays()
                        + " ngày làm việc (" + p.clock().legalBasis() + "), hạn " + p.day(), ActionInput.NONE));
            } catch (ApiProblem notNow) {
                // the case moved on in the meantime (e.g. the supplement came): the mark stays, nothing else
                LOG.info("Deadline step {} not taken on {}: {}", step, p.caseCode(), notNow.getMessage());
            }
        });
    }

    private static Optional<CaseAction> prescribedStep(Clock clock) {
        return switch (clock) {
            case SUPPLEMENT -> Optional.of(CaseAction.SUSPEND);
            case PROCESSING -> Optional.of(CaseAction.MARK_OVERDUE);
            default -> Optional.empty();
        };
    }

    private static Map<String, Object> details(Passed p) {
        return Map.of("clock", p.clock().name(), "day", p.day().toString(), "legalBasis", p.clock().legalBasis());
    }
}
