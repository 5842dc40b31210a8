package vn.paknhub.sla;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The supervisors' view of the deadlines (Đ13, Đ21): per body, what falls due soon, what is overdue, the
 * progress updates an overdue case owes (Đ13.2: every 5 working days, at most 3 times) and the cases already
 * escalated to the Steering Committee. Only the clocks that are a body's duty count: a submitter's
 * supplement window is nobody's delay.
 */
@Repository
public class DeadlineBoard {

    /** Where a running clock stands today. */
    public enum Standing {
        /** its reminder day has come, its due day has not passed */
        DUE_SOON,
        /** its due day has passed */
        OVERDUE,
        /** an overdue case's progress update (Đ13.2 ladder), due or late */
        PROGRESS_DUE
    }

    /** A running clock of a case, as the board lists it. */
    public record Line(String caseCode, String title, String agency, Clock clock, int round, LocalDate warnOn,
            LocalDate dueOn, String legalBasis) {

        /** Where it stands on {@code today}, or null when nothing about it needs a look yet. */
        public Standing standing(LocalDate today) {
            if (clock == Clock.OVERDUE_UPDATE) {
                return Standing.PROGRESS_DUE;
            }
            if (dueOn.isBefore(today)) {
                return Standing.OVERDUE;
            }
            return warnOn != null && !warnOn.isAfter(today) ? Standing.DUE_SOON : null;
        }
    }

    /** A case escalated to the Steering Committee (Đ13.2), which runs no clock of its own. */
    public record Escalation(String caseCode, String title, String agency, java.time.OffsetDateTime since) {
    }

    /** The counts of one body. */
    public record BodyCounts(String agency, int dueSoon, int overdue, int progressDue, int escalated) {
    }

    /** The board for one body, or all of them. */
    public record Board(Map<Standing, List<Line>> lines, List<Escalation> escalations, List<BodyCounts> perBody) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    DeadlineBoard(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param agency one body, or null for every body (the Central Party Office) */
    public Board board(String agency, LocalDate today, int limit) {
        List<String> bodyClocks = Arrays.stream(Clock.values()).filter(Clock::bodysDuty).map(Clock::name).toList();
        MapSqlParameterSource p = new MapSqlParameterSource("agency", agency).addValue("today", today)
                .addValue("clocks", bodyClocks).addValue("limit", limit);
        List<Line> lines = jdbc.query("""
                select c.code, c.title, coalesce(c.assigned_agency, '') as agency, k.clock, k.round, k.warn_on, k.due_on,
                       k.legal_basis
                  from case_clock k join case_file c on c.code = k.case_code
                 where k.stopped_at is null and k.clock in (:clocks)
                   and (cast(:agency as text) is null or c.assigned_agency = :agency)
                   and (k.clock = 'OVERDUE_UPDATE' or k.due_on < :today or k.warn_on <= :today)
                 order by k.due_on, c.code limit :limit""", p,
                (rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), Clock.valueOf(rs.getString(4)),
                        rs.getInt(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8)));
        List<Escalation> escalations = jdbc.query("""
                select code, title, coalesce(assigned_agency, ''), updated_at from case_file
                 where state = 'ESCALATED' and (cast(:agency as text) is null or assigned_agency = :agency)
                 order by updated_at limit :limit""", p,
                (rs, i) -> new Escalation(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class)));
        return arrange(lines, escalations, today);
    }

    /** Sorts the lines by standing and counts them per body (plain: tested without a database). */
    static Board arrange(List<Line> lines, List<Escalation> escalations, LocalDate today) {
        Map<Standing, List<Line>> byStanding = new java.util.EnumMap<>(Standing.class);
        for (Standing s : Standing.values()) {
            byStanding.put(s, new ArrayList<>());
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (Line l : lines) {
            Standing s = l.standing(today);
            if (s != null) {
                byStanding.get(s).add(l);
                counts.computeIfAbsent(l.agency(), a -> new int[4])[s.ordinal()]++;
            }
        }
        for (Escalation e : escalations) {
            counts.computeIfAbsent(e.agency(), a -> new int[4])[3]++;
        }
        return new Board(byStanding, escalations, counts.entrySet().stream()
                .map(e -> new BodyCounts(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList());
    }
}
