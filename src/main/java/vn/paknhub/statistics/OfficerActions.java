package vn.paknhub.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.paknhub.bus.CaseEventMessage;
import vn.paknhub.casefile.ActorRole;

/**
 * Who did what, per day: the case events of the people and bodies that act on cases (Đ17), counted per
 * actor and action from the bus ({@link CaseEventTally} fills the counts). The submitter is not named here
 * (personal data stays in the case store) and the hub's own automatic steps are nobody's work.
 */
@Component
public class OfficerActions {

    /** The roles a person or a body's system acts in; the submitter and the system are not counted. */
    private static final Set<String> COUNTED = Set.of(ActorRole.AGENCY.name(), ActorRole.CENTRAL_OFFICE.name());

    /** Where an event is counted: its day, the actor's body, the actor and the action. */
    public record Key(LocalDate day, String agency, String actor, String action) {
    }

    /** One count: {@code actor} took {@code action} {@code events} times on {@code day}, for {@code agency}. */
    public record Row(LocalDate day, String agency, String actor, String action, long events) {
    }

    /** The counts of a period, {@code from} and {@code to} included. */
    public record Report(LocalDate from, LocalDate to, List<Row> rows) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public OfficerActions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Where {@code e} is counted, if it is a person's or a body's action. The body is the actor's own — the
     * part of an officer's label before the slash, a body's code as it stands — not the case's assignee: a
     * Central Party Office clerk forwarding a case to a ministry acted for the Central Party Office.
     */
    public static Optional<Key> keyOf(CaseEventMessage e) {
        String actor = e.actorId() == null ? "" : e.actorId().strip();
        if (actor.isEmpty() || !COUNTED.contains(e.actorKind()) || e.occurredAt() == null) {
            return Optional.empty();
        }
        int slash = actor.indexOf('/');
        return Optional.of(new Key(e.occurredAt().toLocalDate(), slash < 0 ? actor : actor.substring(0, slash), actor,
                e.action()));
    }

    /** The counts from {@code from} to {@code to} (days, both included); only {@code agency}'s people when it is given. */
    public Report between(LocalDate from, LocalDate to, String agency) {
        return new Report(from, to, jdbc.query("""
                select day, agency, actor, action, events from officer_action_tally
                where day between :from and :to and (cast(:agency as text) is null or agency = :agency)
                order by day, agency, actor, action""",
                new MapSqlParameterSource("from", Date.valueOf(from)).addValue("to", Date.valueOf(to))
                        .addValue("agency", agency),
                (rs, i) -> new Row(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))));
    }
}
