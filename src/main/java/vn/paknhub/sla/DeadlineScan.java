package vn.paknhub.sla;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.Savepoints;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.sync.StatusVocabulary;

/**
 * What happens when a day passes: a clock past its reminder day gets a reminder in the case history,
 * a clock past its due day is marked overdue, and where the regulation prescribes a step the hub takes
 * it (a supplement not given in time suspends the item, Đ11.2b; processing past its time limit makes
 * the case overdue, Đ13.2; the third overdue-update period ending unanswered escalates it, Đ13.2).
 * The body whose duty a clock is hears of its reminder and of its passing. Each row is claimed with
 * its mark in one statement, so each reminder and each overdue step happens once whichever node
 * scans, and a scan after downtime catches up, period by period.
 */
@Component
public class DeadlineScan {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineScan.class);
    private static final Actor SLA = new Actor(ActorRole.SYSTEM, "sla");

    /** A clock whose day has passed, as claimed by this scan. */
    private record Passed(long id, String caseCode, Clock clock, LocalDate day, int round, UUID startedBy) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseService cases;
    private final CaseClocks clocks;
    private final DeadlineNotices notices;
    private final Savepoints savepoints;
    private final TransactionTemplate tx;
    private final CaseSettings settings;
    private final java.time.Clock time;
    /** Clocks claimed per transaction: a node that dies mid-scan gives back at most this many to the others. */
    private final int claimSize;

    DeadlineScan(NamedParameterJdbcTemplate jdbc, CaseService cases, CaseClocks clocks, DeadlineNotices notices,
            Savepoints savepoints, TransactionTemplate tx, CaseSettings settings, java.time.Clock time,
            @org.springframework.beans.factory.annotation.Value("${hub.sla.scan-batch}") int claimSize) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clocks = clocks;
        this.notices = notices;
        this.savepoints = savepoints;
        this.tx = tx;
        this.settings = settings;
        this.time = time;
        this.claimSize = claimSize;
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
                + " limit :batch for update skip locked) returning id, case_code, clock, " + day + ", round, started_by",
                new MapSqlParameterSource("now", Timestamp.from(time.instant())).addValue("today", today)
                        .addValue("batch", claimSize),
                (rs, i) -> new Passed(rs.getLong(1), rs.getString(2), Clock.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getObject(6, UUID.class)));
    }

    private void remind(Passed p) {
        cases.find(p.caseCode()).ifPresent(c -> {
            String text = "Sắp đến hạn " + describe(p);
            UUID event = cases.record(c, "DEADLINE_REMINDER", SLA, text, details(p));
            if (p.clock().bodysDuty()) {
                notices.tell(c, event, StatusVocabulary.DEADLINE_REMINDER, "body-deadline-reminder", text);
            }
        });
    }

    private void overdue(Passed p) {
        Optional<CaseFile> found = cases.find(p.caseCode());
        if (found.isEmpty()) {
            return;
        }
        String text = "Đã quá hạn " + describe(p);
        UUID event = cases.record(found.get(), "DEADLINE_PASSED", SLA, text, details(p));
        if (p.clock().bodysDuty()) {
            notices.tell(found.get(), event, StatusVocabulary.DEADLINE_PASSED, "body-deadline-passed", text);
        }
        if (p.clock().rounds() > 1
                && clocks.nextRound(p.id(), p.caseCode(), p.clock(), p.startedBy(), p.day(), p.round(), time.instant())) {
            return; // the next period of progress updates runs from this due day
        }
        prescribedStep(p.clock()).ifPresent(step -> {
            try {
                CaseFile after = savepoints.within(() -> cases.apply(p.caseCode(), step, SLA, "Quá thời hạn "
                        + p.clock().workingDays() + " ngày làm việc (" + p.clock().legalBasis() + "), hạn " + p.day()
                        + (p.clock().rounds() > 1 ? ", lần thứ " + p.round() : ""), ActionInput.NONE));
                if (step == CaseAction.ESCALATE) {
                    reportEscalation(after, text);
                }
            } catch (ApiProblem notNow) {
                // the case moved on in the meantime (e.g. the supplement came): the mark stays, nothing else
                LOG.info("Deadline step {} not taken on {}: {}", step, p.caseCode(), notNow.getMessage());
            }
        });
    }

    /** After the third overdue period the Central Party Office reports to the Steering Committee (Đ13.2). */
    private void reportEscalation(CaseFile escalated, String text) {
        List<CaseEvent> history = cases.fullHistory(escalated);
        UUID event = history.get(history.size() - 1).eventId();
        notices.tell(settings.centralOffice(), escalated, event,
                StatusVocabulary.toldToHandler(CaseAction.ESCALATE).orElseThrow(), "escalation-report", text);
    }

    private static Optional<CaseAction> prescribedStep(Clock clock) {
        return switch (clock) {
            case SUPPLEMENT -> Optional.of(CaseAction.SUSPEND);
            case PROCESSING -> Optional.of(CaseAction.MARK_OVERDUE);
            case OVERDUE_UPDATE -> Optional.of(CaseAction.ESCALATE);
            default -> Optional.empty();
        };
    }

    /** E.g. "Xử lý, trả lời (Đ13.1): ngày 14/12/2026". */
    private static String describe(Passed p) {
        return p.clock().labelVi() + (p.clock().rounds() > 1 ? " lần " + p.round() + "/" + p.clock().rounds() : "")
                + " (" + p.clock().legalBasis() + "): ngày " + DAY.format(p.day());
    }

    private static Map<String, Object> details(Passed p) {
        return Map.of("clock", p.clock().name(), "day", p.day().toString(), "legalBasis", p.clock().legalBasis(),
                "round", p.round());
    }
}
