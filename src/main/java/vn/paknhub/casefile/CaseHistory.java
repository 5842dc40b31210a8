package vn.paknhub.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.paknhub.evidence.EventDigest;
import vn.paknhub.evidence.Seals;

/** The append-only case history (the database refuses updates and deletes of it). */
@Repository
public class CaseHistory {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Seals seals;

    public CaseHistory(NamedParameterJdbcTemplate jdbc, ObjectMapper json, Seals seals) {
        this.jdbc = jdbc;
        this.json = json;
        this.seals = seals;
    }

    public void append(UUID caseId, CaseEvent e) {
        append(List.of(new CaseBatch.Entry(caseId, e, List.of())));
    }

    /**
     * Appends the events in their order (their sequence numbers follow it), in one round trip, each sealed
     * in its case's chain in the same transaction (tamper evidence). Times are kept to the microsecond, as
     * the database keeps them, so that what is sealed is what is stored.
     */
    void append(List<CaseBatch.Entry> entries) {
        List<EventDigest.Content> sealed = new ArrayList<>(entries.size());
        // the sequence numbers are drawn first, so that each event's seal covers its place in the history
        java.util.Iterator<Long> seq = seals.numbers(entries.size()).iterator();
        jdbc.batchUpdate("""
                insert into case_event (seq, event_id, case_id, action, from_state, to_state, actor_kind, actor_id, reason,
                    details, public, occurred_at) overriding system value
                values (:seq, :eventId, :caseId, :action, :from, :to, :actorKind, :actorId, :reason, cast(:details as jsonb),
                    :public, :at)""", entries.stream().map(entry -> {
                    CaseEvent e = entry.event();
                    String details = toJson(e.details());
                    Instant at = e.occurredAt().truncatedTo(ChronoUnit.MICROS);
                    long number = seq.next();
                    sealed.add(new EventDigest.Content(number, e.eventId(), entry.caseId(), e.action(),
                            e.fromState() == null ? null : e.fromState().name(), e.toState().name(), e.actorKind().name(),
                            e.actorId(), e.reason(), details, e.publicEvent(), at));
                    return new MapSqlParameterSource().addValue("seq", number)
                            .addValue("eventId", e.eventId()).addValue("caseId", entry.caseId()).addValue("action", e.action())
                            .addValue("from", e.fromState() == null ? null : e.fromState().name())
                            .addValue("to", e.toState().name()).addValue("actorKind", e.actorKind().name())
                            .addValue("actorId", e.actorId()).addValue("reason", e.reason())
                            .addValue("details", details).addValue("public", e.publicEvent())
                            .addValue("at", Timestamp.from(at));
                }).toArray(MapSqlParameterSource[]::new));
        seals.seal(sealed);
    }

    public List<CaseEvent> of(UUID caseId, boolean publicOnly) {
        return jdbc.query("""
                select seq, event_id, action, from_state, to_state, actor_kind, actor_id, reason, details::text,
                    public, occurred_at
                from case_event where case_id = :caseId and (public or not :publicOnly) order by seq""",
                new MapSqlParameterSource("caseId", caseId).addValue("publicOnly", publicOnly),
                (rs, i) -> new CaseEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4) == null ? null : CaseState.valueOf(rs.getString(4)),
                        CaseState.valueOf(rs.getString(5)), ActorRole.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getString(8), fromJson(rs.getString(9)), rs.getBoolean(10),
                        rs.getTimestamp(11).toInstant()));
    }

    /**
     * The reasons given with events, read together: event id → reason, for the events of {@code caseOfEvent}
     * (event id → its case's id) that belong to that case and carry a reason. The Central Party Office's review of a
     * result (PUBLISH, APPROVE_RESULT) tells the submitter the answer it approved (Đ12.4c): its "reason" is that
     * answer, the latest result or appeal answer before it.
     */
    public Map<UUID, String> reasonsOf(Map<UUID, UUID> caseOfEvent) {
        Map<UUID, String> found = new HashMap<>();
        if (caseOfEvent.isEmpty()) {
            return found;
        }
        jdbc.query("""
                select * from (select e.event_id, e.case_id, case when e.action in ('PUBLISH', 'APPROVE_RESULT') then (
                        select p.reason from case_event p where p.case_id = e.case_id and p.seq < e.seq
                            and p.action in ('POST_RESULT', 'ANSWER_APPEAL') and p.reason is not null
                        order by p.seq desc limit 1) else e.reason end as reason
                    from case_event e where e.event_id = any(cast(:ids as uuid[]))) r
                where r.reason is not null""",
                new MapSqlParameterSource("ids", caseOfEvent.keySet().stream().map(UUID::toString).toArray(String[]::new)),
                (RowCallbackHandler) rs -> {
                    UUID eventId = rs.getObject(1, UUID.class);
                    if (rs.getObject(2, UUID.class).equals(caseOfEvent.get(eventId))) {
                        found.put(eventId, rs.getString(3));
                    }
                });
        return found;
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event details are not serialisable", e);
        }
    }

    private Map<String, Object> fromJson(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event details are not JSON", e);
        }
    }
}
